package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group created by hand in App Store Connect is drift for the nightly check, as
 * flightplan-drift.yml ships it, when the file owns all groups ({@code manage.groups: all}, as
 * {@code pull} writes it), and no drift when the file owns only the groups it lists; a plain {@code
 * plan} without {@code --prune} shows it as a note. README and docs/ci.md say the same.
 */
@IntegrationTest
class HandMadeGroupDriftTest extends SandboxTest {
  private static final Path DRIFT = Path.of("examples/github/workflows/flightplan-drift.yml");

  @TempDir Path tmp;

  private static List<String> nightlyCheck() throws IOException {
    List<WorkflowCommandsTest.Invocation> found = WorkflowCommandsTest.invocations(List.of(DRIFT));
    assertThat(found).hasSize(1);
    return found.get(0).args();
  }

  private void createGroupByHand(String name) {
    try (AscClient client = sandboxClient()) {
      client.post(
          "/v1/betaGroups",
          JsonApi.create(
              "betaGroups",
              Map.of("name", name),
              Map.of("app", new Linkage("apps", "1000000001"))));
    }
  }

  @Test
  void aGroupCreatedByHandIsDriftWhenTheFileOwnsAllGroups() throws IOException {
    DocWorkspace workspace =
        new DocWorkspace(
            tmp, sandbox, Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", tmp.toString()));
    Path file = tmp.resolve("testflight/testflight.yaml");
    CliRunner.Result pull =
        workspace.run(
            List.of("pull", "--app", "com.example.weather", "-o", "testflight/testflight.yaml"),
            null);
    assertThat(pull.exit()).as(pull.all()).isZero();
    assertThat(Files.readString(file)).contains("groups: all");
    List<String> check = nightlyCheck();
    CliRunner.Result clean = workspace.run(check, null);
    assertThat(clean.exit()).as("right after a pull: " + clean.all()).isEqualTo(ExitCodes.OK);

    createGroupByHand("Hand Made");
    CliRunner.Result drift = workspace.run(check, null);
    assertThat(drift.exit())
        .as("before, the nightly check planned without --prune and exited 0: " + drift.all())
        .isEqualTo(ExitCodes.CHANGES);
    assertThat(drift.out()).contains("Hand Made").contains("0 to add, 0 to change, 1 to destroy");

    CliRunner.Result plain =
        workspace.run(
            List.of("plan", "-f", "testflight/testflight.yaml", "--detailed-exitcode"), null);
    assertThat(plain.exit())
        .as("a plan without --prune changes nothing: " + plain.all())
        .isEqualTo(ExitCodes.OK);
    assertThat(plain.out())
        .contains("1 group(s) not in the file would be deleted with --prune: \"Hand Made\"");

    Files.writeString(file, Files.readString(file).replace("groups: all", "groups: listed"));
    CliRunner.Result listed = workspace.run(check, null);
    assertThat(listed.exit())
        .as("a file that owns only its groups: " + listed.all())
        .isEqualTo(ExitCodes.OK);

    Files.writeString(file, Files.readString(file).replace("groups: listed", "groups: all"));
    CliRunner.Result prune =
        workspace.run(
            List.of("apply", "-f", "testflight/testflight.yaml", "--prune", "--auto-approve"),
            null);
    assertThat(prune.exit()).as(prune.all()).isZero();
    assertThat(sandbox.requestCounts()).containsEntry("DELETE /v1/betaGroups/{id}", 1L);
    assertThat(workspace.run(check, null).exit()).isEqualTo(ExitCodes.OK);
  }
}
