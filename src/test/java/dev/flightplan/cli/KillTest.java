package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.testing.IntegrationTest;
import dev.flightplan.testing.LiveSummary;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interruption: the real CLI runs as a separate process ({@code java -cp target/classes:...})
 * against a sandbox in this JVM, and is killed (SIGKILL) at a random request of its apply, chosen
 * from a seed; the sandbox receives the request and makes its change, the process dies before
 * reading the answer. Running apply again must finish the job: exit 0, verified, and exactly the
 * state an uninterrupted apply gives, with no duplicate tester, no lost membership, no invitation
 * sent twice and nothing outside the plan changed. 20 seeded kills ({@code -Dkill.runs=N}).
 */
@IntegrationTest
class KillTest extends SandboxTest {
  static final int TESTERS = 40;

  @TempDir static Path dir;
  private static Path file;
  private static String reference;
  private static int requests;

  @Override
  protected SandboxOptions options() {
    return SandboxOptions.defaults().withHourlyLimit(1_000_000);
  }

  @Override
  protected boolean checkEachShapeOnce() {
    return true;
  }

  static Stream<Integer> runs() {
    return IntStream.rangeClosed(1, Integer.getInteger("kill.runs", 20)).boxed();
  }

  /** The example with a group of 40 more testers, and what an uninterrupted apply of it gives. */
  static synchronized Path killFile() {
    if (file == null) {
      try {
        String example = Files.readString(Path.of("examples/testflight.yaml"));
        StringBuilder group = new StringBuilder("      - name: Crew\n        testers:\n");
        for (int i = 1; i <= TESTERS; i++) {
          group.append(String.format("          - crew%02d@example.com%n", i));
        }
        String marker = "      - name: Friends & Family\n";
        Path f = dir.resolve("testflight.yaml");
        Files.writeString(f, example.replace(marker, group + "\n" + marker));
        Files.copy(Path.of("examples/demo-password.txt"), dir.resolve("demo-password.txt"));
        try (SandboxServer clean =
            SandboxServer.start(SandboxOptions.defaults().withHourlyLimit(1_000_000))) {
          CliRunner.Result r =
              CliRunner.against(clean).run(clean, "apply", "-f", f.toString(), "--auto-approve");
          assertThat(r.exit()).as(r.err()).isZero();
          requests = (int) clean.totalRequests();
          reference = LiveSummary.read(clean, f);
        }
        file = f;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }

  @ParameterizedTest(name = "kill {0}")
  @MethodSource("runs")
  void applyKilledAtARandomRequestFinishesOnTheNextRun(int run) throws Exception {
    Path f = killFile();
    int killAt = 1 + new Random(run).nextInt(requests);
    AtomicInteger seen = new AtomicInteger();
    AtomicReference<Process> process = new AtomicReference<>();
    sandbox.addListener(
        e -> {
          // called before the answer leaves: the change is made, the client never learns of it
          if (seen.incrementAndGet() == killAt) {
            process.get().destroyForcibly();
          }
        });
    Path log = dir.resolve("kill-" + run + ".log");
    Process p = start(f, log);
    process.set(p);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the CLI process ends").isTrue();
    String output = Files.readString(log);
    boolean killed = seen.get() >= killAt;
    assertThat(killed)
        .as("killed at request %d of %d; output:%n%s", killAt, requests, output)
        .isTrue();
    assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    long before = sandbox.totalRequests();
    CliRunner.Result rerun = cli().run(sandbox, "apply", "-f", f.toString(), "--auto-approve");
    assertThat(rerun.exit())
        .as("re-run after a kill at request %d:%n%s", killAt, rerun.all())
        .isZero();
    assertThat(rerun.out())
        .containsAnyOf("Verified: App Store Connect now matches the file.", "No changes.");
    assertThat(LiveSummary.read(sandbox, f))
        .as("state after a kill at request %d", killAt)
        .isEqualTo(reference);
    assertThat(sandbox.admin().invitationsSent().values())
        .as("invitations per tester")
        .allMatch(n -> n <= 1);
    System.out.printf(
        "kill %d: killed at request %d of %d, the re-run sent %d%n",
        run, killAt, requests, sandbox.totalRequests() - before);
  }

  private Process start(Path f, Path log) throws IOException {
    SandboxCredentials c = sandbox.credentials();
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(classpath());
    command.add(Main.class.getName());
    command.addAll(
        List.of(
            "apply",
            "-f",
            f.toString(),
            "--auto-approve",
            "--api-url",
            sandbox.baseUri().toString(),
            "--invitation-log",
            invitationLog.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("ASC_KEY_ID", c.keyId());
    pb.environment().put("ASC_ISSUER_ID", c.issuerId());
    pb.environment().put("ASC_PRIVATE_KEY", c.privateKeyPem());
    return pb.start();
  }

  /**
   * target/classes and the dependencies, as this JVM was given them (surefire sets java.class.path
   * to them).
   */
  static String classpath() {
    String cp = System.getProperty("java.class.path");
    assertThat(cp).as("the test classpath").contains("classes");
    return cp + File.pathSeparator + Path.of("target", "classes").toAbsolutePath();
  }
}
