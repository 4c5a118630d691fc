package dev.flightplan.engine;

import dev.flightplan.apply.ApplyOutcome;
import dev.flightplan.apply.Verification;
import dev.flightplan.diag.Diagnostics;
import java.util.List;

/**
 * What an apply tells people as it goes, in the order it happens; the command's views implement it,
 * so that the use cases ({@link ApplyFile}, {@link ApplySavedPlan}) decide what happens and the
 * views every byte that is printed.
 */
public interface ApplyEvents {
  /**
   * Diagnostics of the file, of planning or of the secrets (shown whether or not they stop the
   * apply).
   */
  void diagnostics(Diagnostics diagnostics);

  /** The guards refuse the plan for {@code reasons}; nothing is sent. */
  void refused(List<String> reasons);

  /** The requests are about to go out. */
  void sending();

  /** The result of planning again after every request was sent. */
  void verified(Verification verification);

  /**
   * How the command sends a plan: with progress, and stopping when the process is told to (the
   * outcome then says what was sent). With {@code recheck}, first reads whether what the plan
   * creates appeared since it was planned ({@link Engine#recheck}), and sends nothing when it did.
   */
  @FunctionalInterface
  interface Sender {
    ApplyOutcome send(Engine.Planned planned, ApplyOutcome sending, boolean recheck);
  }
}
