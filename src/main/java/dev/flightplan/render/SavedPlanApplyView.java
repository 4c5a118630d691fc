package dev.flightplan.render;

import dev.flightplan.plan.SavedPlan;
import dev.flightplan.state.Fingerprints.Difference;
import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code apply PLAN} says besides the progress and report of {@link ApplyTextView}: which plan
 * it applies, why it refuses a stale one, and why it does not verify when the file changed since
 * the plan was made.
 */
public final class SavedPlanApplyView {
  /** Objects listed in a stale-plan message before the rest are counted. */
  static final int SHOWN = 50;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Style style;

  public SavedPlanApplyView(PrintWriter out, PrintWriter err, Style style) {
    this.out = out;
    this.err = err;
    this.style = style;
  }

  public void header(String planFile, SavedPlan saved) {
    out.println(
        TerminalText.escape(
            "Applying the saved plan "
                + planFile
                + " (made by flightplan "
                + saved.flightplanVersion()
                + " from "
                + saved.config().path()
                + " for "
                + String.join(", ", saved.apps())
                + ")"));
    if (saved.partial()) {
      out.println(
          style.yellow("Partial plan:")
              + " it covers only "
              + TerminalText.escape(String.join(", ", saved.apps()))
              + "; the file's other apps are left alone.");
    }
    out.println(
        "App Store Connect has not changed since it was planned. "
            + (saved.plan().hasChanges()
                ? PlanTextView.summary(saved.plan())
                : "The plan has no changes."));
    out.flush();
  }

  public void stale(String planFile, List<Difference> differences) {
    err.println(
        style.red("error:")
            + " the saved plan "
            + TerminalText.escape(planFile)
            + " is stale: App Store Connect changed since it was"
            + " planned ("
            + differences.size()
            + (differences.size() == 1 ? " object" : " objects")
            + "):");
    for (Difference d : differences.subList(0, Math.min(SHOWN, differences.size()))) {
      String line =
          switch (d.kind()) {
            case CHANGED ->
                "  ~ "
                    + d.address()
                    + " changed"
                    + (d.address().contains("/invitationLog[")
                        ? " (another apply sent this reminder since)"
                        : "");
            case APPEARED -> "  + " + d.address() + " appeared";
            case DISAPPEARED ->
                "  - "
                    + d.address()
                    + " disappeared"
                    + (d.address().contains("/user[")
                        ? " (no longer an App Store Connect user of the team)"
                        : "");
          };
      err.println(TerminalText.escape(line));
    }
    if (differences.size() > SHOWN) {
      err.println("  … and " + (differences.size() - SHOWN) + " more");
    }
    err.println("Nothing was changed. Plan again, review the new plan, and apply that.");
    err.flush();
  }

  public void wrongVersion(String planFile, String planned, String running) {
    err.println(
        style.red("error:")
            + " "
            + TerminalText.escape(
                planFile
                    + " was made by flightplan "
                    + planned
                    + ", and this is flightplan "
                    + running
                    + "; nothing was changed. Plan again with this version."));
    err.flush();
  }

  /**
   * Before applying: the file changed since planning, so the apply that follows cannot be verified.
   */
  public void willNotVerify(SavedPlan.ConfigRef config) {
    err.println(
        style.yellow("warning:")
            + " "
            + TerminalText.escape(config.path())
            + " (or a file it includes) changed, or is gone, since the"
            + " plan was made: the plan is applied as it was reviewed, but App Store Connect cannot be verified against the file"
            + " afterwards.");
    err.flush();
  }

  /**
   * After applying ({@code applied}: the plan's requests were all sent; otherwise it had none): App
   * Store Connect could not be verified, because the file changed since planning; {@code replan} is
   * the command that compares it with the file as it is now. This is an error: a job must not pass
   * when what it applied is not what the file says.
   */
  public void notVerified(SavedPlan.ConfigRef config, boolean applied, String replan) {
    err.println(
        style.red("error:")
            + " not verified: "
            + TerminalText.escape(config.path())
            + " (or a file it includes) changed, or is gone,"
            + " since the plan was made, so it no longer describes what was reviewed.");
    err.println(
        applied
            ? "The saved plan was applied as reviewed (see above), but whether App Store Connect now matches the file could not"
                + " be checked."
            : "The saved plan had no changes, so nothing was sent, but the file as it is now may ask for changes that no one"
                + " planned.");
    err.println(
        "Run " + replan + " to see how App Store Connect differs from the file as it is now.");
    err.flush();
  }
}
