package dev.flightplan.apply;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.Plan;
import java.time.Duration;
import java.util.List;

/**
 * The verification after an apply: the last plan made, after how many reads and how long a wait,
 * and, when it did not converge, each object that still differs with why.
 */
public record Verification(Plan last, int reads, Duration waited, List<Drift> drift) {
  /** An object that still differs after every read, and why that is likely. */
  public record Drift(Action action, String why) {}

  public Verification {
    drift = List.copyOf(drift);
  }

  public boolean converged() {
    return !last.hasChanges() && !last.diagnostics().hasErrors();
  }
}
