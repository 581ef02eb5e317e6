package dev.facet.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.model.ImageRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShootImagesTest {

  private final AtomicInteger queries = new AtomicInteger();
  private final List<ImageRef> named =
      new CopyOnWriteArrayList<>(List.of(image("a.png"), image("b.png")));

  @Test
  void aContactSheetQueriesTheShootOnce() {
    ShootImages images = images(Duration.ofMinutes(1));

    assertThat(images.find("RING-1", "a.png")).contains(image("a.png"));
    assertThat(images.find("RING-1", "b.png")).contains(image("b.png"));
    assertThat(images.find("RING-1", "a.png")).isPresent();

    assertThat(queries).hasValue(1);
  }

  @Test
  void aKeyNotYetKnownAsksTheShootAgainBeforeItIsRefused() {
    ShootImages images = images(Duration.ofMinutes(1));
    images.find("RING-1", "a.png");

    named.add(image("r2-hero-v1.png")); // made since the last query
    assertThat(images.find("RING-1", "r2-hero-v1.png")).contains(image("r2-hero-v1.png"));
    assertThat(images.find("RING-1", "secrets/other-bucket-object")).isEmpty();

    assertThat(queries).hasValue(3);
  }

  @Test
  void anAnswerOlderThanTheWindowIsAskedAgain() {
    ShootImages images = images(Duration.ZERO);

    images.find("RING-1", "a.png");
    images.find("RING-1", "a.png");

    assertThat(queries).hasValue(2);
  }

  @Test
  void eachShootHasItsOwnImages() {
    ShootImages images = images(Duration.ofMinutes(1));

    assertThat(images.find("RING-1", "a.png")).isPresent();
    assertThat(images.find("RING-2", "a.png")).isPresent();

    assertThat(queries).hasValue(2);
  }

  private ShootImages images(Duration fresh) {
    return new ShootImages(
        sku -> {
          queries.incrementAndGet();
          return named.stream();
        },
        fresh);
  }

  private static ImageRef image(String key) {
    return new ImageRef(key, "sha-" + key, 100, "image/png", 10, 10);
  }
}
