#!/usr/bin/env bash
# Assembles the image's base filesystem without a container registry or a Docker daemon:
#   - a Java runtime cut by jlink from the local JDK 17 (only the modules Facet needs),
#   - the shared libraries that runtime links, taken whole from their Debian packages
#     (`apt-get download` + `dpkg-deb -x`: glibc, libstdc++, zlib, libjpeg, lcms2, ...), and the
#     C++ runtime OpenCV's natives need,
#   - /etc/passwd and /etc/group with the non-root user 65532 (nonroot), /tmp, the CA bundle.
# There is no shell and no package manager in it. Jib adds it as extra directories on top of the
# empty `scratch` base (worker/pom.xml, profile `image`).
#
#   deploy/image/rootfs.sh <out-dir>      (default worker/target/image-rootfs)
#
# Needs: a Debian JDK 17 with jmods (openjdk-17-jdk-headless), apt-get, dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=$(realpath -m "${1:-worker/target/image-rootfs}")
WORK=$(realpath -m "$OUT.work")
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

# java.desktop: ImageIO and java.awt.image; jdk.httpserver: the fake providers; jdk.crypto.*:
# TLS to S3, Temporal Cloud and the providers; jdk.management: the process metrics;
# jdk.unsupported: gRPC/Netty; java.sql, java.naming, java.instrument…: Spring Boot.
MODULES=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,\
java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,\
java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,\
jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.localedata,jdk.management,\
jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

[[ -d "$JAVA_HOME/jmods" ]] || { echo "No jmods in $JAVA_HOME: install openjdk-17-jdk-headless" >&2; exit 1; }
rm -rf "$OUT" "$WORK"
mkdir -p "$OUT/opt" "$WORK/debs"

echo "jlink: $MODULES"
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods" --add-modules "$MODULES" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$OUT/opt/java"
# Debian's JDK keeps its CA store in /etc (a symlink jlink leaves out); ship a copy of it.
rm -f "$OUT/opt/java/lib/security/cacerts"
cp -L "$JAVA_HOME/lib/security/cacerts" "$OUT/opt/java/lib/security/cacerts"

# The runtime's shared libraries, less the X11 ones a headless server never loads.
libs=$(find "$OUT/opt/java" -name '*.so' ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' \
  ! -name 'libjawt.so' -print0 | xargs -0 ldd 2>/dev/null | awk '/=> \//{print $3}' | sort -u)
missing=$(find "$OUT/opt/java" -name '*.so' ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' \
  ! -name 'libjawt.so' -print0 | xargs -0 ldd 2>/dev/null | grep 'not found' | grep -v 'libjvm.so' | sort -u || true)
[[ -z "$missing" ]] || { echo "Unresolved libraries: $missing" >&2; exit 1; }
packages=$(for lib in $libs /lib64/ld-linux-x86-64.so.2; do
  dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null ||
    dpkg -S "*/$(basename "$lib")" 2>/dev/null | head -1
done | cut -d: -f1 | sort -u | grep -v '^openjdk-')
# OpenCV's natives (unpacked from their jars at run time) need the C++ runtime as well.
packages=$(echo $packages libstdc++6 libgcc-s1 | tr ' ' '\n' | sort -u)
echo "Debian packages: $(echo $packages)"
# apt-get download needs the package lists; a fresh machine may have none yet.
if ! (cd "$WORK/debs" && apt-get download $packages >/dev/null 2>&1); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  (cd "$WORK/debs" && apt-get download $packages >/dev/null)
fi
for deb in "$WORK"/debs/*.deb; do dpkg-deb -x "$deb" "$OUT"; done
# The C.UTF-8 locale (LANG in the image), from libc-bin, so the JVM's default and stdout encodings
# are UTF-8 rather than ASCII; the rest of libc-bin (ldconfig, locale…) stays out.
(cd "$WORK" && apt-get download libc-bin >/dev/null && dpkg-deb -x libc-bin_*.deb libc-bin)
mkdir -p "$OUT/usr/lib/locale"
cp -a "$WORK/libc-bin/usr/lib/locale/C.utf8" "$OUT/usr/lib/locale/"
# Jib copies a symlink as the file it points to, resolved on the build machine: an absolute link
# (/lib64/ld-linux-x86-64.so.2 -> /lib/...) would bring in the host's file. Replace every link by
# a copy of its target inside this tree, and drop those that point nowhere here.
while IFS= read -r -d '' link; do
  target=$(readlink "$link")
  if [[ "$target" == /* ]]; then resolved="$OUT$target"; else resolved="$(dirname "$link")/$target"; fi
  if [[ -e "$resolved" ]]; then cp -L --remove-destination "$resolved" "$link"; else rm -f "$link"; fi
done < <(find "$OUT" -type l -print0)
rm -rf "$OUT/usr/share/doc" "$OUT/usr/share/man" "$OUT/usr/share/lintian" "$OUT/usr/share/locale" \
  "$OUT/usr/share/info" "$OUT/etc/ld.so.conf.d" "$OUT/usr/lib/x86_64-linux-gnu/gconv" \
  "$OUT/usr/share/bug"
ls "$WORK"/debs/*.deb | xargs -n1 basename >"$OUT/opt/debian-packages.txt"

mkdir -p "$OUT/etc" "$OUT/tmp" "$OUT/home/nonroot" "$OUT/var/lib/facet"
cat >"$OUT/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat >"$OUT/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
echo "hosts: files dns" >"$OUT/etc/nsswitch.conf"
rm -rf "$WORK"
echo "rootfs: $OUT ($(du -sh "$OUT" | cut -f1))"
