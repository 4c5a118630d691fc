package dev.flightplan.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently the client repeats a failed request. {@code maxAttempts} counts the
 * first try (1 = never retry). The wait before retry n (1-based) is {@code min(maxDelay, baseDelay
 * * 2^(n-1))}, spread by ±{@code jitter} (a fraction in [0, 1]) so that concurrent clients do not
 * retry in step.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter) {
  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be within [0, 1], got " + jitter);
    }
  }

  /** 5 attempts, 1 s base delay doubling up to 60 s, ±20 % jitter. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
  }

  /**
   * The wait before retry {@code retry} (1 for the first retry).
   *
   * @param unitRandom a number in [0, 1); 0.5 gives the undisturbed delay
   */
  public Duration backoff(int retry, double unitRandom) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry is 1-based, got " + retry);
    }
    double exponential = baseDelay.toMillis() * Math.pow(2, Math.min(retry - 1, 30));
    double capped = Math.min(maxDelay.toMillis(), exponential);
    double spread = capped * (1 + jitter * (2 * unitRandom - 1));
    return Duration.ofMillis(Math.round(Math.max(0, spread)));
  }
}
