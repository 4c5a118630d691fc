package dev.flightplan.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, so time-based behaviour (token expiry, the rolling hour) needs no
 * sleeping. It stands still between moves, or ({@link #aheadOfSystem()}) runs with the system
 * clock, moved ahead by hand.
 */
public final class MutableClock extends Clock {
  private final Clock base;
  private volatile Duration ahead = Duration.ZERO;

  public MutableClock(Instant start) {
    this(Clock.fixed(start, ZoneOffset.UTC));
  }

  private MutableClock(Clock base) {
    this.base = base;
  }

  /**
   * The system's time plus what {@link #advance} added: for a sandbox whose clock another process
   * shares.
   */
  public static MutableClock aheadOfSystem() {
    return new MutableClock(Clock.systemUTC());
  }

  public void advance(Duration duration) {
    ahead = ahead.plus(duration);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(ahead);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
