package dev.facet.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The key of a Facet that has no {@code facet.security.keys}: one admin key, made on first start
 * and kept in {@code <data>/admin.key} (readable by its owner only), so that a local install is
 * never open and scripts on the same machine find their key.
 */
public final class LocalAdminKey {

  public static final String FILE = "admin.key";
  static final String NAME = "local-admin";

  private LocalAdminKey() {}

  /** The key in {@code data}, made when missing. */
  public static String in(Path data) {
    Path file = data.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(data);
        write(file, ApiKeys.newKey());
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or make the local admin key " + file, e);
    }
  }

  /**
   * How a shell command on this machine gets its key: the local admin key's file, or {@code
   * $FACET_API_KEY} where keys are configured (and only their hashes are known here).
   */
  public static String shellReference(SecurityProperties security, Path data) {
    return security.keys().isEmpty() ? "$(cat " + data.resolve(FILE) + ")" : "$FACET_API_KEY";
  }

  static ApiKeyGrant grant(Path data) {
    return new ApiKeyGrant(NAME, Role.ADMIN, ApiKeys.sha256(in(data)));
  }

  private static void write(Path file, String key) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      return; // another process made it first; theirs stands
    }
    Files.writeString(file, key + "\n");
  }
}
