package dev.flightplan.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program of the distribution (a launcher, bash, tar) as a user's shell would, and captures
 * what it says.
 */
final class Processes {
  /** Exit code, standard output and standard error of one run. */
  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Processes() {}

  /** The built distribution, target/flightplan-VERSION (surefire/failsafe pass it, pom.xml). */
  static Path distribution() {
    return Path.of("target", "flightplan-" + version());
  }

  static String version() {
    return System.getProperty("flightplan.expectedVersion");
  }

  static Run run(Path dir, Map<String, String> env, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().remove("FLIGHTPLAN_JAVA_OPTS");
    pb.environment().remove("FLIGHTPLAN_CDS");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("flightplan-out", ".txt");
    Path err = Files.createTempFile("flightplan-err", ".txt");
    pb.redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("still running after 5 minutes: " + command);
    }
    Run run =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }
}
