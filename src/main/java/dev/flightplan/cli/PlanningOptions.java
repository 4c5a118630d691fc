package dev.flightplan.cli;

import dev.flightplan.plan.PlanOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options that change what a plan may do (a picocli mixin shared by plan and apply). */
@HelpSection(HelpSection.Heading.SAFETY)
public final class PlanningOptions {
  @Option(
      names = "--prune",
      description =
          "Delete what the file owns but no longer lists: groups when manage.groups is all, testers (from the app only) when manage.testers is exclusive.")
  boolean prune;

  @Option(
      names = "--allow-replace",
      description =
          "Replace (delete and re-create) a group whose create-only attributes (internal, accessToAllBuilds) changed. Its public link changes.")
  boolean allowReplace;

  @HelpSection(HelpSection.Heading.INPUT)
  @Option(
      names = "--invitations-only",
      description =
          "Only the invitation emails to testers the app already has (the reminders of invitations.resendAfterDays); every other change is left out. For a scheduled job that sends reminders and changes nothing else.")
  boolean invitationsOnly;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  int batchSize = PlanOptions.DEFAULT_BATCH_SIZE;

  @HelpSection(HelpSection.Heading.CONNECTION)
  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description =
          "Testers per membership request (adding to or removing from a group, removing from the app; default: "
              + PlanOptions.DEFAULT_BATCH_SIZE
              + ", the largest page App Store Connect serves).")
  void batchSize(int n) {
    if (n < 1) {
      throw new ParameterException(
          mixee.commandLine(), "--batch-size must be at least 1, got " + n);
    }
    batchSize = n;
  }

  PlanOptions toOptions() {
    return new PlanOptions(prune, allowReplace, batchSize, invitationsOnly);
  }
}
