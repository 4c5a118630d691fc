package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.api.AscClient;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live state that holds natural keys twice, as two creates that ran at once leave it (made with
 * the sandbox's admin, since the API refuses most such creates one after the other): the plan shows
 * every extra copy as drift to delete, apply removes them, and the next plan finds nothing; a group
 * copy that holds testers is refused instead.
 */
@IntegrationTest
class DuplicatesTest extends SandboxTest {
  private static final String EXAMPLE = "examples/testflight.yaml";
  private static final String APP = "com.example.weather";
  private static final String FORECAST = "https://appclip.example.com/forecast";

  @BeforeEach
  void applyTheExample() {
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
  }

  @Test
  void everyExtraCopyIsPlannedAsADeleteAndApplyConverges() {
    String group = sandbox.admin().duplicateGroup(APP, "Friends & Family");
    sandbox.admin().duplicateLocalization(APP, "en-US");
    // the copies say what the originals say: which of two copies has the lower id is chance (App
    // Store Connect's ids
    // are random), and the plan deletes the other one, whichever it is
    sandbox.admin().duplicateWhatToTest(APP, "2.3", "44", "en-US", "Bug fixes and a faster radar.");
    sandbox.admin().duplicateInvocation(APP, "2.3", "44", FORECAST);
    sandbox.admin().duplicateTitle(APP, "2.3", "44", FORECAST, "de-DE", "Die 10-Tage-Vorhersage");

    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out())
        .contains("- group \"Friends & Family (duplicate " + group + ")\"")
        .contains(
            "# group \"Friends & Family (duplicate "
                + group
                + ")\" will be destroyed: duplicate of group"
                + " \"Friends & Family\" (kept: ")
        .contains("the oldest, created ")
        .containsPattern("- localization \"en-US \\(duplicate \\S+\\)\"")
        .containsPattern("- whatToTest \"2.3 \\(44\\) en-US \\(duplicate \\S+\\)\"")
        .containsPattern(
            "- appClipInvocation \"2.3 \\(44\\) " + FORECAST + " \\(duplicate \\S+\\)\"")
        .containsPattern(
            "- appClipTitle \"2.3 \\(44\\) " + FORECAST + " de-DE \\(duplicate \\S+\\)\"")
        .contains(
            "the lowest id, as App Store Connect dates neither copy), created outside this plan")
        .contains("Plan: 0 to add, 0 to change, 5 to destroy.");

    long writes = writes();
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out()).contains("Verified: App Store Connect now matches the file.");
    assertThat(writes()).as("one delete per copy").isEqualTo(writes + 5);
    assertThat(sandbox.requestCounts())
        .containsEntry("DELETE /v1/betaGroups/{id}", 1L)
        .containsEntry("DELETE /v1/betaAppLocalizations/{id}", 1L)
        .containsEntry("DELETE /v1/betaBuildLocalizations/{id}", 1L)
        .containsEntry("DELETE /v1/betaAppClipInvocations/{id}", 1L)
        .containsEntry("DELETE /v1/betaAppClipInvocationLocalizations/{id}", 1L);

    CliRunner.Result again = cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void aGroupCopyHoldingATesterOfItsOwnIsAnErrorNamingBothAndNothingIsDeleted() throws IOException {
    String copy = sandbox.admin().duplicateGroup(APP, "Friends & Family");
    try (AscClient client = sandboxClient()) {
      String grace =
          client.get("/v1/betaTesters?filter%5Bemail%5D=grace%40example.com").data().get(0).id();
      client.post(
          "/v1/betaGroups/" + copy + "/relationships/betaTesters",
          new ObjectMapper()
              .readTree("{\"data\":[{\"type\":\"betaTesters\",\"id\":\"" + grace + "\"}]}"));
    }
    long writes = writes();
    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(plan.err())
        .containsPattern(
            "testflight.yaml:\\d+:\\d+: error: group \"Friends & Family\" is in App Store Connect twice: \\S+"
                + " \\(created \\S+, the copy flightplan manages\\) and "
                + copy
                + " \\(created \\S+\\), which has 1 tester\\(s\\)"
                + " the other lacks")
        .contains("delete " + copy);
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve");
    assertThat(apply.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(writes()).as("nothing is deleted or changed").isEqualTo(writes + 0);
  }
}
