package dev.flightplan.plan;

/**
 * A managed kind of TestFlight resource: compares one app's desired and live objects of its kind and adds the
 * resulting actions and API calls to the plan. Implementations are pure: no I/O.
 */
public interface ResourceKind {
  /** Plans this kind for one app (kinds run in the order the registry, {@code kinds.Kinds}, gives them). */
  void plan(AppContext ctx);
}
