package dev.facet.app.review;

import dev.facet.app.problem.ProblemResponses;
import dev.facet.model.ImageRef;
import dev.facet.storage.ObjectStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** What the review page reads: the queue, and a shoot's images through this authenticated proxy. */
@Tag(name = "Review", description = "What waits for a reviewer, and the images to judge it by.")
@RestController
class ReviewController {

  private final ReviewQueue queue;
  private final ShootImages images;
  private final ObjectStore store;

  ReviewController(ReviewQueue queue, ShootImages images, ObjectStore store) {
    this.queue = queue;
    this.images = images;
    this.store = store;
  }

  /**
   * @param catalog only this catalog's shoots
   */
  @Operation(
      operationId = "reviewQueue",
      summary = "List what awaits a reviewer",
      description =
          "Every running shoot awaiting a selection or an approval, newest first (at most"
              + " 500), and the progress of running catalogs. Needs Temporal's visibility store: 503"
              + " on the in-process server. Role: any.")
  @ProblemResponses({503})
  @GetMapping("/api/review/queue")
  ReviewQueue.Queue queue(@RequestParam Optional<String> catalog) {
    return queue.awaiting(catalog.filter(id -> !id.isBlank()));
  }

  /**
   * One image of a shoot: a reference, a candidate or a finished image. Only keys that the shoot's
   * state names are served, so the bucket stays private and no other object can be read this way.
   *
   * @param key the image's object key, as the shoot's state gives it
   */
  @Operation(
      operationId = "shootImage",
      summary = "Read one of a shoot's images",
      description =
          "A reference photo, candidate or finished image, by the object key the shoot's"
              + " state gives; other keys are 404. Role: any.")
  @ApiResponse(
      responseCode = "200",
      description = "The image bytes, in their media type.",
      content = @Content(mediaType = "image/*"))
  @ProblemResponses({404, 503})
  @GetMapping("/api/shoots/{sku}/image")
  ResponseEntity<byte[]> image(@PathVariable String sku, @RequestParam String key) {
    ImageRef image =
        images
            .find(sku, key)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "The shoot of " + sku + " has no image with the key " + key + "."));
    // Keys name immutable content (a retried step rewrites the same bytes), so caching is safe.
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(image.mediaType()))
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
        .eTag(image.sha256())
        .body(store.get(image.key()));
  }
}
