package dev.flightplan.plan;

/**
 * A managed kind of TestFlight resource: compares one app's desired and live objects of its kind
 * and adds the resulting actions and API calls to the plan. Implementations are pure: no I/O.
 */
public interface ResourceKind {
  /**
   * Plans this kind for one app (kinds run in the order the registry, {@code kinds.Kinds}, gives
   * them).
   */
  void plan(AppContext ctx);

  /**
   * Plans this kind's part of one of the file's builds ({@code spec}), resolved to {@code build},
   * which is not expired: the build kind calls every kind for each build, in planning order.
   * Nothing by default.
   */
  default void planBuild(
      AppContext ctx, dev.flightplan.config.BuildSpec spec, dev.flightplan.state.LiveBuild build) {}

  /**
   * Adds to {@code problems} what Apple's beta review needs of this kind and the app will still
   * lack after this apply, each at the place in the file to fix it, its summary starting with
   * {@code what}; checked before a build is submitted for review. Nothing by default.
   */
  default void missingForBetaReview(
      AppContext ctx, String what, java.util.List<dev.flightplan.diag.Diagnostic> problems) {}
}
