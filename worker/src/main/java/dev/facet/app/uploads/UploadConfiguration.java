package dev.facet.app.uploads;

import dev.facet.imaging.PhotoValidator;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Upload validation and the HTTP limits that follow from {@link UploadProperties}. */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

  /** Uploads are checked by the same validator as the capture step. */
  @Bean
  UploadInspector uploadInspector() {
    return new ReferencePhotoInspector(new PhotoValidator());
  }

  /**
   * Multipart limits from {@code facet.uploads}, so one setting governs both the HTTP layer and
   * {@link PhotoUploads}. The request may carry one photo more than allowed, so that too many
   * photos are reported as such, not as a request too large.
   */
  @Bean
  MultipartConfigElement multipartConfigElement(UploadProperties limits) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    factory.setMaxFileSize(limits.maxFileSize());
    factory.setMaxRequestSize(
        DataSize.ofBytes(limits.maxFileSize().toBytes() * (limits.maxFiles() + 1L)));
    factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
    return factory.createMultipartConfig();
  }
}
