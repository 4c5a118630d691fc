package dev.flightplan.plan;

/**
 * A managed kind of TestFlight resource: compares one app's desired and live objects of its kind and adds the
 * resulting actions and API calls to the plan. Implementations are pure: no I/O.
 */
public interface ResourceKind {
  /** Kinds run in list order; a kind may rely on references that earlier kinds registered in the context. */
  void plan(AppContext ctx);
}
