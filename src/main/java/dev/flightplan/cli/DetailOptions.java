package dev.flightplan.cli;

import dev.flightplan.render.PlanDetail;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * How much of a plan the text and Markdown views show (a picocli mixin): {@code --compact} or
 * {@code --full}, at most one; by default a summary for plans of more than {@value
 * PlanDetail#COMPACT_ABOVE} changes.
 */
public final class DetailOptions {
  @ArgGroup(exclusive = true)
  Choice choice;

  /** The two options, which exclude each other. */
  static final class Choice {
    @HelpSection(HelpSection.Heading.OUTPUT)
    @Option(
        names = "--compact",
        required = true,
        description =
            "Summarise the plan: per app and kind of object, how many are created, updated and deleted with a few"
                + " examples, and per group the testers added and removed. The default above "
                + PlanDetail.COMPACT_ABOVE
                + " changes. The JSON view always lists every change.")
    boolean compact;

    @HelpSection(HelpSection.Heading.OUTPUT)
    @Option(
        names = "--full",
        required = true,
        description = "List every change, however many there are.")
    boolean full;
  }

  PlanDetail detail() {
    if (choice == null) {
      return PlanDetail.AUTO;
    }
    return choice.compact ? PlanDetail.COMPACT : PlanDetail.FULL;
  }
}
