package dev.facet.providers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** Test photos (downscaled fixture renders) and a helper to catch what a provider call throws. */
public final class Fixtures {

  private Fixtures() {}

  /** A 512x512 seller photo of a ring, front view. */
  public static byte[] referenceFront() {
    return resource("reference-front.jpg");
  }

  /** A 512x384 seller photo of the same ring, side view. */
  public static byte[] referenceSide() {
    return resource("reference-side.jpg");
  }

  /** The product mask of {@link #referenceFront()}: white = product. */
  public static byte[] maskFront() {
    return resource("mask-front.png");
  }

  /** Runs the call and returns the {@link ProviderException} it must throw. */
  public static ProviderException providerFailure(Supplier<?> call) {
    try {
      Object result = call.get();
      throw new AssertionError("expected a ProviderException, got " + result);
    } catch (ProviderException e) {
      return e;
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
