package dev.flightplan.cli;

import picocli.CommandLine.Option;

/**
 * How plan and show print a plan (a picocli mixin): the format, and whether the Markdown view masks
 * personal data.
 */
public final class PlanViewOptions {
  @HelpSection(HelpSection.Heading.OUTPUT)
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      completionCandidates = PlanFormat.Names.class,
      description =
          "text (default), markdown (for a pull-request comment or an issue) or json (the document plan -o saves).",
      defaultValue = "text")
  PlanFormat format;

  @HelpSection(HelpSection.Heading.OUTPUT)
  @Option(
      names = {"--show-personal-data", "--show-emails"},
      description =
          "Show personal data in the Markdown view instead of masking it: email addresses (c***@example.com),"
              + " testers' names and the review contact's name and phone (C***). --show-emails is the former name.")
  boolean showPersonalData;
}
