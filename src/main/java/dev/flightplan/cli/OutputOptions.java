package dev.flightplan.cli;

import picocli.CommandLine.Option;

/** Options about how output looks (a picocli mixin shared by every command that prints a view). */
@HelpSection(HelpSection.Heading.OUTPUT)
public final class OutputOptions {
  @Option(
      names = "--no-color",
      description = "Never colour the output (also off when NO_COLOR is set or not at a terminal).")
  boolean noColor;

  @Option(
      names = "--mask-emails",
      description =
          "Mask every email address this command prints, on standard output and standard error (c***@example.com):"
              + " for a CI log that others can read. A plan saved with -o keeps them (apply needs them).")
  boolean maskEmails;
}
