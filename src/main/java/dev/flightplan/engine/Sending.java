package dev.flightplan.engine;

import dev.flightplan.apply.ApplyOutcome;
import dev.flightplan.apply.Convergence;
import dev.flightplan.apply.Guards;
import dev.flightplan.apply.Verification;
import dev.flightplan.config.DesiredState;
import dev.flightplan.plan.PlanOptions;
import java.util.List;
import java.util.Objects;

/**
 * The steps the apply use cases share: judging a plan by the guards, and sending it, then
 * confirming every write by planning again ({@link Engine#verify}).
 */
final class Sending {
  private final Engine engine;
  private final ApplyEvents events;
  private final ApplyEvents.Sender sender;

  Sending(Engine engine, ApplyEvents events, ApplyEvents.Sender sender) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.events = Objects.requireNonNull(events, "events");
    this.sender = Objects.requireNonNull(sender, "sender");
  }

  /**
   * Why the guards refuse {@code planned} under {@code limits} (told; nothing is sent); empty when
   * they do not.
   */
  List<String> refusal(Engine.Planned planned, Guards.Limits limits) {
    Guards.Refusal refusal = Engine.guard(planned, limits);
    if (refusal.refused()) {
      events.refused(refusal.reasons());
    }
    return refusal.refused() ? refusal.reasons() : List.of();
  }

  /**
   * Sends {@code planned}, without verifying (the outcome ends as {@code sending} does when every
   * request went out).
   */
  ApplyOutcome send(Engine.Planned planned, ApplyOutcome sending) {
    return sender.send(planned, sending, false);
  }

  /**
   * Sends {@code planned} and, when every request was sent, plans {@code desired} again to confirm
   * it, allowing App Store Connect's reads time to catch up; with {@code recheck}, as {@link
   * ApplyEvents.Sender} says.
   */
  ApplyOutcome sendAndVerify(
      Engine.Planned planned,
      ApplyOutcome sending,
      DesiredState desired,
      PlanOptions options,
      boolean recheck) {
    ApplyOutcome applied = sender.send(planned, sending, recheck);
    if (applied.report() == null || !applied.report().succeeded()) {
      return applied;
    }
    Verification v = engine.verify(desired, options, planned.plan(), Convergence.DEFAULT);
    events.verified(v);
    return applied.verified(v);
  }
}
