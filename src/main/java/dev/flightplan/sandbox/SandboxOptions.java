package dev.flightplan.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link SandboxServer}: where it listens, where it keeps its state (null: memory
 * only), what it is seeded with (null: the built-in demo seed), its hourly request allowance, the
 * latency injected before each answer, the clock used for tokens, rate limiting and timestamps, and
 * the faults it injects.
 */
public record SandboxOptions(
    String host,
    int port,
    Path stateFile,
    Path seedFile,
    long hourlyLimit,
    Duration latency,
    Clock clock,
    FaultSpec faults) {
  public SandboxOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (hourlyLimit < 1) {
      throw new IllegalArgumentException("hourlyLimit must be at least 1: " + hourlyLimit);
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
  }

  /** Without faults. */
  public SandboxOptions(
      String host,
      int port,
      Path stateFile,
      Path seedFile,
      long hourlyLimit,
      Duration latency,
      Clock clock) {
    this(host, port, stateFile, seedFile, hourlyLimit, latency, clock, FaultSpec.none());
  }

  /**
   * 127.0.0.1 on an ephemeral port, memory only, demo seed, 3600 requests an hour, no latency,
   * system UTC clock, no faults.
   */
  public static SandboxOptions defaults() {
    return new SandboxOptions("127.0.0.1", 0, null, null, 3600, Duration.ZERO, Clock.systemUTC());
  }

  public SandboxOptions withFaults(FaultSpec newFaults) {
    return new SandboxOptions(
        host, port, stateFile, seedFile, hourlyLimit, latency, clock, newFaults);
  }

  public SandboxOptions withPort(int newPort) {
    return new SandboxOptions(
        host, newPort, stateFile, seedFile, hourlyLimit, latency, clock, faults);
  }

  public SandboxOptions withStateFile(Path newStateFile) {
    return new SandboxOptions(
        host, port, newStateFile, seedFile, hourlyLimit, latency, clock, faults);
  }

  public SandboxOptions withSeedFile(Path newSeedFile) {
    return new SandboxOptions(
        host, port, stateFile, newSeedFile, hourlyLimit, latency, clock, faults);
  }

  public SandboxOptions withHourlyLimit(long newHourlyLimit) {
    return new SandboxOptions(
        host, port, stateFile, seedFile, newHourlyLimit, latency, clock, faults);
  }

  public SandboxOptions withLatency(Duration newLatency) {
    return new SandboxOptions(
        host, port, stateFile, seedFile, hourlyLimit, newLatency, clock, faults);
  }

  public SandboxOptions withClock(Clock newClock) {
    return new SandboxOptions(
        host, port, stateFile, seedFile, hourlyLimit, latency, newClock, faults);
  }
}
