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
      Path log = tmp.resolve(i + ".log");
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
      assertThat(p.exitValue()).as("%s", args).isZero();
      assertThat(Files.readString(log))
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
}
