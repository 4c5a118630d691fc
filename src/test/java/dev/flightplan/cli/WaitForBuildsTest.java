package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.Resource;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --wait}, end to end against the sandbox: a build still processing is waited for,
 * then submitted for beta review, waited for again, and given to its group once approved, in one
 * run; the waits are the client's own (its sleeper), during which Apple's side moves on (the
 * sandbox's admin). Without a change before --wait-timeout, apply applies what it can and exits 1.
 */
@IntegrationTest
class WaitForBuildsTest extends SandboxTest {
  private static final String FILE =
      "version: 1\napps:\n  - bundleId: com.example.weather\n"
          + "    reviewDetail: { contactFirstName: Jo, contactLastName: Lee, contactEmail: qa@example.com,"
          + " contactPhone: \"+1 555 0100\", demoAccountRequired: false }\n"
          + "    groups:\n      - name: Friends & Family\n        builds: [{ version: \"2.3\", number: \"46\" }]\n"
          + "    builds:\n      - version: \"2.3\"\n        number: \"46\"\n        usesNonExemptEncryption: false\n"
          + "        whatToTest: { en-US: \"Wait for me\" }\n        submitForReview: true\n";

  @TempDir Path tmp;

  private String build46() throws IOException {
    try (AscClient client = sandboxClient()) {
      List<Resource> found = client.get("/v1/builds?filter%5Bversion%5D=46&limit=200").data();
      assertThat(found).hasSize(1);
      return found.get(0).id();
    }
  }

  private List<String> groupBuilds(String group) throws IOException {
    try (AscClient client = sandboxClient()) {
      String id =
          client
              .get(
                  "/v1/betaGroups?filter%5Bname%5D="
                      + group.replace(" ", "%20").replace("&", "%26")
                      + "&limit=200")
              .data()
              .get(0)
              .id();
      return client.get("/v1/betaGroups/" + id + "/relationships/builds?limit=200").data().stream()
          .map(Resource::id)
          .toList();
    }
  }

  @Test
  void waitsForProcessingThenForReviewAndGivesTheBuildInOneRun() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, FILE);
    String build = build46();
    List<Duration> pollWaits = new ArrayList<>();
    CliRunner.Result apply =
        CliRunner.against(sandbox)
            .sleeper(
                d -> {
                  if (!d.equals(Duration.ofSeconds(7))) {
                    return;
                  }
                  pollWaits.add(d);
                  // Apple's side moves on while the client waits: processing ends, then beta review
                  // approves
                  if (pollWaits.size() == 1) {
                    sandbox.admin().setProcessingState(build, "VALID");
                  } else if (pollWaits.size() == 2) {
                    sandbox.admin().setReviewState(build, "APPROVED");
                  }
                })
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--auto-approve",
                "--wait",
                "--poll-interval",
                "7s");

    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(pollWaits).as("one wait for processing, one for review").hasSize(2);
    assertThat(apply.out())
        .contains(
            "Waiting (--wait, up to 30 min 00 s) for 1 build that App Store Connect does not take yet:\n"
                + "  com.example.weather build 2.3 (46): it is processing, not processed")
        .contains("still waiting after")
        .contains("2.3 (46) processing (next check in 7 s)")
        .contains("submit build 2.3 (46) for beta review")
        .contains("  com.example.weather build 2.3 (46): it has not passed beta review\n")
        .contains("2.3 (46) processed, beta review waiting for review (next check in 7 s)")
        .contains("No build is left to wait for.");
    assertThat(apply.out().split("A build moved on", -1)).as("two more rounds").hasSize(3);
    assertThat(groupBuilds("Friends & Family")).contains(build);

    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.err()).doesNotContain("warning");
  }

  @Test
  void withoutAChangeBeforeTheTimeoutItAppliesWhatItCanAndExitsOne() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, FILE);
    List<Duration> waits = new ArrayList<>();
    long before = sandbox.totalRequests();
    // a real, short wait: the client's clock must pass the timeout
    CliRunner.Result apply =
        CliRunner.against(sandbox)
            .sleeper(
                d -> {
                  waits.add(d);
                  Thread.sleep(d.toMillis());
                })
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--auto-approve",
                "--wait",
                "--wait-timeout",
                "2s",
                "--poll-interval",
                "1s");
    assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(apply.out())
        .contains(
            "error: --wait gave up after 2 s: 1 build still not taken (2.3 (46)). What could be"
                + " applied was; run apply --wait again to finish.");
    assertThat(waits)
        .as("1s, then what is left of the 2s")
        .startsWith(Duration.ofSeconds(1))
        .hasSizeLessThanOrEqualTo(3);
    assertThat(sandbox.totalRequests() - before)
        .as("reads, writes and a handful of polls")
        .isLessThan(40);

    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as("what could be applied was: " + again.all()).isZero();
    assertThat(again.err())
        .contains(
            "build 2.3 (46) is not given to group \"Friends & Family\" yet: it is processing");
  }

  @Test
  void theJsonReportListsEveryRoundAndWhatEachCouldNotGiveYet() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, FILE);
    String build = build46();
    List<Duration> pollWaits = new ArrayList<>();
    CliRunner.Result apply =
        CliRunner.against(sandbox)
            .sleeper(
                d -> {
                  if (d.equals(Duration.ofSeconds(7)) && pollWaits.add(d)) {
                    if (pollWaits.size() == 1) {
                      sandbox.admin().setProcessingState(build, "VALID");
                    } else {
                      sandbox.admin().setReviewState(build, "APPROVED");
                    }
                  }
                })
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--auto-approve",
                "--wait",
                "--poll-interval",
                "7s",
                "--format",
                "json");

    assertThat(apply.exit()).as(apply.all()).isZero();
    JsonNode report = ApplyJsonTest.report(apply);
    assertThat(report.path("format_version").asText()).isEqualTo("1.1");
    assertThat(report.path("outcome").asText()).isEqualTo("applied");
    JsonNode wait = report.path("wait");
    assertThat(wait.path("timeout_seconds").asLong()).isEqualTo(1800);
    assertThat(wait.path("pending")).as("nothing left when it ended").isEmpty();
    JsonNode rounds = wait.path("rounds");
    assertThat(rounds).hasSize(3);
    // processing: the build's settings are made, its review and the group's build wait
    assertThat(rounds.path(0).path("pending").path(0).path("build_id").asText()).isEqualTo(build);
    assertThat(rounds.path(0).path("pending").path(0).path("reason").asText())
        .isEqualTo("it is processing, not processed");
    // processed: submitted for review, the group's build waits for the review
    assertThat(rounds.path(1).path("done").findValuesAsText("type")).contains("reviewSubmission");
    assertThat(rounds.path(1).path("pending").path(0).path("reason").asText())
        .isEqualTo("it has not passed beta review");
    // approved: given to the group, and nothing pending
    assertThat(rounds.path(2).path("done").findValuesAsText("address"))
        .anyMatch(a -> a.contains("Friends & Family"));
    assertThat(rounds.path(2).path("pending")).isEmpty();
    assertThat(rounds.path(2).path("verification").path("verified").asBoolean()).isTrue();
    assertThat(report.path("done"))
        .as("the top level is the last round")
        .isEqualTo(rounds.path(2).path("done"));
    assertThat(apply.err())
        .as("what is said for people goes to standard error")
        .contains("No build is left to wait for.");

    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void aTimedOutWaitReportsTheBuildsStillPending() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, FILE);
    CliRunner.Result apply =
        CliRunner.against(sandbox)
            .sleeper(d -> Thread.sleep(d.toMillis()))
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--auto-approve",
                "--wait",
                "--wait-timeout",
                "1s",
                "--poll-interval",
                "1s",
                "--format",
                "json");
    assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.ERROR);
    JsonNode report = ApplyJsonTest.report(apply);
    assertThat(report.path("outcome").asText()).isEqualTo("timed_out");
    assertThat(report.path("wait").path("rounds")).hasSize(1);
    assertThat(report.path("wait").path("waited_seconds").asLong())
        .as("a real wait of the 1 s timeout")
        .isEqualTo(1);
    assertThat(report.path("wait").path("rounds").path(0).path("outcome").asText())
        .isEqualTo("applied");
    assertThat(report.path("wait").path("pending").path(0).path("build").asText())
        .isEqualTo("2.3 (46)");
    assertThat(report.path("problems").path(0).asText())
        .contains("--wait-timeout passed with 1 build(s) still not taken");

    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as("what could be applied was: " + again.all()).isZero();
  }

  @Test
  void aBuildNotListedYetIsWaitedForUntilItIsUploadedProcessedAndApproved() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, FILE.replace("\"46\"", "\"47\""));
    CliRunner.Result without = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(without.exit())
        .as("without --wait a build App Store Connect does not list is an error: " + without.all())
        .isEqualTo(ExitCodes.ERROR);
    List<String> steps = new ArrayList<>();
    String[] uploaded = new String[1];
    CliRunner.Result apply =
        CliRunner.against(sandbox)
            .sleeper(
                d -> {
                  if (!d.equals(Duration.ofSeconds(7))) {
                    return;
                  }
                  // Apple's side: the upload is listed, then processed, then approved
                  switch (steps.size()) {
                    case 0 ->
                        uploaded[0] =
                            sandbox.admin().upload("com.example.weather", "IOS", "2.3", "47");
                    case 1 -> sandbox.admin().setProcessingState(uploaded[0], "VALID");
                    case 2 -> sandbox.admin().setReviewState(uploaded[0], "APPROVED");
                    default -> {}
                  }
                  steps.add("poll " + steps.size());
                })
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--auto-approve",
                "--wait",
                "--poll-interval",
                "7s");

    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(steps).as("listed, processed, approved: three waits").hasSize(3);
    assertThat(apply.err())
        .contains(
            "build 2.3 (47) is not set up yet as its entry under builds: says: App Store Connect"
                + " does not list it yet");
    assertThat(apply.out())
        .contains("  com.example.weather build 2.3 (47): App Store Connect does not list it yet")
        .contains("2.3 (47) not listed yet (next check in 7 s)")
        .contains("2.3 (47) processing (next check in 7 s)")
        .contains("No build is left to wait for.");
    assertThat(groupBuilds("Friends & Family")).contains(uploaded[0]);

    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void waitIsRefusedWithASavedPlan() throws IOException {
    CliRunner.Result saved =
        cli().run(sandbox, "apply", tmp.resolve("plan.json").toString(), "--wait");
    assertThat(saved.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(saved.err()).contains("--wait applies a file (-f) and waits for its builds");
  }
}
