package dev.flightplan.cli;

import dev.flightplan.plan.PlanOptions;
import picocli.CommandLine.Option;

/** Options that change what a plan may do (a picocli mixin shared by plan and apply). */
public final class PlanningOptions {
  @Option(
      names = "--prune",
      description = "Delete what the file owns but no longer lists: groups when manage.groups is all, testers (from the app only) when manage.testers is exclusive.")
  boolean prune;

  @Option(
      names = "--allow-replace",
      description = "Replace (delete and re-create) a group whose create-only attributes (internal, accessToAllBuilds) changed. Its public link changes.")
  boolean allowReplace;

  PlanOptions toOptions() {
    return PlanOptions.DEFAULTS.withPrune(prune).withAllowReplace(allowReplace);
  }
}
