package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault options of the command line: the embedded sandbox's --sandbox-faults, and the sandbox's
 * --faults.
 */
@IntegrationTest
class FaultsCliTest {
  @TempDir Path tmp;

  @Test
  void theEmbeddedSandboxInjectsFaultsAndTheApplyStillConverges() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.copy(Path.of("examples/testflight.yaml"), file);
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));
    CliRunner.Result r =
        CliRunner.plain()
            .sleeper(d -> {})
            .run(
                "apply",
                "--sandbox",
                "--sandbox-state",
                tmp.resolve("state/sandbox.json").toString(),
                "--sandbox-faults",
                "seed=5,5xx=0.2,429=0.1,reset=0.05,revoke=3",
                "-f",
                file.toString(),
                "--auto-approve",
                "--retries",
                "9",
                "--debug");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.err())
        .contains(
            "note: the sandbox injects faults: seed=5,5xx=0.2,429=0.1,reset=0.05,lost=0.5,revoke=3")
        .contains("debug: retry GET ")
        .contains("minting a new token");
    assertThat(r.out()).contains("Verified: App Store Connect now matches the file.");
  }

  @Test
  void badFaultSpecsAreRefusedWithTheSyntax() {
    CliRunner.Result sandbox =
        CliRunner.plain()
            .run("sandbox", "--faults", "typo=1", "--state", tmp.resolve("s.json").toString());
    assertThat(sandbox.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(sandbox.err())
        .contains(
            "error: --faults: unknown fault \"typo\"; write faults as seed=N,5xx=RATE,429=RATE");

    CliRunner.Result embedded =
        CliRunner.plain()
            .run(
                "plan",
                "--sandbox",
                "--sandbox-state",
                tmp.resolve("s.json").toString(),
                "--sandbox-faults",
                "5xx=2",
                "-f",
                "examples/testflight.yaml");
    assertThat(embedded.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(embedded.err()).contains("--sandbox-faults: 5xx must be a rate from 0 to 1");

    CliRunner.Result withoutSandbox =
        CliRunner.plain()
            .run(
                "plan",
                "--sandbox-faults",
                "5xx=0.1",
                "-f",
                "examples/testflight.yaml",
                "--api-url",
                "http://127.0.0.1:9");
    assertThat(withoutSandbox.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(withoutSandbox.err()).contains("--sandbox-faults needs --sandbox");
  }
}
