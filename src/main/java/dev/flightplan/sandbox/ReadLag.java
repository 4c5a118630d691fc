package dev.flightplan.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * Makes reads trail writes by a fixed lag, as App Store Connect's do: every successful write leaves
 * a copy of the state that becomes what reads see only once the lag has passed; until then reads
 * see the copy from before it. When every write is old enough, reads see the live state again, so
 * the lag is bounded. The copies are whole states, so this is meant for states of test size. Called
 * under the state lock for writes; thread-safe.
 */
final class ReadLag {
  /** A copy of the state and the routes that read it. */
  record View(SandboxState state, Routers routers) {}

  private record Pending(Instant visibleAt, View view) {}

  private final Duration lag;
  private final Clock clock;
  private final Function<SandboxState, Routers> routes;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private View current;

  ReadLag(Duration lag, Clock clock, Function<SandboxState, Routers> routes) {
    this.lag = lag;
    this.clock = clock;
    this.routes = routes;
  }

  /**
   * Before a write: when reads see the live state now, freeze it so that they keep seeing it for
   * the lag.
   */
  synchronized void beforeWrite(SandboxState live) {
    expire();
    if (pending.isEmpty()) {
      current = copy(live);
    }
  }

  /** After a successful write: its result becomes visible to reads once the lag has passed. */
  synchronized void afterWrite(SandboxState live) {
    pending.addLast(new Pending(clock.instant().plus(lag), copy(live)));
  }

  /** What a read sees now: a lagging copy, or null for the live state. */
  synchronized View forRead() {
    expire();
    return pending.isEmpty() ? null : current;
  }

  private void expire() {
    Instant now = clock.instant();
    while (!pending.isEmpty() && !pending.peekFirst().visibleAt().isAfter(now)) {
      current = pending.pollFirst().view();
    }
    if (pending.isEmpty()) {
      current = null;
    }
  }

  private View copy(SandboxState live) {
    SandboxState copy = SandboxState.of(live.snapshot());
    return new View(copy, routes.apply(copy));
  }
}
