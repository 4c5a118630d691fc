package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.Exchange;
import dev.flightplan.sandbox.FaultSpec;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replacing the only title of an App Clip invocation: the new title is added and the old one
 * removed, in the same phase. App Store Connect refuses to remove an invocation's last title (409),
 * so the removal must wait for the addition whatever the parallelism, even when the addition is
 * slow to answer.
 */
@IntegrationTest
class AppClipTitleOrderTest extends SandboxTest {
  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    return super.options().withFaults(FaultSpec.parse("slow=0:500ms"));
  }

  @Test
  void theOldTitleIsRemovedOnlyOnceTheNewOneIsThere() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            builds:
              - version: "2.3"
                number: "44"
                appClipInvocations:
                  - url: https://appclip.example.com/forecast
                    title: { de-DE: "Die Vorhersage" }
        """);
    sandbox.failNext("POST /v1/betaAppClipInvocationLocalizations", "slow");

    CliRunner.Result apply =
        cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--parallelism", "4");

    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(sandbox.faultsInjected()).containsEntry("slow", 1L);
    Exchange added = only("POST", "/v1/betaAppClipInvocationLocalizations");
    Exchange removed = only("DELETE", "/v1/betaAppClipInvocationLocalizations/");
    assertThat(added.status()).isEqualTo(201);
    assertThat(removed.status()).isEqualTo(204);
    assertThat(removed.received())
        .as("the removal arrived after the addition was answered")
        .isGreaterThan(added.answered());
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  private Exchange only(String method, String pathStart) {
    return recorder.exchanges().stream()
        .filter(e -> e.method().equals(method) && e.path().startsWith(pathStart))
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one " + method + " " + pathStart);
            })
        .orElseThrow(() -> new AssertionError("no " + method + " " + pathStart));
  }
}
