package dev.flightplan.cli;

import dev.flightplan.apply.Guards;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The guards against destructive plans (a picocli mixin): apply checks them before sending
 * anything; plan checks them too, and warns when apply with the same options would refuse the plan.
 */
@HelpSection(HelpSection.Heading.SAFETY)
public final class GuardOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--max-deletes",
      paramLabel = "N",
      defaultValue = "" + Guards.DEFAULT_MAX_DELETES,
      description =
          "Apply refuses, changing nothing, a plan that deletes more than N objects (a deleted or replaced object, a tester leaving the app or a group each count one; default: ${DEFAULT-VALUE}). Plan warns when it would.")
  int maxDeletes;

  @Option(
      names = "--allow-empty-groups",
      description =
          "Let apply leave a group that has members with none (refused otherwise, changing nothing). Plan warns when it would be refused.")
  boolean allowEmptyGroups;

  Guards.Limits limits() {
    if (maxDeletes < 0) {
      throw new ParameterException(mixee.commandLine(), "--max-deletes must be 0 or more");
    }
    return new Guards.Limits(maxDeletes, allowEmptyGroups);
  }
}
