package dev.flightplan.engine;

import dev.flightplan.api.AscClient;
import dev.flightplan.apply.Applier;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.apply.CallResult;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.Secrets;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.kinds.Kinds;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.Planner;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.state.Fingerprints;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.ReadScope;
import dev.flightplan.state.StateReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The use cases, wired once: read the live state and plan; apply a plan; plan again to confirm that nothing is
 * left to do. Commands call these and hand the results to views.
 */
public final class Engine {
  private final AscClient client;
  private final Map<String, String> env;
  private final Planner planner = new Planner(Kinds.all());
  private Secrets secrets = Secrets.none();

  /** {@code env}: where secrets given as {@code { env: NAME }} are read from. */
  public Engine(AscClient client, Map<String, String> env) {
    this.client = Objects.requireNonNull(client, "client");
    this.env = Map.copyOf(env);
  }

  public Engine(AscClient client) {
    this(client, Map.of());
  }

  /** The live state that was read and the plan made from it. */
  public record Planned(LiveState live, Plan plan) {}

  /**
   * Reads the file's secrets, then the live state, and plans. A secret that cannot be read is an error before any
   * API call.
   */
  public Planned plan(DesiredState desired, PlanOptions options) {
    Secrets.Resolution resolution = Secrets.resolve(desired, env);
    if (resolution.diagnostics().hasErrors()) {
      return new Planned(new LiveState(List.of(), List.of()), new Plan(List.of(), List.of(), resolution.diagnostics(), List.of()));
    }
    secrets = resolution.secrets();
    LiveState live = new StateReader(client).read(desired);
    return new Planned(live, planner.plan(desired, live, options, secrets));
  }

  /**
   * Plans the apps in {@code scope} of a loaded file and packages the plan for review and saving: with the file's
   * reference, the scope, the options and the fingerprints of everything that was read.
   */
  public SavedPlan plan(DesiredState desired, SavedPlan.ConfigRef config, Scope scope, PlanOptions options, String version) {
    DesiredState scoped = scope.restrict(desired);
    Planned planned = plan(scoped, options);
    return new SavedPlan(version, config, scope.apps(), scope.partial(), options, planned.plan(), ReadScope.of(scoped),
        Fingerprints.of(planned.live()));
  }

  /**
   * What changed in App Store Connect since {@code saved} was planned: reads the plan's apps again (the same
   * requests a plan makes) and compares fingerprints. Empty when the plan is fresh.
   */
  public List<Fingerprints.Difference> staleness(SavedPlan saved) {
    LiveState live = new StateReader(client).read(saved.reads());
    return Fingerprints.compare(saved.fingerprints(), Fingerprints.of(live));
  }

  /**
   * Reads the secrets a saved plan's requests refer to (a saved plan holds only placeholders); errors when one
   * cannot be read, before anything is sent.
   */
  public Diagnostics secretsFor(SavedPlan saved) {
    StringBuilder bodies = new StringBuilder();
    saved.plan().calls().forEach(c -> bodies.append(c.body() == null ? "" : c.body().toString()));
    Secrets.Resolution resolution = Secrets.forPlaceholders(bodies.toString(), saved.config().path(), env);
    if (!resolution.diagnostics().hasErrors()) {
      secrets = resolution.secrets();
    }
    return resolution.diagnostics();
  }

  /** Sends the plan's calls; secrets are those read by the last {@link #plan} or {@link #secretsFor}. */
  public ApplyReport apply(Plan plan, Consumer<CallResult> progress) {
    return new Applier(client, progress, secrets::lookup).apply(plan);
  }

  public long requestsSent() {
    return client.requestCount();
  }
}
