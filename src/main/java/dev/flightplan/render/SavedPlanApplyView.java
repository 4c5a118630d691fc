package dev.flightplan.render;

import dev.flightplan.plan.SavedPlan;
import dev.flightplan.state.Fingerprints.Difference;
import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code apply PLAN} says besides the progress and report of {@link ApplyTextView}: which plan it applies, why
 * it refuses a stale one, and why it does not verify when the file changed since the plan was made.
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
    out.println(TerminalText.escape("Applying the saved plan " + planFile + " (made by flightplan " + saved.flightplanVersion()
        + " from " + saved.config().path() + " for " + String.join(", ", saved.apps()) + ")"));
    if (saved.partial()) {
      out.println(style.yellow("Partial plan:") + " it covers only " + TerminalText.escape(String.join(", ", saved.apps()))
          + "; the file's other apps are left alone.");
    }
    out.println("App Store Connect has not changed since it was planned. "
        + (saved.plan().hasChanges() ? PlanTextView.summary(saved.plan()) : "The plan has no changes."));
    out.flush();
  }

  public void stale(String planFile, List<Difference> differences) {
    err.println(style.red("error:") + " the saved plan " + TerminalText.escape(planFile) + " is stale: App Store Connect changed since it was"
        + " planned (" + differences.size() + (differences.size() == 1 ? " object" : " objects") + "):");
    for (Difference d : differences.subList(0, Math.min(SHOWN, differences.size()))) {
      String line = switch (d.kind()) {
        case CHANGED -> "  ~ " + d.address() + " changed"
            + (d.address().contains("/invitationLog[") ? " (another apply sent this reminder since)" : "");
        case APPEARED -> "  + " + d.address() + " appeared";
        case DISAPPEARED -> "  - " + d.address() + " disappeared"
            + (d.address().contains("/user[") ? " (no longer an App Store Connect user of the team)" : "");
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
    err.println(style.red("error:") + " " + TerminalText.escape(planFile + " was made by flightplan " + planned
        + ", and this is flightplan " + running + "; nothing was changed. Plan again with this version."));
    err.flush();
  }

  public void notVerified(SavedPlan.ConfigRef config) {
    out.println(style.yellow("Not verified:") + " " + TerminalText.escape(config.path()) + " changed (or is gone) since the plan was made, so it"
        + " no longer describes what was applied. Run flightplan plan to compare.");
    out.flush();
  }
}
