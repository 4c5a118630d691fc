package dev.flightplan.api;

import java.time.Duration;

/** Waits between retries; injected so tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  /** The real thing: {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
