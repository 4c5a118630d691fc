package dev.flightplan.cli;

import dev.flightplan.config.ReferencedFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The desired-state file option, and where the files it names may be (a picocli mixin). */
public final class FileOptions {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "The desired-state file (default: ${DEFAULT-VALUE}).",
      defaultValue = "testflight.yaml")
  Path file;

  @Option(
      names = ReferencedFiles.ALLOW_OUTSIDE,
      description = "Let the desired-state file name tester lists and secret files outside its own directory (by default"
          + " every file it names must be in that directory or below it, symbolic links resolved).")
  boolean allowOutsideFiles;

  /** Where the files the desired-state file names may be. */
  ReferencedFiles referencedFiles() {
    return new ReferencedFiles(allowOutsideFiles);
  }
}
