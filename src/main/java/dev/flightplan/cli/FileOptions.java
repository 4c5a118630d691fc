package dev.flightplan.cli;

import dev.flightplan.config.ConfigLoader;
import dev.flightplan.config.LoadResult;
import dev.flightplan.config.ReferencedFiles;
import dev.flightplan.engine.ConfigFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The desired-state file option, and where the files it names may be (a picocli mixin). */
@HelpSection(HelpSection.Heading.INPUT)
public final class FileOptions {
  /** The name of standard input as a file, as Unix tools take it. */
  static final String STDIN = "-";

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description =
          "The desired-state file (default: ${DEFAULT-VALUE}); - reads it from standard input.",
      defaultValue = "testflight.yaml")
  Path file;

  @Option(
      names = ReferencedFiles.ALLOW_OUTSIDE,
      description =
          "Let the desired-state file name tester lists and secret files outside its own directory (by default"
              + " every file it names must be in that directory or below it, symbolic links resolved; the working"
              + " directory for -f -).")
  boolean allowOutsideFiles;

  /** Where the files the desired-state file names may be. */
  ReferencedFiles referencedFiles() {
    return new ReferencedFiles(allowOutsideFiles);
  }

  /** Whether the file is standard input ({@code -f -}). */
  boolean stdin() {
    return file.toString().equals(STDIN);
  }

  /** The file as messages name it: as given, or {@code <stdin>}. */
  String name() {
    return stdin() ? ConfigLoader.STDIN : file.toString();
  }

  /**
   * Reads and loads the file, from standard input for {@code -f -}, without the reference a saved
   * plan records (the SHA-256 of the bytes: a tenth of the CPU of loading a large file).
   */
  LoadResult loadResult(Environment env) {
    return stdin()
        ? ConfigLoader.load(env.in(), referencedFiles())
        : ConfigLoader.load(file, referencedFiles());
  }

  /**
   * Reads and loads the file, from standard input for {@code -f -}, with the reference a saved plan
   * records.
   */
  ConfigFile load(Environment env) {
    return stdin()
        ? ConfigFile.read(env.in(), referencedFiles())
        : ConfigFile.load(file, referencedFiles());
  }
}
