package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.Resource;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group names as App Store Connect compares them, end to end against the sandbox: a name that
 * differs from the live one only by case or Unicode normalisation is that group, renamed by one
 * PATCH (its id, public link and testers kept), never a second group; testers may name it in any
 * case; and two names of the file that App Store Connect would take for one, or a name over the
 * length limit, are errors before any request.
 */
@IntegrationTest
class GroupNamesTest extends SandboxTest {
  private static final String WEATHER = "1000000001";

  @TempDir Path tmp;

  private Path file(String yaml) throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, "version: 1\napps:\n  - bundleId: com.example.weather\n" + yaml);
    return file;
  }

  /** The app's live groups: name → id, read through the API. */
  private Map<String, Resource> groups() {
    try (AscClient client = sandboxClient()) {
      Map<String, Resource> byName = new TreeMap<>();
      client
          .get("/v1/apps/" + WEATHER + "/betaGroups?limit=200")
          .data()
          .forEach(r -> byName.put(r.string("name"), r));
      return byName;
    }
  }

  @Test
  void aNameInAnotherCaseIsTheLiveGroupRenamedByOnePatchKeepingItsIdLinkAndTesters()
      throws IOException {
    Resource before = groups().get("Old Beta");
    Path file =
        file(
            """
            manage: { groups: all }
            groups:
              - { name: QA, internal: true }
              - { name: Friends & Family }
              - { name: old beta, testers: [grace@example.com] }
            testers:
              - { email: carol@example.com, groups: [OLD BETA] }
        """);

    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out())
        .contains("~ group \"old beta\"")
        .contains("~ name    = \"Old Beta\" -> \"old beta\"")
        .contains("App Store Connect writes the name \"Old Beta\", which differs only by case")
        .contains("+ \"carol@example.com\"")
        .doesNotContain("+ group")
        .doesNotContain("- group")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");

    CliRunner.Result apply =
        cli().run(sandbox, "apply", "-f", file.toString(), "--prune", "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(sandbox.requestCounts())
        .containsEntry("PATCH /v1/betaGroups/{id}", 1L)
        .doesNotContainKeys("POST /v1/betaGroups", "DELETE /v1/betaGroups/{id}");
    Map<String, Resource> after = groups();
    assertThat(after).containsOnlyKeys("QA", "Friends & Family", "old beta");
    Resource renamed = after.get("old beta");
    assertThat(renamed.id()).isEqualTo(before.id());
    assertThat(renamed.string("publicLink")).isNotNull().isEqualTo(before.string("publicLink"));
    assertThat(members(renamed.id())).containsExactly("carol@example.com", "grace@example.com");

    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void theGuardAgainstEmptyingAGroupFollowsItUnderItsNewSpelling() throws IOException {
    Path file =
        file(
            "    manage: { testers: exclusive }\n    groups:\n      - { name: OLD BETA, testers: [] }\n");
    CliRunner.Result refused = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(refused.exit()).as(refused.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(refused.err())
        .contains(
            "this plan would empty group \"Old Beta\" of com.example.weather (its 1 member(s)"
                + " would be removed and none added)");
    assertThat(writes()).isZero();
  }

  @Test
  void aNameInAnotherUnicodeFormIsTheLiveGroupAndTakesTheFilesBytes() throws IOException {
    String composed = "Caf\u00e9 Testers";
    String decomposed = "Cafe\u0301 Testers";
    try (AscClient client = sandboxClient()) {
      client.post(
          "/v1/betaGroups",
          new ObjectMapper()
              .readTree(
                  "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\""
                      + composed
                      + "\"},\"relationships\":{\"app\":{\"data\":{\"type\":\"apps\",\"id\":\""
                      + WEATHER
                      + "\"}}}}}"));
    }
    String id = groups().get(composed).id();
    Path file =
        file("    groups:\n      - name: \"Cafe\\u0301 Testers\"\n        feedback: true\n");

    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out())
        .contains("~ group \"" + decomposed + "\"")
        .contains(
            "which differs only by Unicode normalisation (the same name to App Store Connect)")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");

    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(sandbox.requestCounts())
        .containsEntry("PATCH /v1/betaGroups/{id}", 1L)
        .as("only the test's own create")
        .containsEntry("POST /v1/betaGroups", 1L);
    Resource live =
        groups().values().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    assertThat(live.string("name"))
        .as("the name as the file writes it, byte for byte")
        .isEqualTo(decomposed);
    assertThat(live.bool("feedbackEnabled")).isTrue();
    assertThat(groups()).hasSize(4);

    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void namesAppStoreConnectTakesForOneAndNamesOverTheLimitAreErrorsBeforeAnyRequest()
      throws IOException {
    String tooLong = "x".repeat(101);
    Path file =
        file(
            "    groups:\n      - name: \"Caf\\u00e9\"\n      - name: \"Cafe\\u0301\"\n      - name: "
                + tooLong
                + "\n");

    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(plan.err())
        .contains(
            file
                + ":6:15: error: group \"Cafe\u0301\" differs from group \"Caf\u00e9\" only by Unicode normalisation"
                + " (App Store Connect sees them as the same name and holds one group of a name; \"Caf\u00e9\" is at line 5:"
                + " give one of them another name, or merge the two)")
        .contains(file + ":7:15: error: \"name\" must be at most 100 characters long; it has 101");
    assertThat(sandbox.requestCounts()).as("nothing is asked of App Store Connect").isEmpty();
  }

  private List<String> members(String groupId) {
    try (AscClient client = sandboxClient()) {
      return client.getAll("/v1/betaGroups/" + groupId + "/betaTesters?limit=200").stream()
          .flatMap(d -> d.data().stream())
          .map(r -> r.string("email"))
          .sorted()
          .toList();
    }
  }
}
