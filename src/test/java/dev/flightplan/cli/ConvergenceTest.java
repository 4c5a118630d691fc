package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.FaultSpec;
import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eventual consistency: the sandbox's reads trail its writes (lag mode), the CLI's waits move a
 * clock shared with the sandbox instead of sleeping. The verification after apply waits for the
 * reads to catch up before it calls anything drift, a 202 is confirmed by reading back, and a run
 * that cannot converge exits 1 naming each object.
 */
@IntegrationTest
class ConvergenceTest extends SandboxTest {
  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.now());
  private String lag = "3s";

  @Override
  protected SandboxOptions options() {
    return SandboxOptions.defaults()
        .withClock(clock)
        .withFaults(FaultSpec.parse("seed=1,lag=" + lag));
  }

  @Override
  protected boolean checkEachShapeOnce() {
    return true;
  }

  private CliRunner waitingOnTheClock() {
    return cli().clock(clock).sleeper(clock::advance);
  }

  private Path example() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.copy(Path.of("examples/testflight.yaml"), file);
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));
    return file;
  }

  @Test
  void theVerificationWaitsForReadsToCatchUpBeforeCallingAnythingDrift() throws IOException {
    Path file = example();
    CliRunner.Result r =
        waitingOnTheClock()
            .run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--debug");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.err())
        .containsPattern(
            "debug: verify: \\d+ object\\(s\\) still differ after read 1 of 5; App Store"
                + " Connect's reads can trail its writes, reading again in 4000 ms");
    assertThat(r.out()).contains("Verified: App Store Connect now matches the file.");
    assertThat(
            waitingOnTheClock()
                .run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode")
                .exit())
        .isZero();
  }

  @Test
  void aRunThatCannotConvergeExitsOneNamingEachObjectAndWhy() throws IOException {
    sandbox.close();
    lag = "10m";
    startSandbox();
    Path file = example();
    CliRunner.Result r =
        waitingOnTheClock().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.out()).contains("Apply complete!").doesNotContain("Verified");
    assertThat(r.err())
        .containsPattern(
            "error: after apply, \\d+ object\\(s\\) still differ from the file \\(planned again 5 times over 60 s\\):")
        .contains("+ com.example.weather/group[\"Public Beta\"]")
        .contains(
            "App Store Connect accepted every request for it, yet after 5 reads over 60 s it still differs");
  }

  @Test
  void aDeleteAcceptedWith202IsConfirmedByReadingBackAndNeverSentAgain() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(
        file,
        "version: 1\napps:\n  - bundleId: com.example.weather\n"
            + "    manage: { testers: exclusive }\n    groups:\n      - { name: QA, internal: true, testers: [alice@example.com] }\n"
            // listed, so that their members are the file's to remove from the app
            + "      - { name: Friends & Family }\n      - { name: Old Beta }\n");
    CliRunner.Result r =
        waitingOnTheClock()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--prune",
                "--auto-approve",
                "--debug",
                "--allow-empty-groups");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.err())
        .contains(
            "debug: read back DELETE /v1/apps/1000000001/relationships/betaTesters: 202 accepted;"
                + " reading GET /v1/betaTesters (read 1 of 5)");
    assertThat(sandbox.requestCounts())
        .containsEntry("DELETE /v1/apps/{id}/relationships/betaTesters", 1L);
    assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofSeconds(2)));
  }
}
