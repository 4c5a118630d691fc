package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.testing.IntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM (what CI runners and {@code timeout} send) and SIGINT (Ctrl-C) while apply waits for the
 * hourly rate limit: the real CLI runs as a separate process ({@code java -cp target/classes:...})
 * against a sandbox in this JVM that allows 22 requests an hour, so after reading (8), re-checking
 * its creates (8) and a few writes the apply has to wait about an hour. While it waits its log gets
 * a line every 10 s; the signal ends it within 5 s, with the report of what was and was not done,
 * and the exit status a shell gives a program the signal stopped (143, 130); with --format json
 * (run for SIGTERM), also with the JSON report, whose outcome is "interrupted". Then, the hour
 * over, apply finishes.
 */
@DisabledOnOs(OS.WINDOWS)
@IntegrationTest
class SignalTest extends SandboxTest {
  private static final Duration ENDS_WITHIN = Duration.ofSeconds(5);

  /**
   * The sandbox's clock (tokens, the rolling hour): the real time the child process mints tokens
   * with, until moved.
   */
  private final MutableClock clock = MutableClock.aheadOfSystem();

  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    return SandboxOptions.defaults().withHourlyLimit(22).withClock(clock);
  }

  /** A line of the child's output and when this test read it. */
  record Line(String text, long nanos) {}

  @ParameterizedTest(name = "SIG{0}")
  @ValueSource(strings = {"TERM", "INT"})
  void aSignalWhileWaitingForTheRateLimitEndsWithTheReport(String signal) throws Exception {
    Path file = example(tmp);
    boolean json = signal.equals("TERM");
    Process p = start(sandbox, invitationLog, file, json);
    try {
      BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
      List<String> output = new ArrayList<>();
      Thread reader = read(p, lines, output);

      Line waiting =
          next(lines, Duration.ofSeconds(120), "waiting for the hourly rate limit", output);
      assertThat(waiting.text())
          .containsPattern("resumes at \\d\\d:\\d\\d UTC \\(in (59 min \\d\\d s|1 h 0[01] min)\\)");
      if (signal.equals("TERM")) {
        // nothing finishes while it waits, yet the log gets a line every 10 s (once, to keep the
        // test short)
        Line heartbeat =
            next(lines, Duration.ofSeconds(15), "waiting for the hourly rate limit", output);
        assertThat(Duration.ofNanos(heartbeat.nanos() - waiting.nanos()))
            .isLessThan(Duration.ofMillis(11_000));
      }
      Assumptions.assumeFalse(
          signal.equals("INT") && ignoresSigint(p.pid()),
          "SIGINT is ignored by processes started here (a background job without job control); Java cannot catch it");

      long sent = System.nanoTime();
      // not Process.destroy(), which sends SIGTERM but also closes this end of the child's output
      assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor())
          .isZero();
      boolean ended = p.waitFor(ENDS_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - sent);
      reader.join(TimeUnit.SECONDS.toMillis(5));
      String all = String.join("\n", output);
      assertThat(ended).as("ended within %s; output:%n%s", ENDS_WITHIN, all).isTrue();
      assertThat(p.exitValue())
          .as("128 + the signal's number; took %s", took)
          .isEqualTo(signal.equals("TERM") ? 143 : 130);
      assertThat(all)
          .contains("Apply interrupted after")
          .contains("Done (")
          .contains("Not done (")
          .contains("(not sent)")
          .contains("Run apply again to finish")
          .doesNotContain("FAILED");
      if (json) {
        assertThat(all).contains("\"outcome\": \"interrupted\"").contains("\"not_sent\": [");
      }
    } finally {
      p.destroyForcibly();
    }

    // the hour is over: apply finishes the job, and planning again finds nothing to do
    clock.advance(Duration.ofMinutes(61));
    CliRunner runner = cli().clock(clock).sleeper(clock::advance);
    CliRunner.Result rerun = runner.run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(rerun.exit()).as(rerun.all()).isZero();
    assertThat(rerun.out()).contains("Verified: App Store Connect now matches the file.");
    assertThat(runner.run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode").exit())
        .isZero();
    assertThat(sandbox.admin().invitationsSent().values())
        .as("invitations per tester")
        .allMatch(n -> n <= 1);
  }

  static Process start(SandboxServer sandbox, Path invitationLog, Path file, boolean json)
      throws IOException {
    SandboxCredentials c = sandbox.credentials();
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(KillTest.classpath());
    command.add(Main.class.getName());
    command.addAll(
        List.of(
            "apply",
            "-f",
            file.toString(),
            "--auto-approve",
            "--api-url",
            sandbox.baseUri().toString(),
            "--invitation-log",
            invitationLog.toString()));
    if (json) {
      command.addAll(List.of("--format", "json"));
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("ASC_KEY_ID", c.keyId());
    pb.environment().put("ASC_ISSUER_ID", c.issuerId());
    pb.environment().put("ASC_PRIVATE_KEY", c.privateKeyPem());
    return pb.start();
  }

  /**
   * Reads the child's output line by line into {@code lines} (timed) and {@code output}, until it
   * ends.
   */
  static Thread read(Process p, BlockingQueue<Line> lines, List<String> output) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  synchronized (output) {
                    output.add(line);
                  }
                  lines.add(new Line(line, System.nanoTime()));
                }
              } catch (IOException e) {
                // the process was killed: what was read is kept
              }
            },
            "child-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The next line that contains {@code text}, read within {@code within}. */
  static Line next(BlockingQueue<Line> lines, Duration within, String text, List<String> output)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Line line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        synchronized (output) {
          throw new AssertionError(
              "no line containing \""
                  + text
                  + "\" within "
                  + within
                  + "; output:\n"
                  + String.join("\n", output));
        }
      }
      if (line.text().contains(text)) {
        return line;
      }
    }
  }

  /**
   * Whether SIGINT is ignored by process {@code pid} (Linux: bit 2 of SigIgn in /proc/PID/status).
   */
  private static boolean ignoresSigint(long pid) throws IOException {
    Path status = Path.of("/proc/" + pid + "/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
      }
    }
    return false;
  }
}
