package dev.facet.app.uploads;

import dev.facet.imaging.Finding;
import dev.facet.imaging.Finding.Problem;
import dev.facet.imaging.PhotoCheck;
import dev.facet.imaging.PhotoValidator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an upload exactly as the capture step will: format sniffed from the bytes, decodable, not
 * a decompression bomb, big and sharp and well exposed enough. The seller hears about a bad photo
 * when uploading it, not when a shoot fails later.
 */
public final class ReferencePhotoInspector implements UploadInspector {

  /** Problems that mean "not a photo Facet reads", answered as 415; the rest as 422. */
  private static final Set<Problem> NOT_A_PHOTO =
      Set.of(Problem.EMPTY, Problem.NOT_AN_IMAGE, Problem.UNSUPPORTED_FORMAT);

  private final PhotoValidator validator;

  public ReferencePhotoInspector(PhotoValidator validator) {
    this.validator = validator;
  }

  @Override
  public String inspect(String name, byte[] bytes) {
    PhotoCheck check = validator.validate(bytes);
    if (check.accepted()) {
      return check.format().mediaType();
    }
    boolean notAPhoto = check.errors().stream().anyMatch(f -> NOT_A_PHOTO.contains(f.problem()));
    throw new RejectedUploadException(
        notAPhoto
            ? RejectedUploadException.Reason.UNSUPPORTED_FORMAT
            : RejectedUploadException.Reason.UNUSABLE,
        name
            + ": "
            + check.errors().stream().map(Finding::message).collect(Collectors.joining("; ")));
  }
}
