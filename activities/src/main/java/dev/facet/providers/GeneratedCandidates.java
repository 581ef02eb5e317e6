package dev.facet.providers;

import dev.facet.imaging.ImageFormat;
import dev.facet.model.Candidate;
import dev.facet.model.ImageRef;
import dev.facet.model.Reference;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationCheckpoint;
import dev.facet.storage.MissingObjectException;
import dev.facet.storage.ObjectStore;
import io.temporal.failure.ApplicationFailure;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where generators read references and keep candidates. A candidate lives under its deterministic
 * key, so a retried activity that finds it returns it instead of paying the provider again.
 */
final class GeneratedCandidates {

  private final ObjectStore store;

  GeneratedCandidates(ObjectStore store) {
    this.store = store;
  }

  static String id(GenerateRequest request) {
    return Candidate.id(request.round(), request.shot().name(), request.variant());
  }

  static String key(GenerateRequest request, ImageFormat format) {
    return request
        .keys()
        .candidate(request.round(), request.shot().name(), request.variant(), format.extension());
  }

  /**
   * The candidate an earlier attempt stored, if any; {@code model} made it, {@code paid} holds its
   * charges.
   */
  Optional<Candidate> existing(
      GenerateRequest request,
      ImageFormat format,
      String model,
      GenerationCheckpoint paid,
      int attempt) {
    return store
        .find(key(request, format))
        .map(image -> candidate(request, model, image, attempt, paid));
  }

  Candidate save(
      GenerateRequest request,
      ImageFormat format,
      GeneratedImage image,
      String model,
      GenerationCheckpoint paid,
      int attempt) {
    ImageRef stored =
        store.put(
            key(request, format), image.bytes(), image.mediaType(), image.width(), image.height());
    return candidate(request, model, stored, attempt, paid);
  }

  /** The references, those showing the shot's angle first (OpenAI applies a mask to the first). */
  static List<Reference> forShot(GenerateRequest request) {
    String angle = request.shot().referenceAngle();
    return request.references().stream()
        .sorted(Comparator.comparing((Reference r) -> !r.angle().equals(angle)))
        .toList();
  }

  /**
   * Reads a stored reference or mask.
   *
   * @throws ApplicationFailure {@link FailureTypes#MISSING_OBJECT} when it is gone
   */
  byte[] read(ImageRef ref, int attempt) {
    try {
      return store.get(ref.key());
    } catch (MissingObjectException e) {
      throw ApplicationFailure.newBuilder()
          .setType(FailureTypes.MISSING_OBJECT)
          .setMessage(e.getMessage())
          .setNonRetryable(true)
          .setDetails(attempt)
          .build();
    }
  }

  private static Candidate candidate(
      GenerateRequest request,
      String model,
      ImageRef image,
      int attempt,
      GenerationCheckpoint paid) {
    return new Candidate(
        id(request),
        request.round(),
        request.shot().name(),
        request.variant(),
        request.provider(),
        model,
        image,
        null,
        attempt,
        paid.costUsd(),
        paid.charges());
  }
}
