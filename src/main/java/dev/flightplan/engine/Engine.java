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
    LiveState live = new StateReader(client).read(desired);
    return new Planned(live, planner.plan(desired, live, options));
  }

  public ApplyReport apply(Plan plan, Consumer<CallResult> progress) {
    return new Applier(client, progress).apply(plan);
  }

  public long requestsSent() {
    return client.requestCount();
  }
}
