package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.engine.PlanSchemaAssert;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --app} on a two-app file: only the chosen apps are read, planned and applied, and every
 * view says so.
 */
@IntegrationTest
class ScopeTest extends SandboxTest {
  @TempDir Path tmp;
  private String file;

  @BeforeEach
  void twoApps() throws IOException {
    file = TwoApps.write(tmp.resolve("two-apps.yaml")).toString();
  }

  @Test
  void planCoversOnlyTheChosenAppAndSaysItIsPartial() {
    CliRunner.Result text = cli().run(sandbox, "plan", "-f", file, "--app", "com.example.notes");
    assertThat(text.exit()).as(text.all()).isZero();
    assertThat(text.out())
        .startsWith(
            "Partial plan: it covers only com.example.notes (chosen with --app); the file's other apps were not read.")
        .contains("+ group \"Notes Beta\"")
        .doesNotContain("com.example.weather")
        .doesNotContain("bob@example.com");
    assertThat(sandbox.requestCounts()).containsEntry("GET /v1/betaGroups", 1L);

    CliRunner.Result json =
        cli().run(sandbox, "plan", "-f", file, "--app", "com.example.notes", "--format", "json");
    JsonNode doc = PlanSchemaAssert.assertValidPlan(json.out());
    assertThat(doc.path("partial").asBoolean()).isTrue();
    assertThat(doc.path("apps").toString()).isEqualTo("[\"com.example.notes\"]");
    assertThat(doc.path("resource_changes").findValues("app"))
        .allMatch(a -> a.asText().equals("com.example.notes"));
    assertThat(doc.path("fingerprints").fieldNames())
        .toIterable()
        .allMatch(a -> a.startsWith("com.example.notes/"));

    CliRunner.Result md =
        cli()
            .run(sandbox, "plan", "-f", file, "--app", "com.example.notes", "--format", "markdown");
    assertThat(md.out())
        .contains("in com.example.notes (partial plan).")
        .contains("> [!NOTE]\n> Partial plan: it covers only com.example.notes");

    CliRunner.Result both =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file,
                "--app",
                "com.example.notes",
                "--app",
                "com.example.weather",
                "--format",
                "json");
    assertThat(PlanSchemaAssert.assertValidPlan(both.out()).path("partial").asBoolean()).isFalse();
  }

  @Test
  void applyChangesOnlyTheChosenApp() throws IOException {
    CliRunner.Result apply =
        cli().run(sandbox, "apply", "-f", file, "--app", "com.example.notes", "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out()).contains("Partial plan").contains("Verified:");
    assertThat(
            cli()
                .run(
                    sandbox,
                    "plan",
                    "-f",
                    file,
                    "--app",
                    "com.example.notes",
                    "--detailed-exitcode")
                .exit())
        .isZero();
    CliRunner.Result weather = cli().run(sandbox, "plan", "-f", file, "--detailed-exitcode");
    assertThat(weather.exit()).isEqualTo(ExitCodes.CHANGES);
    assertThat(weather.out())
        .contains("app com.example.weather")
        .doesNotContain("app com.example.notes");

    Path saved = tmp.resolve("weather.json");
    assertThat(
            cli()
                .run(
                    sandbox,
                    "plan",
                    "-f",
                    file,
                    "--app",
                    "com.example.weather",
                    "-o",
                    saved.toString())
                .exit())
        .isZero();
    CliRunner.Result applySaved = cli().run(sandbox, "apply", saved.toString());
    assertThat(applySaved.exit()).as(applySaved.all()).isZero();
    assertThat(applySaved.out())
        .contains("Partial plan: it covers only com.example.weather")
        .contains("Verified:");
    assertThat(cli().run(sandbox, "plan", "-f", file, "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void anAppNotInTheFileIsAUsageErrorNamingTheFilesApps() {
    for (String[] command : new String[][] {{"plan"}, {"apply", "--auto-approve"}}) {
      CliRunner.Result r =
          cli()
              .run(
                  sandbox,
                  SavedPlanTest.concat(
                      command, new String[] {"-f", file, "--app", "com.example.wether"}));
      assertThat(r.exit()).as(command[0]).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .contains(
              "error: --app \"com.example.wether\" is not in "
                  + file
                  + ", whose apps are: \"com.example.weather\", \"com.example.notes\"");
    }
    assertThat(sandbox.totalRequests()).isZero();
  }
}
