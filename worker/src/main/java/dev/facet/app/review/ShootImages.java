package dev.facet.app.review;

import dev.facet.app.shoot.ShootClient;
import dev.facet.model.ImageRef;
import dev.facet.shoot.ShootState;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The images a shoot's state names, by key, remembered for a few seconds: a contact sheet asks for
 * twenty images at once, and each would otherwise query the shoot. A key not among those remembered
 * asks the shoot again, so an image made a moment ago is never refused on a stale answer. Keys name
 * immutable content, so a remembered one stays right.
 */
@Component
class ShootImages {

  static final Duration FRESH = Duration.ofSeconds(10);

  private final Function<String, Stream<ImageRef>> named;
  private final long freshNanos;
  private final Map<String, Known> bySku = new ConcurrentHashMap<>();

  @Autowired
  ShootImages(ShootClient shoots) {
    this(sku -> named(shoots.state(sku)), FRESH);
  }

  ShootImages(Function<String, Stream<ImageRef>> named, Duration fresh) {
    this.named = named;
    this.freshNanos = fresh.toNanos();
  }

  /** The image under {@code key} if the shoot of {@code sku} names it. */
  Optional<ImageRef> find(String sku, String key) {
    Known known = bySku.get(sku);
    if (known != null && known.fresh() && known.byKey().containsKey(key)) {
      return Optional.of(known.byKey().get(key));
    }
    bySku.values().removeIf(k -> !k.fresh());
    Known now =
        new Known(
            System.nanoTime() + freshNanos,
            named.apply(sku).collect(Collectors.toMap(ImageRef::key, ref -> ref, (a, b) -> a)));
    bySku.put(sku, now);
    return Optional.ofNullable(now.byKey().get(key));
  }

  private static Stream<ImageRef> named(ShootState state) {
    return Stream.of(
            state.references().stream().map(reference -> reference.image()),
            state.candidates().stream().map(view -> view.candidate().image()),
            state.outputs().stream().map(output -> output.image()),
            state.qa().stream().map(report -> report.image()))
        .flatMap(s -> s)
        .filter(Objects::nonNull);
  }

  private record Known(long freshUntil, Map<String, ImageRef> byKey) {
    boolean fresh() {
      return System.nanoTime() - freshUntil < 0;
    }
  }
}
