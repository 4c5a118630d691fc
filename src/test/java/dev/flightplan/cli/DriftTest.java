package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.engine.PlanSchemaAssert;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled drift check's contract: {@code plan --detailed-exitcode} exits 0 without changes, 2
 * with changes, 1 on any error (bad file, unknown app, API error), and {@code --format markdown >
 * file} writes a report for an issue (or, on error, the errors) while everything else goes to
 * stderr.
 */
@IntegrationTest
class DriftTest extends SandboxTest {
  private static final String EXAMPLE = "examples/testflight.yaml";

  @TempDir Path tmp;

  @Test
  void exitsTwoWithChangesAndZeroWithout() {
    CliRunner.Result drift =
        cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode", "--format", "markdown");
    assertThat(drift.exit()).as(drift.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(drift.out())
        .startsWith(
            "**flightplan**: 6 to add, 8 to change, 0 to destroy, 1 to send in com.example.weather.\n")
        .contains("<details>")
        .doesNotContain("dave@example.com")
        .contains("d***@example.com");
    assertThat(drift.err()).isEmpty();

    CliRunner.Result json =
        cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode", "--format", "json");
    assertThat(json.exit()).isEqualTo(ExitCodes.CHANGES);
    JsonNode doc = PlanSchemaAssert.assertValidPlan(json.out());
    assertThat(doc.path("summary").path("add").asInt()).isEqualTo(6);

    assertThat(cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve").exit()).isZero();
    CliRunner.Result clean =
        cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode", "--format", "markdown");
    assertThat(clean.exit()).as(clean.all()).isEqualTo(ExitCodes.OK);
    assertThat(clean.out())
        .startsWith(
            "**flightplan**: No changes. App Store Connect matches the file for com.example.weather.");
    PlanSchemaAssert.assertValidPlan(
        cli().run(sandbox, "plan", "-f", EXAMPLE, "--format", "json").out());
  }

  @Test
  void aBadFileExitsOneWithTheErrorsInTheReport() throws IOException {
    Path file = tmp.resolve("typo.yaml");
    Files.writeString(
        file, Files.readString(Path.of(EXAMPLE)).replaceFirst("\n    testers:", "\n    testres:"));
    CliRunner.Result md =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--detailed-exitcode",
                "--format",
                "markdown");
    assertThat(md.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(md.out())
        .startsWith("**flightplan**: the plan failed (1 error).")
        .contains("testres");
    assertThat(md.err()).contains("testres");
    CliRunner.Result json =
        cli()
            .run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode", "--format", "json");
    assertThat(json.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(PlanSchemaAssert.assertValidPlan(json.out()).path("errored").asBoolean()).isTrue();
    CliRunner.Result text =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(text.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(text.out()).isEmpty();
    assertThat(sandbox.totalRequests()).isZero();
  }

  @Test
  void anAppUnknownToAppStoreConnectExitsOne() throws IOException {
    Path file = tmp.resolve("missing.yaml");
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.missing
            groups:
              - name: QA
                testers: [alice@example.com]
        """);
    CliRunner.Result r =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--detailed-exitcode",
                "--format",
                "json",
                "-o",
                tmp.resolve("plan.json").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("app \"com.example.missing\" was not found in App Store Connect");
    JsonNode doc = PlanSchemaAssert.assertValidPlan(r.out());
    assertThat(doc.path("errored").asBoolean()).isTrue();
    assertThat(doc.path("diagnostics").path(0).path("summary").asText())
        .contains("com.example.missing");
    assertThat(tmp.resolve("plan.json")).as("a failed plan is not saved").doesNotExist();
  }

  @Test
  void anApiErrorExitsOneAndTheReportSaysWhy() {
    CliRunner wrongKey = cli().env("ASC_KEY_ID", "WRONGKEY01");
    CliRunner.Result r =
        wrongKey.run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode", "--format", "markdown");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.out())
        .startsWith("**flightplan**: the plan failed (1 error) for com.example.weather.")
        .contains("401");
    assertThat(r.err()).contains("error: ").contains("401");
    assertThat(r.all()).doesNotContain("\tat ").doesNotContain("eyJ");
  }

  @Test
  void theMarkdownReportAndTheSavedPlanComeFromOneRun() throws IOException {
    Path file = tmp.resolve("plan.json");
    CliRunner.Result r =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                EXAMPLE,
                "--format",
                "markdown",
                "-o",
                file.toString(),
                "--detailed-exitcode");
    assertThat(r.exit()).isEqualTo(ExitCodes.CHANGES);
    assertThat(r.out()).startsWith("**flightplan**:").doesNotContain("Saved the plan");
    assertThat(r.err()).contains("Saved the plan to " + file);
    PlanSchemaAssert.assertValidPlan(Files.readString(file));
    assertThat(r.out())
        .doesNotContain("dave@example.com")
        .doesNotContain("\"Ito\"")
        .contains("\"I***\"");
    CliRunner.Result shown =
        cli().run(sandbox, "plan", "-f", EXAMPLE, "--format", "markdown", "--show-personal-data");
    assertThat(shown.out())
        .contains("dave@example.com")
        .contains("\"Ito\"")
        .contains("personal data shown");
    CliRunner.Result alias =
        cli().run(sandbox, "plan", "-f", EXAMPLE, "--format", "markdown", "--show-emails");
    assertThat(alias.out())
        .as("--show-emails, the former name, still works")
        .isEqualTo(shown.out());
  }
}
