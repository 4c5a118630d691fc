package dev.flightplan.cli;

import dev.flightplan.apply.Verification;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.engine.ApplyFile;
import dev.flightplan.engine.ApplySavedPlan;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.render.ApplyTextView;
import dev.flightplan.render.DiagnosticsView;
import dev.flightplan.render.PlanDetail;
import dev.flightplan.render.PlanTextView;
import dev.flightplan.render.SavedPlanApplyView;
import dev.flightplan.state.Fingerprints;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code apply} tells people, handed by the apply use cases to the views: this class only
 * picks the view.
 */
final class ApplyViews implements ApplyFile.Events, ApplySavedPlan.Events {
  private final ApplyRun run;
  private final PlanDetail detail;
  private final boolean autoApprove;
  private final String endpointArgs;

  /** {@code endpointArgs}: the connection options a command printed for the user to run needs. */
  ApplyViews(ApplyRun run, PlanDetail detail, boolean autoApprove, String endpointArgs) {
    this.run = run;
    this.detail = detail;
    this.autoApprove = autoApprove;
    this.endpointArgs = endpointArgs;
  }

  private Environment env() {
    return run.env();
  }

  private SavedPlanApplyView saved() {
    return new SavedPlanApplyView(env().out(), env().err(), run.style());
  }

  @Override
  public void diagnostics(Diagnostics diagnostics) {
    Views.showDiagnostics(diagnostics, env(), run.style());
  }

  @Override
  public void refused(List<String> reasons) {
    new ApplyTextView(env().out(), run.style()).refused(reasons, env().err());
  }

  @Override
  public void sending() {
    env().out().println();
  }

  @Override
  public void verified(Verification v) {
    ApplyTextView view = new ApplyTextView(env().out(), run.style());
    if (v.converged()) {
      view.verified(v.last().leftOut());
    } else if (v.last().diagnostics().hasErrors()) {
      diagnostics(v.last().diagnostics());
    } else {
      view.notConverged(v.drift(), v.reads(), v.waited(), env().err());
    }
  }

  @Override
  public void plan(SavedPlan saved) {
    new PlanTextView(env().out(), run.style(), detail).render(saved);
  }

  @Override
  public boolean approved() throws IOException {
    return autoApprove || run.confirmed();
  }

  @Override
  public void cancelled() {
    env().out().println("Apply cancelled; nothing was changed.");
  }

  @Override
  public void unreadable(String message) {
    new DiagnosticsView(env().err(), run.style()).error(message);
  }

  @Override
  public void wrongVersion(String planFile, String madeBy, String running) {
    saved().wrongVersion(planFile, madeBy, running);
  }

  @Override
  public void stale(String planFile, List<Fingerprints.Difference> differences) {
    saved().stale(planFile, differences);
  }

  @Override
  public void header(String planFile, SavedPlan saved) {
    saved().header(planFile, saved);
  }

  @Override
  public void willNotVerify(SavedPlan.ConfigRef config) {
    saved().willNotVerify(config);
  }

  @Override
  public void notVerified(SavedPlan saved, boolean applied) {
    String replan =
        "flightplan plan"
            + endpointArgs
            + " -f "
            + saved.config().path()
            + (saved.partial()
                ? saved.apps().stream().map(a -> " --app " + a).collect(Collectors.joining())
                : "");
    saved().notVerified(saved.config(), applied, replan);
  }
}
