package dev.flightplan.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Apple's per-key allowance: at most {@code limit} authenticated requests in any rolling hour,
 * measured on the injected clock. Requests it refuses do not count.
 */
final class RateLimiter {
  private static final Duration WINDOW = Duration.ofHours(1);

  private final long limit;
  private final Clock clock;
  private final Deque<Instant> accepted = new ArrayDeque<>();

  RateLimiter(long limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  long limit() {
    return limit;
  }

  /** Counts one request and returns what remains, or throws the 429 when nothing does. */
  synchronized long acquire() {
    Instant now = clock.instant();
    prune(now);
    if (accepted.size() >= limit) {
      throw ApiException.rateLimited();
    }
    accepted.addLast(now);
    return limit - accepted.size();
  }

  synchronized long remaining() {
    prune(clock.instant());
    return limit - accepted.size();
  }

  /**
   * The header Apple puts on every response, e.g. {@code user-hour-lim:3600;user-hour-rem:3599;}.
   */
  static String header(long limit, long remaining) {
    return "user-hour-lim:" + limit + ";user-hour-rem:" + remaining + ";";
  }

  private void prune(Instant now) {
    Instant horizon = now.minus(WINDOW);
    while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(horizon)) {
      accepted.removeFirst();
    }
  }
}
