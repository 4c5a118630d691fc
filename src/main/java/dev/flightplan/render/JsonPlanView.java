package dev.flightplan.render;

import dev.flightplan.diag.Diagnostics;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.planfile.PlanDocument;
import java.io.PrintWriter;
import java.util.List;

/**
 * The JSON view of a plan: the saved-plan document ({@link PlanDocument}, which {@code plan -o}
 * saves and {@code apply PLAN} reads back) as flightplan prints JSON. Not masked: it is input to
 * apply.
 */
public final class JsonPlanView {
  private final PrintWriter out;

  public JsonPlanView(PrintWriter out) {
    this.out = out;
  }

  public void render(SavedPlan saved) {
    out.print(JsonText.write(PlanDocument.of(saved)));
    out.flush();
  }

  /** The document of a plan that could not be made: what was asked, and the errors. */
  public void renderFailure(
      String flightplanVersion,
      SavedPlan.ConfigRef config,
      List<String> apps,
      boolean partial,
      Diagnostics diagnostics) {
    out.print(
        JsonText.write(
            PlanDocument.failure(flightplanVersion, config, apps, partial, diagnostics)));
    out.flush();
  }
}
