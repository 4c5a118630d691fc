package dev.flightplan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The desired-state file option (a picocli mixin). */
public final class FileOptions {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "The desired-state file (default: ${DEFAULT-VALUE}).",
      defaultValue = "testflight.yaml")
  Path file;
}
