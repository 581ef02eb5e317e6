package dev.facet.app.uploads;

import dev.facet.app.problem.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** {@code POST /api/uploads}: reference photos in, object keys out. */
@Tag(name = "Uploads", description = "Reference photos in, object keys out.")
@RestController
class UploadController {

  private final PhotoUploads uploads;

  UploadController(PhotoUploads uploads) {
    this.uploads = uploads;
  }

  /**
   * @param photos the photos, as multipart parts named {@code photos}
   * @param angles optional {@code angle} values, the n-th for the n-th photo
   */
  @Operation(
      operationId = "uploadPhotos",
      summary = "Upload reference photos",
      description =
          "Validates each photo (format, size, resolution, blur, exposure) and stores it "
              + "under a server-made key, for `photos` in a shoot or catalog manifest. Role: "
              + "operator or admin.")
  @ProblemResponses({400, 413, 415, 422})
  @PostMapping(path = "/api/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  List<UploadedPhoto> upload(
      @RequestParam("photos") List<MultipartFile> photos,
      @RequestParam(name = "angle", required = false) List<String> angles) {
    List<String> tags = angles == null ? List.of() : angles;
    if (tags.size() > photos.size()) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "The upload has "
              + tags.size()
              + " angle values for "
              + photos.size()
              + " photos; send at most one angle per photo, in the same order.");
    }
    List<IncomingPhoto> incoming = new ArrayList<>();
    for (int i = 0; i < photos.size(); i++) {
      MultipartFile photo = photos.get(i);
      String angle = i < tags.size() ? tags.get(i) : "";
      incoming.add(new IncomingPhoto(photo.getOriginalFilename(), bytes(photo), angle));
    }
    return uploads.store(incoming);
  }

  private static byte[] bytes(MultipartFile photo) {
    try {
      return photo.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded photo", e);
    }
  }
}
