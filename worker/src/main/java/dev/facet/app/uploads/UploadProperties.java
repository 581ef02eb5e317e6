package dev.facet.app.uploads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on reference photo uploads; the HTTP multipart limits derive from these.
 *
 * @param maxFileSize largest accepted photo
 * @param maxFiles most photos in one upload
 */
@ConfigurationProperties("facet.uploads")
public record UploadProperties(
    @DefaultValue("25MB") DataSize maxFileSize, @DefaultValue("10") int maxFiles) {

  /** The size limit as people write it, e.g. "25 MB". */
  public String maxFileSizeText() {
    long bytes = maxFileSize.toBytes();
    if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
      return maxFileSize.toMegabytes() + " MB";
    }
    if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
      return maxFileSize.toKilobytes() + " KB";
    }
    return bytes + " bytes";
  }
}
