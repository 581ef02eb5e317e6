package dev.facet.devkit.providers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small {@code multipart/form-data} parser: enough for the edits endpoint's form. */
public final class Multipart {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1");
  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  /** One form field; {@code filename} is null for text fields. */
  public record Part(String name, String filename, String contentType, byte[] data) {
    public String text() {
      return new String(data, StandardCharsets.UTF_8);
    }

    public boolean isFile() {
      return filename != null;
    }
  }

  private Multipart() {}

  /**
   * @throws IllegalArgumentException when the body is not multipart or is malformed
   */
  static List<Part> parse(String contentType, byte[] body) {
    Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        || !boundary.find()) {
      throw new IllegalArgumentException("not multipart/form-data with a boundary");
    }
    byte[] delimiter = ("--" + boundary.group(2)).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw new IllegalArgumentException("no boundary in body");
    }
    while (true) {
      int start = at + delimiter.length;
      if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
        return parts;
      }
      start += 2; // CRLF after the delimiter
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        throw new IllegalArgumentException("unterminated multipart body");
      }
      parts.add(part(Arrays.copyOfRange(body, start, next - 2))); // minus CRLF before delimiter
      at = next;
    }
  }

  private static Part part(byte[] raw) {
    int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (split < 0) {
      throw new IllegalArgumentException("part without headers");
    }
    String headers = new String(raw, 0, split, StandardCharsets.UTF_8);
    String name = null;
    String filename = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-disposition:")) {
        Matcher n = NAME.matcher(line);
        name = n.find() ? n.group(1) : null;
        Matcher f = FILENAME.matcher(line);
        filename = f.find() ? f.group(1) : null;
      } else if (lower.startsWith("content-type:")) {
        type = line.substring("content-type:".length()).strip();
      }
    }
    if (name == null) {
      throw new IllegalArgumentException("part without a name");
    }
    return new Part(name, filename, type, Arrays.copyOfRange(raw, split + 4, raw.length));
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
