package dev.flightplan.plan;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.Secrets;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveState;
import java.util.List;
import java.util.Optional;

/**
 * Compares the desired state with the live state and produces a {@link Plan}. Pure: no I/O,
 * deterministic.
 */
public final class Planner {
  private final List<ResourceKind> kinds;
  private final List<String> actionOrder;

  /**
   * {@code kinds} plan in this order; plans show actions by app, then in {@code actionOrder} of
   * their address type (a type not in it goes last), then by key.
   */
  public Planner(List<? extends ResourceKind> kinds, List<String> actionOrder) {
    this.kinds = List.copyOf(kinds);
    this.actionOrder = List.copyOf(actionOrder);
  }

  public Plan plan(DesiredState desired, LiveState live, PlanOptions options) {
    return plan(desired, live, options, Secrets.none());
  }

  public Plan plan(DesiredState desired, LiveState live, PlanOptions options, Secrets secrets) {
    return plan(desired, live, options, secrets, InvitationHistory.none(java.time.Instant.EPOCH));
  }

  /**
   * Plans with the values of the file's secrets, to compare them with what App Store Connect holds.
   */
  public Plan plan(
      DesiredState desired,
      LiveState live,
      PlanOptions options,
      Secrets secrets,
      InvitationHistory history) {
    PlanBuilder out = new PlanBuilder(actionOrder);
    List<AppSpec> apps = desired.apps();
    for (int i = 0; i < apps.size(); i++) {
      AppSpec app = apps.get(i);
      out.beginApp(i);
      Optional<LiveApp> liveApp = live.app(app.bundleId());
      if (liveApp.isEmpty()) {
        out.diagnostic(
            Diagnostic.error(
                app.pos(),
                "app \"" + app.bundleId() + "\" was not found in App Store Connect",
                "check the bundle id, and that the API key's team owns the app (apps are created in App Store Connect, not by flightplan)"));
        continue;
      }
      AppContext ctx =
          new AppContext(
              app,
              liveApp.get(),
              live.criterionOptions(),
              live.users(),
              secrets,
              history,
              options,
              out,
              kinds);
      kinds.forEach(k -> k.plan(ctx));
      if (!options.invitationsOnly()) {
        TesterLimits.check(ctx);
      }
    }
    Plan plan = out.build();
    return options.invitationsOnly() ? InvitationsOnly.of(plan) : plan;
  }
}
