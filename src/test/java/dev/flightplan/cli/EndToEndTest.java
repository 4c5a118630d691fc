package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's walk-through, run in-process against the sandbox over real HTTP. */
@IntegrationTest
class EndToEndTest extends SandboxTest {
  private static final String EXAMPLE = "examples/testflight.yaml";

  @TempDir Path tmp;

  @Test
  void planShowsTheChangesApplyMakesThemAndPlanAgainShowsNone() {
    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out())
        .contains("+ group \"Public Beta\"")
        .contains("~ group \"Friends & Family\"")
        .contains("~ feedback = false -> true")
        .contains("- \"frank@example.com\"")
        .contains("+ tester \"dave@example.com\"")
        .contains("+ tester \"bob@example.com\"")
        .contains("+ publicLinkLimit = 500")
        .contains("+ criteria        = [\"IPHONE 17.0+\"]")
        .contains("+ builds          = [\"2.3 (44)\"]")
        .contains("~ demoAccountPassword = (sensitive value changed)")
        .contains("+ reviewSubmission \"2.3 (45)\"")
        .contains("+ appClipInvocation \"2.3 (45) https://appclip.example.com/order?size=large\"")
        .contains("> invitation \"bob@example.com\"")
        .doesNotContain("> invitation \"dave@example.com\"")
        .contains(
            "App Store Connect emails the TestFlight invitation itself to the 1 tester(s) this plan adds to external groups")
        .contains("Plan: 6 to add, 8 to change, 0 to destroy, 1 to send.")
        .contains("would be deleted with --prune: \"Old Beta\"");
    assertThat(writes()).as("plan writes nothing").isZero();

    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.OK);
    assertThat(apply.out())
        .contains("Apply complete!")
        .contains("Verified: App Store Connect now matches the file.");

    CliRunner.Result again = cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isEqualTo(ExitCodes.OK);
    assertThat(again.out()).contains("No changes.");

    long writesBefore = writes();
    CliRunner.Result second = cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve");
    assertThat(second.exit()).as(second.all()).isEqualTo(ExitCodes.OK);
    assertThat(writes()).as("a second apply sends no write request").isEqualTo(writesBefore);
  }

  @Test
  void planCountsTheApiCallsApplySends() {
    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", EXAMPLE);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("API calls to apply: (\\d+)").matcher(plan.out());
    assertThat(m.find()).as(plan.out()).isTrue();
    long promised = Long.parseLong(m.group(1));
    long before = writes();
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(writes() - before).isEqualTo(promised);
  }

  @Test
  void pruneDeletesUnlistedGroupsAndRemovesUnlistedTestersFromTheAppOnly() {
    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", EXAMPLE, "--prune");
    assertThat(plan.out())
        .contains("- group \"Old Beta\"")
        .contains("- tester \"frank@example.com\"")
        .contains("- tester \"grace@example.com\"")
        .contains("will be removed from the app");
    CliRunner.Result apply =
        cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve", "--prune");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(sandbox.requestCounts()).doesNotContainKey("DELETE /v1/betaTesters/{id}");
    assertThat(sandbox.requestCounts())
        .containsEntry("DELETE /v1/apps/{id}/relationships/betaTesters", 1L);
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", EXAMPLE, "--prune", "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void embeddedSandboxKeepsItsStateBetweenRuns() {
    Path state = tmp.resolve("state/sandbox.json");
    CliRunner runner = CliRunner.plain();
    CliRunner.Result plan =
        runner.run(
            "plan",
            "--sandbox",
            "--sandbox-state",
            state.toString(),
            "-f",
            EXAMPLE,
            "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(Files.exists(state)).isTrue();
    CliRunner.Result apply =
        runner.run(
            "apply",
            "--sandbox",
            "--sandbox-state",
            state.toString(),
            "-f",
            EXAMPLE,
            "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    CliRunner.Result again =
        runner.run(
            "plan",
            "--sandbox",
            "--sandbox-state",
            state.toString(),
            "-f",
            EXAMPLE,
            "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void aMisspeltKeyIsAPositionedErrorAndNoApiCallIsMade() throws IOException {
    Path file = tmp.resolve("typo.yaml");
    Files.writeString(
        file, Files.readString(Path.of(EXAMPLE)).replaceFirst("\n    testers:", "\n    testres:"));
    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(plan.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(plan.err())
        .containsPattern(
            java.util.regex.Pattern.quote(file.toString())
                + ":\\d+:\\d+: error: .*testres.*testers");
    assertThat(plan.all()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(sandbox.totalRequests()).isZero();
  }

  @Test
  void applyWithoutATerminalNeedsAutoApproveAndSaysSoAsAUsageError() {
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", EXAMPLE);
    assertThat(apply.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(apply.out()).isEmpty();
    assertThat(apply.err())
        .isEqualTo(
            "error: apply -f needs --auto-approve when it is not run at a terminal (nothing was read"
                + " or changed)\nSee 'flightplan apply --help'.\n");
    assertThat(sandbox.totalRequests()).as("not even a read").isZero();

    // before the file is read: a job learns of its command line first
    CliRunner.Result missing =
        cli().run(sandbox, "apply", "-f", tmp.resolve("no-such.yaml").toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("--auto-approve").doesNotContain("no-such.yaml");
    assertThat(cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode").exit())
        .as("nothing changed")
        .isEqualTo(ExitCodes.CHANGES);
  }

  @Test
  void applyAtATerminalAsksAndOnlyYesApproves() {
    CliRunner.Result declined =
        cli().terminal("no\n").run(sandbox, "apply", "-f", EXAMPLE, "--no-color");
    assertThat(declined.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(declined.out()).contains("Only 'yes' will be accepted").contains("Apply cancelled");
    assertThat(writes()).isZero();
    CliRunner.Result approved =
        cli().terminal("yes\n").run(sandbox, "apply", "-f", EXAMPLE, "--no-color");
    assertThat(approved.exit()).as(approved.all()).isZero();
    assertThat(writes()).isPositive();
    assertThat(cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() {
    CliRunner.Result piped = cli().run(sandbox, "plan", "-f", EXAMPLE);
    assertThat(piped.out()).doesNotContain("\u001b[");
    CliRunner.Result tty = cli().terminal("").run(sandbox, "plan", "-f", EXAMPLE);
    assertThat(tty.out()).contains("\u001b[32m+\u001b[0m");
    CliRunner.Result noColor =
        cli().terminal("").env("NO_COLOR", "1").run(sandbox, "plan", "-f", EXAMPLE);
    assertThat(noColor.out()).doesNotContain("\u001b[");
  }
}
