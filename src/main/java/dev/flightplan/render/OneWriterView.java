package dev.flightplan.render;

import dev.flightplan.plan.ApiCall;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What apply says about other writers: while it waits for another apply that holds its state
 * directory's lock, when it gives up waiting, and when what it was about to create appeared in App
 * Store Connect since it planned. All of it goes to standard error; nothing was changed in any of
 * these cases.
 */
public final class OneWriterView {
  private final PrintWriter err;
  private final Style style;

  public OneWriterView(PrintWriter err, Style style) {
    this.err = err;
    this.style = style;
  }

  /** Another apply holds {@code lockFile}; this one tries again until {@code until}. */
  public void waiting(String lockFile, String holder, Instant until) {
    err.println(
        "waiting for another apply to finish: "
            + lockFile
            + " is held by "
            + holder
            + "; waiting until "
            + until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + " (--lock-timeout)");
    err.flush();
  }

  /** Gave up waiting for {@code lockFile} after {@code waited}. */
  public void busy(String lockFile, String holder, Duration waited) {
    err.println(
        style.red("error:")
            + " another apply is running: "
            + lockFile
            + " is held by "
            + holder
            + (waited.isZero()
                ? ""
                : ", still after " + dev.flightplan.plan.BudgetNote.duration(waited))
            + ". Two applies on one state directory"
            + " would write at once; nothing was changed. Run apply again once the other has finished (each apply plans"
            + " afresh), or wait longer with --lock-timeout.");
    err.flush();
  }

  /** The lock could not be had because waiting for it was interrupted. */
  public void interrupted(String lockFile) {
    err.println(
        style.red("error:")
            + " interrupted while waiting for "
            + lockFile
            + "; nothing was changed.");
    err.flush();
  }

  /** Stopped (a signal) while re-reading before the first write. */
  public void stoppedBeforeWriting() {
    err.println(style.red("error:") + " stopped before the first write; nothing was changed.");
    err.flush();
  }

  /** What the plan would create exists now: the objects of the creates {@code appeared}. */
  public void appeared(List<ApiCall> appeared) {
    err.println(
        style.red("error:")
            + " App Store Connect changed since this plan was made: what "
            + (appeared.size() == 1 ? "this request" : "these " + appeared.size() + " requests")
            + " would create exists now (another apply, or someone in App Store Connect, created it):");
    appeared.stream()
        .limit(SavedPlanApplyView.SHOWN)
        .forEach(
            c ->
                err.println(
                    "  "
                        + (c.serves().isEmpty() ? "" : c.serves().get(0).app() + ": ")
                        + c.purpose()));
    if (appeared.size() > SavedPlanApplyView.SHOWN) {
      err.println("  ... and " + (appeared.size() - SavedPlanApplyView.SHOWN) + " more");
    }
    err.println(
        "Nothing was changed: creating them again would make duplicates or repeat invitations. Run apply again"
            + " to plan afresh.");
    err.flush();
  }
}
