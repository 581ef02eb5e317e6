package dev.facet.app.uploads;

import dev.facet.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Checks and stores a batch of reference photos. Keys are {@code uploads/<uuid>/<n>}: made here,
 * never from anything the client sent.
 */
@Component
public class PhotoUploads {

  private static final int MAX_ANGLE_LENGTH = 40;

  private final ObjectStore store;
  private final UploadInspector inspector;
  private final UploadProperties limits;

  public PhotoUploads(ObjectStore store, UploadInspector inspector, UploadProperties limits) {
    this.store = store;
    this.inspector = inspector;
    this.limits = limits;
  }

  /**
   * Inspects every photo, then stores them all, so a bad photo leaves nothing behind.
   *
   * @throws RejectedUploadException naming the photo and what is wrong with it
   */
  public List<UploadedPhoto> store(List<IncomingPhoto> photos) {
    List<String> mediaTypes = check(photos);
    String batch = "uploads/" + UUID.randomUUID();
    List<UploadedPhoto> stored = new ArrayList<>();
    for (int i = 0; i < photos.size(); i++) {
      IncomingPhoto photo = photos.get(i);
      String key = batch + "/" + i;
      store.put(key, photo.bytes(), mediaTypes.get(i));
      stored.add(new UploadedPhoto(key, angle(photo), photo.bytes().length, mediaTypes.get(i)));
    }
    return stored;
  }

  /**
   * Inspects every photo as {@link #store} does, and stores nothing: for a plan.
   *
   * @return each photo's media type
   * @throws RejectedUploadException naming the photo and what is wrong with it
   */
  public List<String> check(List<IncomingPhoto> photos) {
    checkCount(photos.size());
    List<String> mediaTypes = new ArrayList<>();
    for (int i = 0; i < photos.size(); i++) {
      IncomingPhoto photo = photos.get(i);
      String name = describe(i, photo);
      checkSize(name, photo);
      checkAngle(name, photo.angle());
      mediaTypes.add(inspector.inspect(name, photo.bytes()));
    }
    return mediaTypes;
  }

  private void checkCount(int count) {
    if (count == 0) {
      throw new RejectedUploadException(
          RejectedUploadException.Reason.NO_PHOTOS, "The upload holds no photos.");
    }
    if (count > limits.maxFiles()) {
      throw new RejectedUploadException(
          RejectedUploadException.Reason.TOO_MANY_PHOTOS,
          "An upload holds at most "
              + limits.maxFiles()
              + " photos; this one holds "
              + count
              + ". Upload the rest in another request.");
    }
  }

  private void checkSize(String name, IncomingPhoto photo) {
    if (photo.bytes().length > limits.maxFileSize().toBytes()) {
      throw new RejectedUploadException(
          RejectedUploadException.Reason.TOO_LARGE,
          name + " is larger than the " + limits.maxFileSizeText() + " a photo may have.");
    }
  }

  private static void checkAngle(String name, String angle) {
    if (angle != null && angle.strip().length() > MAX_ANGLE_LENGTH) {
      throw new RejectedUploadException(
          RejectedUploadException.Reason.UNUSABLE,
          "The angle of " + name + " is longer than " + MAX_ANGLE_LENGTH + " characters.");
    }
  }

  private static String angle(IncomingPhoto photo) {
    return photo.angle() == null ? "" : photo.angle().strip();
  }

  private static String describe(int index, IncomingPhoto photo) {
    String original = photo.originalName();
    if (original == null || original.isBlank()) {
      return "Photo " + (index + 1);
    }
    String shown = original.length() > 60 ? original.substring(0, 60) + "…" : original;
    return "Photo " + (index + 1) + " (" + shown + ")";
  }
}
