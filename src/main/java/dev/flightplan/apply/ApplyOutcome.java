package dev.flightplan.apply;

import dev.flightplan.diag.Diagnostics;
import dev.flightplan.plan.SavedPlan;
import java.util.List;
import java.util.Objects;

/**
 * How one run of {@code apply} ended, for its JSON report: the {@link Ending}, the saved plan file
 * it applied (null for {@code apply -f}), the plan (null when it ended before there was one), the
 * report of the requests sent (null when none was to be sent), the verification after it (null when
 * it did not get that far), the diagnostics shown, and the problems that ended it, as sentences (a
 * guard's refusal, an object that changed since the plan was saved, an error).
 */
public record ApplyOutcome(
    Ending ending,
    String planFile,
    SavedPlan saved,
    ApplyReport report,
    Verification verification,
    Diagnostics diagnostics,
    List<String> problems) {
  /** The ways an apply ends; only {@link #NO_CHANGES} and {@link #APPLIED} succeed (exit 0). */
  public enum Ending {
    /** The plan had no changes; nothing was sent. */
    NO_CHANGES,
    /** Every request was sent, and planning again found nothing left to do. */
    APPLIED,
    /**
     * The file, the saved plan or a secret it needs is not usable (see the diagnostics and
     * problems); nothing was sent.
     */
    INVALID,
    /** Another apply holds the state directory's lock; nothing was read or sent. */
    LOCKED,
    /** Not confirmed at the terminal; nothing was sent. */
    CANCELLED,
    /** The guards (--max-deletes, --allow-empty-groups) refused the plan; nothing was sent. */
    REFUSED,
    /** App Store Connect changed since the plan was made; nothing was sent. */
    STALE,
    /** A request failed; the report says what was done and what was not. */
    FAILED,
    /** Stopped by a signal; the requests under way finished, no other was started. */
    INTERRUPTED,
    /**
     * Every request was sent, but App Store Connect still differs from the file (see the
     * verification).
     */
    NOT_CONVERGED,
    /**
     * A saved plan was applied as reviewed, but its desired-state file changed since, so it could
     * not be verified.
     */
    NOT_VERIFIED,
    /**
     * {@code apply --wait} applied what it could, but builds the file gives were still processing
     * or in beta review when its time ran out; running it again finishes the job.
     */
    TIMED_OUT,
    /**
     * Not the plan's requests but something around them failed: App Store Connect or the
     * credentials (before any request of the plan was sent), or planning again after the apply (see
     * the problems and diagnostics).
     */
    ERROR;

    public boolean succeeded() {
      return this == NO_CHANGES || this == APPLIED;
    }
  }

  public ApplyOutcome {
    Objects.requireNonNull(ending, "ending");
    diagnostics = diagnostics == null ? Diagnostics.of(List.of()) : diagnostics;
    problems = List.copyOf(problems);
  }

  /** An apply that ended before it had a plan. */
  public static ApplyOutcome early(
      Ending ending, String planFile, Diagnostics diagnostics, List<String> problems) {
    return new ApplyOutcome(ending, planFile, null, null, null, diagnostics, problems);
  }

  /** An apply of {@code saved} that ended {@code ending} before it sent anything. */
  public static ApplyOutcome unsent(
      Ending ending, String planFile, SavedPlan saved, List<String> problems) {
    return new ApplyOutcome(
        ending, planFile, saved, null, null, saved.plan().diagnostics(), problems);
  }

  /**
   * This outcome with the report of the requests sent, ending as the report says (failed,
   * interrupted) or as {@code ending}.
   */
  public ApplyOutcome sent(ApplyReport sent, Ending ending) {
    Ending ended =
        sent.succeeded() ? ending : sent.failure().isPresent() ? Ending.FAILED : Ending.INTERRUPTED;
    return new ApplyOutcome(ended, planFile, saved, sent, verification, diagnostics, problems);
  }

  /**
   * This outcome after the verification {@code v} (whose last plan has the diagnostics of planning
   * again).
   */
  public ApplyOutcome verified(Verification v) {
    Ending ended =
        v.converged()
            ? Ending.APPLIED
            : v.last().diagnostics().hasErrors() ? Ending.ERROR : Ending.NOT_CONVERGED;
    return new ApplyOutcome(ended, planFile, saved, report, v, diagnostics, problems);
  }
}
