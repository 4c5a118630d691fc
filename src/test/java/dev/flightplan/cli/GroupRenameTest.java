package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.Resource;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renames keep the group, end to end against the sandbox: {@code renamedFrom} is one PATCH of the
 * name that keeps the group's id, public link, testers and builds (and the next plan is empty); App
 * Store Connect holding both names is an error with nothing sent, holding neither creates the group
 * with a warning; and a plan that creates a group looking like one it deletes says so in every
 * view, with the key to add.
 */
@IntegrationTest
class GroupRenameTest extends SandboxTest {
  private static final String WEATHER = "1000000001";
  private static final String OTHERS =
      "    manage: { groups: all }\n    groups:\n      - { name: QA, internal: true }\n"
          + "      - { name: Friends & Family }\n";
  private static final String LIKE_OLD_BETA =
      "      - name: Public Beta\n        feedback: true\n"
          + "        publicLink: { enabled: true, limit: 100 }\n        testers: [grace@example.com]\n"
          + "        builds: [{ version: \"2.3\", number: \"44\" }]\n";

  @TempDir Path tmp;

  private Path file(String yaml) throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, "version: 1\napps:\n  - bundleId: com.example.weather\n" + yaml);
    return file;
  }

  @Test
  void renamedFromIsOnePatchThatKeepsIdPublicLinkTestersAndBuilds() throws IOException {
    Resource before = group("Old Beta");
    List<String> buildsBefore = linked(before.id(), "builds");
    Path file =
        file(
            OTHERS
                + "      - name: Public Beta\n        renamedFrom: Old Beta\n        feedback: true\n"
                + "        testers: [grace@example.com]\n");

    Path saved = tmp.resolve("plan.json");
    CliRunner.Result plan =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--prune",
                "-o",
                saved.toString(),
                "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out())
        .contains(
            "# group \"Public Beta\" will be updated in place: renamed from \"Old Beta\" (renamedFrom): the same"
                + " group, keeping its id, public link, testers and builds")
        .contains("~ name = \"Old Beta\" -> \"Public Beta\"")
        .doesNotContain("- group")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    assertThat(plan.err()).doesNotContain("warning");

    long writes = writes();
    CliRunner.Result apply = cli().run(sandbox, "apply", saved.toString());
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(writes() - writes).as("one request changes anything").isEqualTo(1);
    assertThat(sandbox.requestCounts()).containsEntry("PATCH /v1/betaGroups/{id}", 1L);
    Resource after = group("Public Beta");
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.string("publicLink")).isNotNull().isEqualTo(before.string("publicLink"));
    assertThat(after.integer("publicLinkLimit")).isEqualTo(100);
    assertThat(linked(after.id(), "builds")).isNotEmpty().isEqualTo(buildsBefore);
    assertThat(linked(after.id(), "betaTesters")).hasSize(1);

    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(again.exit())
        .as("renamedFrom may stay once the rename is done: " + again.all())
        .isZero();
    assertThat(again.err()).isEmpty();
  }

  @Test
  void bothNamesInAppStoreConnectIsAnErrorAndNothingIsSent() throws IOException {
    try (AscClient client = sandboxClient()) {
      client.post(
          "/v1/betaGroups",
          new ObjectMapper()
              .readTree(
                  "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":"
                      + "\"public beta\"},\"relationships\":{\"app\":{\"data\":{\"type\":\"apps\",\"id\":\""
                      + WEATHER
                      + "\"}}}}}"));
    }
    long writes = writes();
    Path file = file(OTHERS + "      - { name: Public Beta, renamedFrom: Old Beta }\n");

    for (String[] command : new String[][] {{"plan"}, {"apply", "--auto-approve"}}) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(List.of("-f", file.toString(), "--prune"));
      CliRunner.Result run = cli().run(sandbox, args.toArray(String[]::new));
      assertThat(run.exit()).as(run.all()).isEqualTo(ExitCodes.ERROR);
      assertThat(run.err())
          .contains(
              file
                  + ":8:9: error: group \"Public Beta\" is renamed from \"Old Beta\", but App Store"
                  + " Connect has both: \"public beta\" (")
          .containsPattern(
              "\\) and \"Old Beta\" \\(\\S+\\) \\(flightplan cannot tell which one the file means")
          .contains("If the rename is done, remove renamedFrom");
    }
    assertThat(writes()).as("nothing is renamed, created or deleted").isEqualTo(writes);
  }

  @Test
  void neitherNameInAppStoreConnectCreatesTheGroupWithAWarning() throws IOException {
    Path file =
        file(
            "    groups:\n      - { name: Insiders, renamedFrom: Early Access, testers: [carol@example.com] }\n");

    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.err())
        .contains(
            file
                + ":5:9: warning: group \"Insiders\" is renamed from \"Early Access\", but App"
                + " Store Connect has no group of either name: \"Insiders\" is created as a new group");
    assertThat(plan.out()).contains("+ group \"Insiders\"");

    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.err()).isEmpty();
  }

  @Test
  void aCreateThatLooksLikeADeletedGroupWarnsInEveryViewWithTheKeyToAdd() throws IOException {
    Path file = file(OTHERS + LIKE_OLD_BETA);
    String summary =
        "warning: group \"Public Beta\" is created, and looks like a rename of group \"Old Beta\" (the"
            + " same 1 tester(s) and the same settings), ";
    String key = "add `renamedFrom: \"Old Beta\"` under the group \"Public Beta\"";

    CliRunner.Result text = cli().run(sandbox, "plan", "-f", file.toString(), "--prune");
    assertThat(text.exit()).as(text.all()).isZero();
    assertThat(text.out()).contains("+ group \"Public Beta\"").contains("- group \"Old Beta\"");
    assertThat(text.err())
        .contains(file + ":8:9: " + summary + "which this plan deletes (if it is one, " + key);

    CliRunner.Result markdown =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--format", "markdown");
    assertThat(markdown.exit()).as(markdown.all()).isZero();
    assertThat(markdown.out())
        .contains("looks like a rename of group \"Old Beta\"")
        .contains("renamedFrom: \"Old Beta\"");

    CliRunner.Result json = cli().run(sandbox, "plan", "-f", file.toString(), "--format", "json");
    assertThat(json.exit()).as(json.all()).isZero();
    List<JsonNode> warnings = new ArrayList<>();
    new ObjectMapper().readTree(json.out()).path("diagnostics").forEach(warnings::add);
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path("severity").asText()).isEqualTo("warning");
              assertThat(w.path("summary").asText()).endsWith("which apply --prune would delete");
              assertThat(w.path("detail").asText()).contains(key);
              assertThat(w.path("range").path("start").path("line").asInt()).isEqualTo(8);
            });

    // the file lists only its groups: the old group stays, and the same testers alone still look
    // like a rename
    Path listed = file("    groups:\n      - { name: Insiders, testers: [grace@example.com] }\n");
    CliRunner.Result stays = cli().run(sandbox, "plan", "-f", listed.toString());
    assertThat(stays.err())
        .contains(
            "looks like a rename of group \"Old Beta\" (the same 1 tester(s)), which the file does not"
                + " list (it stays)");

    // with the key, the same file renames the group, and converges
    file(
        OTHERS
            + LIKE_OLD_BETA.replace(
                "feedback: true\n", "feedback: true\n        renamedFrom: \"Old Beta\"\n"));
    CliRunner.Result renamed = cli().run(sandbox, "plan", "-f", file.toString(), "--prune");
    assertThat(renamed.err()).isEmpty();
    assertThat(renamed.out()).contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    CliRunner.Result apply =
        cli().run(sandbox, "apply", "-f", file.toString(), "--prune", "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(sandbox.requestCounts())
        .doesNotContainKeys("POST /v1/betaGroups", "DELETE /v1/betaGroups/{id}");
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  private Resource group(String name) {
    try (AscClient client = sandboxClient()) {
      return client.get("/v1/apps/" + WEATHER + "/betaGroups?limit=200").data().stream()
          .filter(r -> name.equals(r.string("name")))
          .findFirst()
          .orElseThrow();
    }
  }

  /** The ids a group's relationship lists. */
  private List<String> linked(String groupId, String relationship) {
    try (AscClient client = sandboxClient()) {
      return client
          .getAll("/v1/betaGroups/" + groupId + "/relationships/" + relationship + "?limit=200")
          .stream()
          .flatMap(d -> d.data().stream())
          .map(Resource::id)
          .sorted()
          .toList();
    }
  }
}
