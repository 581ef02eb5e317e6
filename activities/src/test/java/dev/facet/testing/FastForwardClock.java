package dev.facet.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, moved forward on demand: time passes as usual (a fake's task still finishes by
 * itself), and a test that needs a URL to expire jumps past it instead of sleeping.
 */
public final class FastForwardClock extends Clock {

  private volatile Duration ahead = Duration.ZERO;

  public void fastForward(Duration by) {
    ahead = ahead.plus(by);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(ahead);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a test clock in UTC");
  }
}
