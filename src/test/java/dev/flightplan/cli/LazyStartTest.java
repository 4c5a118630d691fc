package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that only print what the command model says (help, completion, the version) start
 * without Jackson, SnakeYAML or the schema validator, which are most of the classes a run can load:
 * the launcher's start-up depends on it. Nor do they load the java.sql and java.time types picocli
 * has converters for (Main excludes them). Each runs in a JVM of its own, whose class loading is
 * logged.
 */
@IntegrationTest
class LazyStartTest {
  @TempDir Path tmp;

  @Test
  void helpAndCompletionLoadNoParserAndNoValidator() throws Exception {
    List<List<String>> runs =
        List.of(
            List.of("--help"),
            List.of("help", "plan"),
            List.of("apply", "--help"),
            List.of("validate", "-h"),
            List.of("completion", "bash"),
            List.of("completion", "fish"),
            List.of("--version"),
            List.of("plan", "--version"),
            List.of("version"));
    for (int i = 0; i < runs.size(); i++) {
      List<String> args = runs.get(i);
      assertThat(classesLoaded(args, 0, tmp.resolve(i + ".log")))
          .as("%s", args)
          .contains("dev.flightplan.cli.Main ")
          .doesNotContain("com.fasterxml.jackson")
          .doesNotContain("org.yaml.snakeyaml")
          .doesNotContain("com.networknt")
          // picocli's converters for java.sql and java.time types (none of our options has one)
          // load and initialise those classes, the date-time formatters with them
          .doesNotContain("java.sql.")
          .doesNotContain("java.time.format.DateTimeFormatterBuilder ");
    }
  }

  /**
   * Only a saved plan refers to the file by its SHA-256, so {@code validate} reads the file without
   * hashing it (about 40 ms for a file of 10,000 testers under the launcher's compiler). The {@code
   * plan -o} run shows that the log does name these classes when a command uses them.
   */
  @Test
  void validateDoesNotHashTheFile() throws Exception {
    String example = Path.of("examples", "testflight.yaml").toString();
    assertThat(classesLoaded(List.of("validate", "-f", example), 0, tmp.resolve("validate.log")))
        .contains("dev.flightplan.config.ConfigLoader ")
        .doesNotContain("dev.flightplan.config.Sha256 ")
        .doesNotContain("java.security.MessageDigest ");
    assertThat(
            classesLoaded(
                List.of(
                    "plan",
                    "--sandbox",
                    "--sandbox-state",
                    tmp.resolve("sandbox.json").toString(),
                    "-f",
                    example,
                    "-o",
                    tmp.resolve("p.json").toString()),
                0,
                tmp.resolve("plan.log")))
        .contains("dev.flightplan.config.Sha256 ")
        .contains("java.security.MessageDigest ");
  }

  /**
   * The classes a run of {@code args} in a JVM of its own loads, as logged; the run must end with
   * {@code exit}.
   */
  private static String classesLoaded(List<String> args, int exit, Path log) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("%s", args).isTrue();
    assertThat(p.exitValue()).as("%s", args).isEqualTo(exit);
    return Files.readString(log);
  }
}
