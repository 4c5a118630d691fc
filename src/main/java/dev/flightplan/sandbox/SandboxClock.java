package dev.flightplan.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The sandbox's TestFlight time: a base clock moved forward by the admin clock's offset, so users
 * can rehearse what time does (build expiry, dates of reviews and groups, metric periods) without
 * waiting. Tokens and the rate limit keep the base clock: a client's fresh token stays valid
 * however far the sandbox has moved. Thread-safe.
 */
final class SandboxClock extends Clock {
  private final Clock base;
  private volatile Duration offset;

  SandboxClock(Clock base, Duration offset) {
    this.base = base;
    this.offset = offset;
  }

  Duration offset() {
    return offset;
  }

  void setOffset(Duration newOffset) {
    offset = newOffset;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(base.withZone(zone), offset);
  }
}
