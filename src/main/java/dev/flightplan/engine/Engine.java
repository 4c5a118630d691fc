package dev.flightplan.engine;

import dev.flightplan.api.AscClient;
import dev.flightplan.apply.Applier;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.apply.CallResult;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.kinds.Kinds;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.Planner;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.state.Fingerprints;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.StateReader;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The use cases, wired once: read the live state and plan; apply a plan; plan again to confirm that nothing is
 * left to do. Commands call these and hand the results to views.
 */
public final class Engine {
  private final AscClient client;
  private final Planner planner = new Planner(Kinds.all());

  public Engine(AscClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The live state that was read and the plan made from it. */
  public record Planned(LiveState live, Plan plan) {}

  public Planned plan(DesiredState desired, PlanOptions options) {
    List<String> bundleIds = desired.apps().stream().map(AppSpec::bundleId).toList();
    LiveState live = new StateReader(client).read(bundleIds);
    return new Planned(live, planner.plan(desired, live, options));
  }

  /**
   * Plans the apps in {@code scope} of a loaded file and packages the plan for review and saving: with the file's
   * reference, the scope, the options and the fingerprints of everything that was read.
   */
  public SavedPlan plan(DesiredState desired, SavedPlan.ConfigRef config, Scope scope, PlanOptions options, String version) {
    Planned planned = plan(scope.restrict(desired), options);
    return new SavedPlan(version, config, scope.apps(), scope.partial(), options, planned.plan(), Fingerprints.of(planned.live()));
  }

  /**
   * What changed in App Store Connect since {@code saved} was planned: reads the plan's apps again (the same
   * requests a plan makes) and compares fingerprints. Empty when the plan is fresh.
   */
  public List<Fingerprints.Difference> staleness(SavedPlan saved) {
    LiveState live = new StateReader(client).read(saved.apps());
    return Fingerprints.compare(saved.fingerprints(), Fingerprints.of(live));
  }

  public ApplyReport apply(Plan plan, Consumer<CallResult> progress) {
    return new Applier(client, progress).apply(plan);
  }

  public long requestsSent() {
    return client.requestCount();
  }
}
