package dev.flightplan.apply;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently the verification after apply waits for App Store Connect's reads to catch up with
 * its writes: at most {@code reads} plans, waiting {@code firstWait}, then twice as long each time,
 * in between.
 */
public record Convergence(int reads, Duration firstWait) {
  /**
   * 5 reads over about a minute (4, 8, 16 and 32 s apart), as api-behaviour.md section 5.6
   * recommends.
   */
  public static final Convergence DEFAULT = new Convergence(5, Duration.ofSeconds(4));

  public Convergence {
    Objects.requireNonNull(firstWait, "firstWait");
    if (reads < 1) {
      throw new IllegalArgumentException("reads must be at least 1: " + reads);
    }
  }

  /** The wait after read {@code read} (1-based). */
  public Duration wait(int read) {
    return firstWait.multipliedBy(1L << Math.min(read - 1, 20));
  }
}
