package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group's own inactive-tester policy against the sandbox. The demo seed's group "Friends &
 * Family" holds carol (sessions 1 and 12 days ago) and frank (none): with the group's policy, frank
 * leaves the group, not the app.
 */
@IntegrationTest
class GroupInactiveTestersTest extends SandboxTest {
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

  private Path file(String groupKeys) throws IOException {
    return file("Friends & Family", groupKeys);
  }

  private Path file(String group, String groupKeys) throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            groups:
              - name: %s
        %s
        """
            .formatted(group, groupKeys.indent(8).stripTrailing()));
    return file;
  }

  private CliRunner.Result run(String... args) {
    return cli().run(sandbox, args);
  }

  private List<String> emails(String path) {
    List<String> emails = new ArrayList<>();
    try (var client = sandboxClient(clock)) {
      JsonNode doc = client.get(path).raw();
      doc.path("data").forEach(t -> emails.add(t.path("attributes").path("email").asText()));
    }
    return emails;
  }

  private String testerId(String email) {
    try (var client = sandboxClient(clock)) {
      return client.get("/v1/betaTesters?filter[email]=" + email + "&limit=200").data().get(0).id();
    }
  }

  private String appId() {
    try (var client = sandboxClient(clock)) {
      return client.get("/v1/apps?filter[bundleId]=" + APP).data().get(0).id();
    }
  }

  private String groupId(String name) {
    try (var client = sandboxClient(clock)) {
      return client.get("/v1/apps/" + appId() + "/betaGroups?limit=200").data().stream()
          .filter(g -> g.string("name").equals(name))
          .findFirst()
          .orElseThrow()
          .id();
    }
  }

  private List<String> membersOfFriends() {
    return emails("/v1/betaGroups/" + groupId("Friends & Family") + "/betaTesters?limit=200");
  }

  private List<String> memberIds(String group) {
    try (var client = sandboxClient(clock)) {
      return client
          .get("/v1/betaGroups/" + groupId(group) + "/betaTesters?limit=200")
          .data()
          .stream()
          .map(t -> t.id())
          .toList();
    }
  }

  private long metricsReads() {
    return recorder.exchanges().stream()
        .filter(e -> e.path().endsWith("/metrics/betaTesterUsages"))
        .count();
  }

  @Test
  void removesInactiveMembersFromTheGroupOnlyWithPruneAndPlansAgainToNothing() throws IOException {
    Path file = file("inactiveTesters: { noSessionDays: 30, graceDays: 0 }");

    CliRunner.Result preview = run("plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(preview.exit()).as("without --prune nothing changes: " + preview.all()).isZero();
    assertThat(preview.all())
        .contains(
            "com.example.weather/group[\"Friends & Family\"]: --prune would remove 1 inactive tester(s) from the group"
                + " (no session in 30 days; the group's inactiveTesters)");
    assertThat(metricsReads()).as("one read of the app's usage").isEqualTo(1);

    CliRunner.Result pruning = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(pruning.exit()).as(pruning.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(pruning.out())
        .contains("frank@example.com: no session in 30 days (")
        .contains(
            "0 sessions, 0 crashes, 0 feedback; graceDays is 0 (App Store Connect does not date"
                + " testers). The group's inactiveTesters and --prune; removed from this group only,"
                + " not from the app")
        .doesNotContain("carol@example.com:")
        .doesNotContain("- tester \"frank@example.com\"");

    CliRunner.Result guarded =
        run("apply", "-f", file.toString(), "--prune", "--max-deletes", "0", "--auto-approve");
    assertThat(guarded.exit()).as(guarded.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(guarded.all()).contains("1 tester removed from groups");
    assertThat(membersOfFriends()).contains("frank@example.com");

    Path saved = tmp.resolve("plan.json");
    assertThat(run("plan", "-f", file.toString(), "--prune", "-o", saved.toString()).exit())
        .isZero();
    sandbox.admin().recordSessions(APP, "frank@example.com", 1);
    CliRunner.Result stale = run("apply", saved.toString());
    assertThat(stale.exit())
        .as("frank has tested since: " + stale.all())
        .isEqualTo(ExitCodes.ERROR);
    assertThat(stale.all()).contains("activity[\"" + testerId("frank@example.com") + "\"]");
    assertThat(membersOfFriends()).contains("frank@example.com");
    CliRunner.Result active = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(active.exit()).as("frank is active now: " + active.all()).isZero();
  }

  /**
   * A public link joiner App Store Connect knows no email of: the saved plan relies on his usage by
   * his id, so his first session makes it stale.
   */
  @Test
  void aSavedPlanRemovingAJoinerWithoutEmailIsStaleOnceHeHasTested() throws IOException {
    String joiner = sandbox.admin().joinThroughPublicLink(APP, "Old Beta", null, null, null);
    Path file =
        file(
            "Old Beta",
            "inactiveTesters: { noSessionDays: 30, graceDays: 0, keep: [grace@example.com] }");
    Path saved = tmp.resolve("plan.json");
    CliRunner.Result planned =
        run("plan", "-f", file.toString(), "--prune", "-o", saved.toString());
    assertThat(planned.exit()).as(planned.all()).isZero();
    assertThat(planned.out()).contains("(tester " + joiner + "): no session in 30 days");

    sandbox.admin().recordSessionsOfId(APP, joiner, 1);
    CliRunner.Result stale = run("apply", saved.toString());
    assertThat(stale.exit()).as("he has tested since: " + stale.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(stale.all()).contains("activity[\"" + joiner + "\"]");
    assertThat(memberIds("Old Beta")).contains(joiner);
    CliRunner.Result again = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(again.exit()).as("he is active now: " + again.all()).isZero();
  }

  @Test
  void appliesAndPlansAgainToNothing() throws IOException {
    Path file = file("inactiveTesters: { noSessionDays: 30, graceDays: 0 }");
    CliRunner.Result applied = run("apply", "-f", file.toString(), "--prune", "--auto-approve");
    assertThat(applied.exit()).as(applied.all()).isZero();
    assertThat(membersOfFriends()).containsExactly("carol@example.com");
    assertThat(emails("/v1/betaTesters?filter[apps]=" + appId() + "&limit=200"))
        .as("frank stays in the app")
        .contains("frank@example.com");
    CliRunner.Result again = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void keepsTestersTheGroupListsOrKeeps() throws IOException {
    for (String keys :
        List.of(
            "testers: [frank@example.com]\ninactiveTesters: { noSessionDays: 30, graceDays: 0 }",
            "inactiveTesters: { noSessionDays: 30, graceDays: 0, keep: [Frank@Example.com] }")) {
      Path file = file(keys);
      CliRunner.Result plan = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
      assertThat(plan.exit()).as(plan.all()).isZero();
      assertThat(plan.all()).doesNotContain("inactive tester(s)");
    }
  }

  @Test
  void aGraceCountsFromTheFirstSighting() throws IOException {
    Path file = file("inactiveTesters: { noSessionDays: 30 }");
    CliRunner.Result plan = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.all())
        .contains(
            "com.example.weather/group[\"Friends & Family\"]: 1 inactive member(s) are within their 30 days of grace,"
                + " or first seen by this plan");
  }
}
