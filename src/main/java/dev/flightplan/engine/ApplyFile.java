package dev.flightplan.engine;

import dev.flightplan.api.Sleeper;
import dev.flightplan.apply.ApplyOutcome;
import dev.flightplan.apply.ApplyOutcome.Ending;
import dev.flightplan.apply.Guards;
import dev.flightplan.apply.WaitRounds;
import dev.flightplan.config.DesiredState;
import dev.flightplan.plan.PendingBuild;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.SavedPlan;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The use case {@code apply -f}: plans the file, shows the plan, asks for approval, applies and
 * verifies; with {@link #applyWaiting}, also waits for the builds App Store Connect does not take
 * yet and applies again when one moves on. Nothing here prints: {@link Events} is told.
 */
public final class ApplyFile {
  /** What {@code apply -f} tells people, and asks them, besides what every apply does. */
  public interface Events extends ApplyEvents {
    /** The plan that was made, before it is applied. */
    void plan(SavedPlan saved);

    /** Whether the plan may be applied (asked at the terminal, unless approved in advance). */
    boolean approved() throws IOException;

    /** Not approved: nothing was sent. */
    void cancelled();
  }

  /**
   * What to apply: the loaded file, its reference, the apps in scope, the options, and the guards'
   * limits.
   */
  public record Request(
      DesiredState desired,
      SavedPlan.ConfigRef config,
      Scope scope,
      PlanOptions options,
      String version,
      Guards.Limits limits) {
    public Request {
      Objects.requireNonNull(desired, "desired");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(limits, "limits");
    }
  }

  /**
   * How {@code --wait} waits: for at most {@code timeout}, polling every {@code interval} at first.
   */
  public record Waiting(
      Duration timeout, Duration interval, Clock clock, Sleeper sleeper, BuildWait.Events events) {
    public Waiting {
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(events, "events");
    }
  }

  private final Engine engine;
  private final Events events;
  private final Sending sending;

  public ApplyFile(Engine engine, Events events, ApplyEvents.Sender sender) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.events = Objects.requireNonNull(events, "events");
    this.sending = new Sending(engine, events, sender);
  }

  /**
   * Plans the file, shows the plan, asks (unless approved in advance), applies and verifies: one
   * round of apply.
   */
  public ApplyOutcome apply(Request request) throws IOException {
    // applied at once, never saved: no fingerprints
    Engine.Proposal proposal =
        engine.plan(
            request.desired(),
            request.config(),
            request.scope(),
            request.options(),
            request.version(),
            false);
    SavedPlan saved = proposal.saved();
    events.diagnostics(saved.plan().diagnostics());
    if (saved.plan().diagnostics().hasErrors()) {
      return ApplyOutcome.unsent(Ending.INVALID, null, saved, List.of());
    }
    events.plan(saved);
    if (!saved.plan().hasChanges()) {
      engine.keepInvitationLog(saved.plan());
      return ApplyOutcome.unsent(Ending.NO_CHANGES, null, saved, List.of());
    }
    List<String> refusal = sending.refusal(proposal.planned(), request.limits());
    if (!refusal.isEmpty()) {
      return ApplyOutcome.unsent(Ending.REFUSED, null, saved, refusal);
    }
    if (!events.approved()) {
      events.cancelled();
      return ApplyOutcome.unsent(Ending.CANCELLED, null, saved, List.of());
    }
    events.sending();
    return sending.sendAndVerify(
        proposal.planned(),
        ApplyOutcome.unsent(Ending.APPLIED, null, saved, List.of()),
        request.scope().restrict(request.desired()),
        request.options(),
        true);
  }

  /**
   * {@code apply --wait}: applies; while a round succeeded and left builds that App Store Connect
   * does not take yet, waits until one moves on and applies the file again; gives up (TIMED_OUT)
   * when the timeout has passed since the first wait.
   */
  public ApplyOutcome applyWaiting(Request request, Waiting waiting) throws IOException {
    BuildWait builds = new BuildWait(engine::buildStatuses, waiting.clock(), waiting.sleeper());
    BuildWait.Events told = waiting.events();
    Instant started = waiting.clock().instant();
    ApplyOutcome outcome = apply(request);
    WaitRounds rounds = WaitRounds.start(waiting.timeout()).then(outcome, stillPending(outcome));
    told.rounds(rounds);
    boolean waited = false;
    while (!rounds.pending().isEmpty()) {
      List<PendingBuild> pending = rounds.pending();
      told.start(pending, waiting.timeout());
      waited = true;
      BuildWait.Result result;
      try {
        result =
            builds.await(pending, started, waiting.timeout(), waiting.interval(), told::heartbeat);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ApplyOutcome(
            Ending.INTERRUPTED,
            null,
            outcome.saved(),
            outcome.report(),
            outcome.verification(),
            outcome.diagnostics(),
            List.of("stopped while waiting for builds"));
      }
      rounds = rounds.waitedFor(result.waited());
      told.rounds(rounds);
      if (!result.moved()) {
        told.timedOut(pending, waiting.timeout());
        return new ApplyOutcome(
            Ending.TIMED_OUT,
            null,
            outcome.saved(),
            outcome.report(),
            outcome.verification(),
            outcome.diagnostics(),
            List.of("--wait-timeout passed with " + pending.size() + " build(s) still not taken"));
      }
      told.again(result.waited());
      outcome = apply(request);
      rounds = rounds.then(outcome, stillPending(outcome));
      told.rounds(rounds);
    }
    if (waited && outcome.ending().succeeded()) {
      told.done();
    }
    return outcome;
  }

  /**
   * The builds a round that succeeded could not give yet; none after a round that did not succeed.
   */
  private static List<PendingBuild> stillPending(ApplyOutcome round) {
    return round.ending().succeeded() && round.saved() != null
        ? round.saved().plan().pending()
        : List.of();
  }
}
