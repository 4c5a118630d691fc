package dev.flightplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the launcher's class-data-sharing archive (bin/flightplan): the launcher runs
 * this once, under {@code -XX:ArchiveClassesAtExit}, and every later run maps the classes it loaded
 * from that archive instead of reading, parsing and verifying them from the jar. It runs what
 * people run most, in-process and quietly: the help, {@code validate} of the bundled example
 * (valid, and with a misspelt key), and {@code plan} of it in three formats against a sandbox in a
 * temporary directory; for the archive of the commands that read only local files, all but {@code
 * plan} (a third of the classes: the archive is mapped and relocated on every start). Nothing it
 * does leaves the temporary directory; its outcome is ignored.
 */
public final class CdsTraining {
  private static final String EXAMPLE = "training/testflight.yaml";
  private static final String PASSWORD = "training/demo-password.txt";
  private static final String LOCAL = "local";

  private CdsTraining() {}

  /**
   * {@code local}: the commands that read only local files (the launcher's archive for validate,
   * help, completion and version); otherwise ({@code full}, the default) those and {@code plan}.
   */
  public static void main(String[] args) throws IOException {
    String profile = args.length > 0 ? args[0] : "full";
    Path dir = Files.createTempDirectory("flightplan-cds");
    try {
      Path example = copy(EXAMPLE, dir.resolve("testflight.yaml"));
      copy(PASSWORD, dir.resolve("demo-password.txt"));
      Path typo = dir.resolve("typo.yaml");
      Files.writeString(
          typo, Files.readString(example).replace("\n    testers:", "\n    testres:"));
      String state = dir.resolve("sandbox.json").toString();
      List<List<String>> runs =
          new ArrayList<>(
              List.of(
                  List.of("--version"),
                  List.of("--help"),
                  List.of("help", "validate"),
                  List.of("completion", "bash"),
                  List.of("validate", "-f", example.toString()),
                  List.of("validate", "-f", typo.toString())));
      if (!LOCAL.equals(profile)) {
        runs.add(List.of("plan", "--help"));
        for (String format : List.of("text", "markdown", "json")) {
          runs.add(
              List.of(
                  "plan",
                  "--sandbox",
                  "--sandbox-state",
                  state,
                  "-f",
                  example.toString(),
                  "--format",
                  format));
        }
      }
      for (List<String> run : runs) {
        new Main(quiet(dir)).run(run.toArray(String[]::new));
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static Environment quiet(Path dir) {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    return new Environment(
        nowhere, nowhere, Map.of("HOME", dir.toString()), InputStream.nullInputStream(), false);
  }

  private static Path copy(String resource, Path to) throws IOException {
    try (InputStream in = CdsTraining.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the bundled " + resource + " is missing");
      }
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
    return to;
  }
}
