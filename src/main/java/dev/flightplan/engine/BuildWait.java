package dev.flightplan.engine;

import dev.flightplan.api.Sleeper;
import dev.flightplan.apply.WaitRounds;
import dev.flightplan.plan.PendingBuild;
import dev.flightplan.state.BuildStatuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code apply --wait}: watches the builds a plan could not give yet (still processing, or not
 * through beta review) until one of them moves on (or, not listed yet, appears), so that the file
 * can be applied again. One request per poll for all the listed builds (up to 200), and one for
 * each build not listed yet, the first right away; between polls it waits {@code interval}, growing
 * by half after each poll that found nothing new up to {@link #MAX_INTERVAL}, and longer when the
 * API key's hourly allowance runs low (the client's pacing sees to that), never past the deadline.
 */
public final class BuildWait {
  /**
   * The longest wait between two polls: Apple processes a build in minutes, and reviews it in
   * hours.
   */
  public static final Duration MAX_INTERVAL = Duration.ofMinutes(5);

  /**
   * What a poll found, for the heartbeat: each pending build with its state now, and how long has
   * been waited.
   */
  public record Heartbeat(
      List<PendingBuild> builds,
      Map<String, BuildStatuses.Status> statuses,
      Duration waited,
      Duration timeout,
      Duration next) {}

  /** What waiting tells people: when it starts, after every poll, and how it ends. */
  public interface Events {
    void start(List<PendingBuild> builds, Duration timeout);

    void heartbeat(Heartbeat heartbeat);

    /** A build moved on after {@code waited}: the file is applied again. */
    void again(Duration waited);

    /** Nothing is left to wait for. */
    void done();

    void timedOut(List<PendingBuild> builds, Duration timeout);

    /** After each round of apply and each wait: what was done so far (the JSON report lists it). */
    default void rounds(WaitRounds sofar) {}
  }

  /**
   * How the wait ended: a build moved on ({@code moved}), or the deadline passed with none moving.
   */
  public record Result(boolean moved, Duration waited) {}

  private final Function<List<PendingBuild>, Map<String, BuildStatuses.Status>> poll;
  private final Clock clock;
  private final Sleeper sleeper;

  public BuildWait(
      Function<List<PendingBuild>, Map<String, BuildStatuses.Status>> poll,
      Clock clock,
      Sleeper sleeper) {
    this.poll = Objects.requireNonNull(poll, "poll");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Polls {@code pending} until a build's status differs from the first poll's (or a build is
   * gone), or until {@code timeout} has passed since {@code started}; tells {@code heartbeat} after
   * every poll.
   */
  public Result await(
      List<PendingBuild> pending,
      Instant started,
      Duration timeout,
      Duration interval,
      Consumer<Heartbeat> heartbeat)
      throws InterruptedException {
    // each build once (by id, or where it will appear), however many groups and testers wait for it
    List<PendingBuild> ids =
        List.copyOf(
            pending.stream()
                .collect(
                    Collectors.toMap(PendingBuild::key, b -> b, (a, b) -> a, LinkedHashMap::new))
                .values());
    Instant deadline = started.plus(timeout);
    Map<String, BuildStatuses.Status> first = poll.apply(ids);
    Duration wait = interval;
    while (true) {
      Instant now = clock.instant();
      Duration left = Duration.between(now, deadline);
      boolean over = left.isNegative() || left.isZero();
      Duration next = over ? Duration.ZERO : wait.compareTo(left) < 0 ? wait : left;
      heartbeat.accept(
          new Heartbeat(pending, first, Duration.between(started, now), timeout, next));
      if (over) {
        return new Result(false, Duration.between(started, now));
      }
      sleeper.sleep(next);
      Map<String, BuildStatuses.Status> latest = poll.apply(ids);
      if (!latest.equals(first)) {
        return new Result(true, Duration.between(started, clock.instant()));
      }
      Duration grown = wait.plus(wait.dividedBy(2));
      wait = grown.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : grown;
    }
  }
}
