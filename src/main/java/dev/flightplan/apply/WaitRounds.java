package dev.flightplan.apply;

import dev.flightplan.plan.PendingBuild;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code apply --wait} did: each round of apply in order (the first, before any wait,
 * included; the last is the one the outcome describes), the builds still not taken when it ended,
 * its timeout, and how long it waited for builds, all rounds together.
 */
public record WaitRounds(
    Duration timeout, List<ApplyOutcome> rounds, List<PendingBuild> pending, Duration waited) {
  public WaitRounds {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(waited, "waited");
    rounds = List.copyOf(rounds);
    pending = List.copyOf(pending);
  }

  /** Before the first round. */
  public static WaitRounds start(Duration timeout) {
    return new WaitRounds(timeout, List.of(), List.of(), Duration.ZERO);
  }

  /** These rounds and {@code round}, after which {@code pending} were still not taken. */
  public WaitRounds then(ApplyOutcome round, List<PendingBuild> stillPending) {
    List<ApplyOutcome> all = new ArrayList<>(rounds);
    all.add(round);
    return new WaitRounds(timeout, all, stillPending, waited);
  }

  /** These rounds, having waited {@code more} for builds since. */
  public WaitRounds waitedFor(Duration more) {
    return new WaitRounds(timeout, rounds, pending, waited.plus(more));
  }
}
