package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What deleting a group takes with it, end to end: {@code --max-deletes} counts the testers a
 * deleted group leaves in no group (App Store Connect keeps them in the app, in no group, able to
 * test nothing), and deleting a group whose public link is enabled or that testers joined through
 * the link is a warning in every view. The demo seed, with frank (also in Friends &amp; Family) and
 * pat (who joined through the public link) added to Old Beta, whose link is on.
 */
@IntegrationTest
class DeletedGroupTest extends SandboxTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    try (InputStream demo = SandboxOptions.class.getResourceAsStream("/sandbox/demo-seed.json")) {
      ObjectNode seed = (ObjectNode) JSON.readTree(demo);
      for (JsonNode group : seed.path("groups")) {
        if (group.path("name").asText().equals("Old Beta")) {
          ((ArrayNode) group.path("testers")).add("frank@example.com").add("pat@example.com");
        }
      }
      ((ArrayNode) seed.path("testers"))
          .addObject()
          .put("email", "pat@example.com")
          .put("firstName", "Pat")
          .put("lastName", "Lo")
          .put("inviteType", "PUBLIC_LINK")
          .put("state", "INSTALLED");
      Path file = tmp.resolve("seed.json");
      JSON.writeValue(file.toFile(), seed);
      return super.options().withSeedFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file owns all groups and lists all but Old Beta, so --prune deletes Old Beta. */
  private Path withoutOldBeta() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            manage: { groups: all }
            groups:
              - { name: QA, internal: true, testers: [alice@example.com] }
              - { name: Friends & Family, testers: [carol@example.com, frank@example.com] }
        """);
    return file;
  }

  private static final String WARNING =
      "group \"Old Beta\" of com.example.weather is deleted: its public link, which is"
          + " enabled, stops working for everyone who has it, and the 1 tester(s) who joined through the link are left in no"
          + " group";

  @Test
  void maxDeletesCountsTheTestersADeletedGroupLeavesInNoGroup() throws IOException {
    Path file = withoutOldBeta();
    CliRunner.Result refused =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--prune",
                "--auto-approve",
                "--max-deletes",
                "2");
    assertThat(refused.exit())
        .as("before, the group counted one and the apply went ahead: " + refused.all())
        .isEqualTo(ExitCodes.ERROR);
    assertThat(refused.err())
        .as("grace and pat are left in no group; frank stays in Friends & Family")
        .contains(
            "this plan would delete 3 objects (1 group deleted, 2 testers left in no group by deleted groups), more"
                + " than --max-deletes 2 allows; if that is intended, run again with --max-deletes 3");
    assertThat(writes()).isZero();

    CliRunner.Result applied =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--prune",
                "--auto-approve",
                "--max-deletes",
                "3");
    assertThat(applied.exit()).as(applied.all()).isZero();
    assertThat(sandbox.requestCounts()).containsEntry("DELETE /v1/betaGroups/{id}", 1L);
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void deletingAGroupWithItsPublicLinkAndJoinersIsAWarningInEveryView() throws IOException {
    Path file = withoutOldBeta();
    CliRunner.Result text =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--max-deletes", "3");
    assertThat(text.exit()).as(text.all()).isZero();
    assertThat(text.err())
        .contains(
            "warning: "
                + WARNING
                + " (add the group to the file (with protect: true if its link"
                + " has been shared) to keep it)");

    CliRunner.Result md =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--format", "markdown");
    assertThat(md.out()).contains("**Warnings**").contains(WARNING);

    CliRunner.Result json =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--format", "json");
    JsonNode warning = JSON.readTree(json.out()).path("diagnostics").path(0);
    assertThat(warning.path("severity").asText()).isEqualTo("warning");
    assertThat(warning.path("summary").asText()).isEqualTo(WARNING);

    CliRunner.Result withoutPrune = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(withoutPrune.all())
        .as("nothing is deleted without --prune")
        .doesNotContain("warning:");
    assertThat(writes()).isZero();
  }
}
