package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.sandbox.Exchange;
import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inactive-tester policy against the sandbox, over weeks of a clock the sandbox and the client
 * share. The demo seed's activity (its {@code usage}, dated by days before the seed was loaded):
 * carol had sessions 1 and 12 days ago, grace one 40 days ago, frank none; alice is in the internal
 * group QA. The file lists only alice, so carol, frank and grace are the app's testers the policy
 * judges.
 */
@IntegrationTest
class InactiveTestersTest extends SandboxTest {
  private static final String APP = "com.example.weather";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    return super.options().withClock(clock);
  }

  @Override
  protected CliRunner cli() {
    return super.cli().clock(clock);
  }

  private Path file(String policy) throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            inactiveTesters: %s
            groups:
              - name: QA
                internal: true
                testers: [alice@example.com]
        """
            .formatted(policy));
    return file;
  }

  private CliRunner.Result run(String... args) {
    return cli().run(sandbox, args);
  }

  private List<String> testersOfTheApp() {
    List<String> emails = new ArrayList<>();
    JsonNode doc;
    try (var client = sandboxClient(clock)) {
      doc =
          client
              .get(
                  "/v1/betaTesters?filter[apps]="
                      + appId()
                      + "&fields[betaTesters]=email&limit=200")
              .raw();
    }
    doc.path("data").forEach(t -> emails.add(t.path("attributes").path("email").asText()));
    return emails;
  }

  private String appId() {
    try (var client = sandboxClient(clock)) {
      return client.get("/v1/apps?filter[bundleId]=" + APP).data().get(0).id();
    }
  }

  private long metricsReads() {
    return recorder.exchanges().stream()
        .filter(e -> e.path().endsWith("/metrics/betaTesterUsages"))
        .count();
  }

  @Test
  void removesTestersWithoutASessionOnceTheirGraceIsOverAndOnlyWithPrune() throws IOException {
    Path file = file("{ noSessionDays: 30, graceDays: 14 }");
    CliRunner.Result first = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(first.exit()).as(first.all()).isZero();
    assertThat(first.all())
        .contains(
            "2 inactive tester(s) have no date in the invitation log (App Store Connect does not date testers):"
                + " apply records them today, and they can be removed 14 day(s) later if still inactive")
        .contains(
            APP
                + ": tester headroom: 3 of 10,000 external testers (9,997 places left), 1 of 100 internal (99"
                + " left); the inactive-tester policy removes nobody");
    assertThat(metricsReads()).as("one page of usage for the app").isEqualTo(1);
    Exchange read =
        recorder.exchanges().stream()
            .filter(e -> e.path().endsWith("/metrics/betaTesterUsages"))
            .findFirst()
            .orElseThrow();
    assertThat(read.rawQuery())
        .contains("groupBy=betaTesters")
        .contains("period=P30D")
        .contains("limit=200");

    CliRunner.Result recorded = run("apply", "-f", file.toString(), "--prune", "--auto-approve");
    assertThat(recorded.exit()).as(recorded.all()).isZero();
    JsonNode log = new ObjectMapper().readTree(invitationLog.toFile()).path("apps").path(APP);
    assertThat(log.size()).as("frank and grace first seen").isEqualTo(2);
    assertThat(Files.readString(invitationLog)).doesNotContain("@");

    clock.advance(Duration.ofDays(15));
    CliRunner.Result preview = run("plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(preview.exit()).as("without --prune nothing changes: " + preview.all()).isZero();
    assertThat(preview.all())
        .contains(
            APP
                + ": --prune would remove 2 inactive tester(s) from the app (no session in 30"
                + " days, known to flightplan for more than 14 days; inactiveTesters)")
        .contains(
            "the inactive-tester policy would free (with --prune) 2 external and 0 internal place(s)");

    CliRunner.Result pruning = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(pruning.exit()).as(pruning.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(pruning.out())
        .contains("- tester \"frank@example.com\"")
        .contains("- tester \"grace@example.com\"")
        .doesNotContain("carol@example.com\"")
        .doesNotContain("alice@example.com\"")
        .contains(
            "no session in 30 days (2026-11-12 to 2026-12-11); 0 sessions, 0 crashes, 0 feedback; first seen by"
                + " flightplan 2026-11-26; inactiveTesters and --prune; removed from this app only, not from the team")
        .contains("the inactive-tester policy frees 2 external and 0 internal place(s)");

    CliRunner.Result guarded =
        run("apply", "-f", file.toString(), "--prune", "--max-deletes", "1", "--auto-approve");
    assertThat(guarded.exit()).as(guarded.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(guarded.all()).contains("2 testers leaving the app");
    assertThat(testersOfTheApp()).contains("frank@example.com", "grace@example.com");

    CliRunner.Result applied =
        run("apply", "-f", file.toString(), "--prune", "--allow-empty-groups", "--auto-approve");
    assertThat(applied.exit()).as(applied.all()).isZero();
    assertThat(testersOfTheApp())
        .containsExactlyInAnyOrder("alice@example.com", "carol@example.com");
    CliRunner.Result again = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(new ObjectMapper().readTree(invitationLog.toFile()).path("apps").path(APP).size())
        .as("the removed testers' sightings are dropped")
        .isZero();
  }

  @Test
  void keepsListedTestersNamedGroupsAndActiveOnes() throws IOException {
    Path file = file("{ noSessionDays: 30, graceDays: 0, keep: [FRANK@example.com] }");
    CliRunner.Result plan = run("plan", "-f", file.toString(), "--prune");
    assertThat(plan.out())
        .contains("- tester \"grace@example.com\"")
        .doesNotContain("frank@example.com\"")
        .contains("graceDays is 0 (App Store Connect does not date testers)");

    file = file("{ noSessionDays: 30, graceDays: 0, keepGroups: [old beta] }");
    plan = run("plan", "-f", file.toString(), "--prune");
    assertThat(plan.out())
        .contains("- tester \"frank@example.com\"")
        .doesNotContain("grace@example.com\"");

    // carol had a session yesterday; alice had none, but the file lists her
    file = file("{ noSessionDays: 7, graceDays: 0, keepInternal: false }");
    plan = run("plan", "-f", file.toString(), "--prune");
    assertThat(plan.out())
        .contains("- tester \"frank@example.com\"")
        .contains("- tester \"grace@example.com\"")
        .doesNotContain("alice@example.com\"")
        .doesNotContain("carol@example.com\"")
        .contains("no session in 7 days (2026-11-20 to 2026-11-26)");
    // grace is Old Beta's only member: apply would refuse to empty it unless told
    assertThat(plan.all())
        .contains("frees 2 external and 0 internal place(s)")
        .contains("would empty group \"Old Beta\"");
  }

  @Test
  void aSavedPlanIsStaleWhenATesterItRemovesHasHadASessionSince() throws IOException {
    Path file = file("{ noSessionDays: 30, graceDays: 0 }");
    Path plan = tmp.resolve("plan.json");
    CliRunner.Result saved = run("plan", "-f", file.toString(), "--prune", "-o", plan.toString());
    assertThat(saved.exit()).as(saved.all()).isZero();
    JsonNode json = new ObjectMapper().readTree(plan.toFile());
    assertThat(json.path("reads").path("apps").path(APP).path("usage_period").asText())
        .isEqualTo("P30D");
    List<String> usage = new ArrayList<>();
    json.path("fingerprints")
        .fieldNames()
        .forEachRemaining(
            a -> {
              if (a.contains("/activity[")) {
                usage.add(a);
              }
            });
    assertThat(usage).as("the usage of the two testers it removes, not carol's").hasSize(2);

    // someone else's session changes nothing the plan relies on
    sandbox.admin().recordSessions(APP, "carol@example.com", 3);
    CliRunner.Result fresh =
        run("plan", "-f", file.toString(), "--prune", "-o", tmp.resolve("again.json").toString());
    assertThat(fresh.exit()).isZero();
    sandbox.admin().recordSessions(APP, "frank@example.com", 1);
    CliRunner.Result stale = run("apply", plan.toString(), "--allow-empty-groups");
    assertThat(stale.exit()).as(stale.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(stale.all()).contains("activity[");
    assertThat(testersOfTheApp()).contains("frank@example.com", "grace@example.com");

    CliRunner.Result applied =
        run("apply", tmp.resolve("again.json").toString(), "--allow-empty-groups");
    assertThat(applied.exit()).as(applied.all()).isEqualTo(ExitCodes.ERROR);
    CliRunner.Result direct =
        run("apply", "-f", file.toString(), "--prune", "--allow-empty-groups", "--auto-approve");
    assertThat(direct.exit()).as(direct.all()).isZero();
    assertThat(testersOfTheApp())
        .containsExactlyInAnyOrder("alice@example.com", "carol@example.com", "frank@example.com");
    assertThat(run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode").exit())
        .isZero();
  }

  /**
   * Apple does not say whether its usage per tester lists a tester who did nothing, with zeros, or
   * leaves him out. Left out, he is inactive all the same, and a saved plan removing him is stale
   * once he has had a session, as it is when he is listed.
   */
  @Test
  void aTesterTheUsageLeavesOutIsInactiveAndHisFirstSessionMakesASavedPlanStale()
      throws IOException {
    sandbox.admin().usageLeavesOutIdleTesters(true);
    Path file = file("{ noSessionDays: 30, graceDays: 0 }");
    Path plan = tmp.resolve("plan.json");
    CliRunner.Result saved = run("plan", "-f", file.toString(), "--prune", "-o", plan.toString());
    assertThat(saved.exit()).as(saved.all()).isZero();
    assertThat(saved.all()).contains("frank@example.com").contains("grace@example.com");
    List<String> usage = new ArrayList<>();
    new ObjectMapper()
        .readTree(plan.toFile())
        .path("fingerprints")
        .fieldNames()
        .forEachRemaining(
            a -> {
              if (a.contains("/activity[")) {
                usage.add(a);
              }
            });
    assertThat(usage).as("the two testers it removes, though no usage item names them").hasSize(2);

    sandbox.admin().recordSessions(APP, "frank@example.com", 1);
    CliRunner.Result stale = run("apply", plan.toString(), "--allow-empty-groups");
    assertThat(stale.exit()).as(stale.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(stale.all()).contains("activity[");
    assertThat(testersOfTheApp()).contains("frank@example.com", "grace@example.com");

    CliRunner.Result direct =
        run("apply", "-f", file.toString(), "--prune", "--allow-empty-groups", "--auto-approve");
    assertThat(direct.exit()).as(direct.all()).isZero();
    assertThat(testersOfTheApp())
        .containsExactlyInAnyOrder("alice@example.com", "carol@example.com", "frank@example.com");
    assertThat(run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode").exit())
        .isZero();
  }

  @Test
  void withoutThePolicyNoUsageIsRead() throws IOException {
    Path file = tmp.resolve("plain.yaml");
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            groups:
              - name: QA
                internal: true
                testers: [alice@example.com]
        """);
    CliRunner.Result plan = run("plan", "-f", file.toString(), "--prune");
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(metricsReads()).isZero();
    assertThat(plan.all()).doesNotContain("headroom");
  }
}
