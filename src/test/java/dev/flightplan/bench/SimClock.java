package dev.flightplan.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time plus whatever was slept: a sleep returns at once and moves this clock on instead.
 * Shared by the sandbox (its rolling hour, its token checks) and the clients, it lets an apply that
 * waits hours for the rate limit run in the time its requests take.
 */
final class SimClock extends Clock {
  private final AtomicLong skippedNanos = new AtomicLong();

  @Override
  public Instant instant() {
    return Instant.now().plusNanos(skippedNanos.get());
  }

  /** A sleep: returns at once, the clock moves on by {@code d}. */
  void skip(Duration d) {
    skippedNanos.addAndGet(d.toNanos());
  }

  Duration skipped() {
    return Duration.ofNanos(skippedNanos.get());
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
