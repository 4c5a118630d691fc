package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A comma in user text (a group named "QA, nightly", a tester's first name) reaches App Store
 * Connect byte for byte, end to end against the sandbox: a filter on that name is one value, not
 * two ("QA" is a group of its own), so the create whose answer was lost finds the group it made
 * instead of making a second, and planning again has nothing to do.
 */
@IntegrationTest
class CommaInNamesTest extends SandboxTest {
  private static final String WEATHER = "1000000001";
  private static final String GROUP = "QA, nightly";

  @TempDir Path tmp;

  @Test
  void aGroupNamedWithACommaIsFoundByItsWholeNameAndPlanningAgainHasNothingToDo()
      throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            groups:
              - { name: QA, internal: true }
              - { name: "QA, nightly" }
            testers:
              - { email: dora@example.com, firstName: "Dora, Jr.", groups: ["QA, nightly"] }
        """);

    // the group is made, then its answer is lost: apply finds it by its name (a filtered read)
    sandbox.failNext("POST /v1/betaGroups", "5xx-after");
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(sandbox.faultsInjected()).containsEntry("server_error_after", 1L);
    assertThat(sandbox.requestCounts()).containsEntry("POST /v1/betaGroups", 1L);

    List<Resource> named = groupsNamed(GROUP);
    assertThat(named).hasSize(1);
    assertThat(groupsNamed("QA")).hasSize(1);
    try (AscClient client = sandboxClient()) {
      List<Resource> members =
          client.get("/v1/betaGroups/" + named.get(0).id() + "/betaTesters?limit=200").data();
      assertThat(members).extracting(r -> r.string("email")).containsExactly("dora@example.com");
      assertThat(members.get(0).string("firstName")).isEqualTo("Dora, Jr.");
    }

    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  /** The app's groups of exactly this name, read with a filter on it as the client sends one. */
  private List<Resource> groupsNamed(String name) {
    try (AscClient client = sandboxClient()) {
      return client
          .get(
              Query.of("/v1/betaGroups")
                  .param("filter[app]", WEATHER)
                  .param("filter[name]", name)
                  .param("limit", 200)
                  .build())
          .data();
    }
  }
}
