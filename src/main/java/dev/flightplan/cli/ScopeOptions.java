package dev.flightplan.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The apps a command covers (a picocli mixin shared by plan and apply). */
@HelpSection(HelpSection.Heading.INPUT)
public final class ScopeOptions {
  @Option(
      names = "--app",
      paramLabel = "BUNDLE_ID",
      description =
          "Only this app of the file (repeatable). The plan is then partial: the file's other apps are not read.")
  List<String> apps = new ArrayList<>();
}
