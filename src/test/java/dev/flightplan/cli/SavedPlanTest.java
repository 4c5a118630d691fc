package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.engine.PlanSchemaAssert;
import dev.flightplan.sandbox.SandboxTestClient;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved plans against the sandbox: {@code plan -o} then {@code apply PLAN} sends exactly the
 * reviewed calls and verifies; any change to App Store Connect in between makes the plan stale, and
 * apply then changes nothing.
 */
@IntegrationTest
class SavedPlanTest extends SandboxTest {
  private static final String EXAMPLE = "examples/testflight.yaml";

  @TempDir Path tmp;

  private Path plan(String... extra) throws IOException {
    Path file = tmp.resolve("plan.json");
    String[] args = concat(new String[] {"plan", "-f", EXAMPLE, "-o", file.toString()}, extra);
    CliRunner.Result r = cli().run(sandbox, args);
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains(
            "Saved the plan to "
                + file
                + ". To apply exactly these actions, run: flightplan apply --api-url "
                + sandbox.baseUri()
                + " "
                + file);
    PlanSchemaAssert.assertValidPlan(Files.readString(file));
    return file;
  }

  @Test
  void aSavedPlanAppliesExactlyItsCallsAndVerifies() throws IOException {
    Path file = plan();
    JsonNode doc = PlanSchemaAssert.assertValidPlan(Files.readString(file));
    long promised = doc.path("summary").path("api_calls").asLong();
    assertThat(promised).isPositive();
    long before = writes();

    CliRunner.Result apply = cli().run(sandbox, "apply", file.toString());
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out())
        .contains("Applying the saved plan " + file)
        .contains(
            "App Store Connect has not changed since it was planned. Plan: 6 to add, 8 to change, 0 to destroy, 1 to send.")
        .contains("Apply complete!")
        .contains("Verified: App Store Connect now matches the file.");
    assertThat(writes() - before).as("exactly the saved calls").isEqualTo(promised);

    CliRunner.Result again = cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();

    // the same plan again is stale now: applying it changed what it read
    long after = writes();
    CliRunner.Result twice = cli().run(sandbox, "apply", file.toString());
    assertThat(twice.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(twice.err()).contains("is stale");
    assertThat(writes()).isEqualTo(after);
  }

  @Test
  void theCommandThePlanSuggestsAppliesItAgainstTheSameSandbox() {
    Path state = tmp.resolve("embedded.json");
    Path file = tmp.resolve("embedded-plan.json");
    CliRunner.Result r =
        CliRunner.plain()
            .run(
                "plan",
                "--sandbox",
                "--sandbox-state",
                state.toString(),
                "-f",
                EXAMPLE,
                "-o",
                file.toString(),
                "--format",
                "markdown");
    assertThat(r.exit()).as(r.all()).isZero();
    String suggested = "flightplan apply --sandbox --sandbox-state " + state + " " + file;
    assertThat(r.err()).contains("To apply exactly these actions, run: " + suggested);

    CliRunner.Result apply =
        CliRunner.plain().run(suggested.substring("flightplan ".length()).split(" "));
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out()).contains("Verified: App Store Connect now matches the file.");
  }

  @Test
  void aChangeMadeInAppStoreConnectAfterPlanningMakesThePlanStale() throws IOException {
    Path file = plan();
    // someone turns feedback off for QA in App Store Connect
    SandboxTestClient person = new SandboxTestClient(sandbox, Clock.systemUTC());
    JsonNode groups =
        person.get("/v1/betaGroups?filter[app]=1000000001&limit=200").json().path("data");
    String qa = null;
    for (JsonNode g : groups) {
      if (g.path("attributes").path("name").asText().equals("QA")) {
        qa = g.path("id").asText();
      }
    }
    assertThat(qa).isNotNull();
    int status =
        person
            .patch(
                "/v1/betaGroups/" + qa,
                "{\"data\":{\"type\":\"betaGroups\",\"id\":\""
                    + qa
                    + "\",\"attributes\":{\"feedbackEnabled\":false}}}")
            .status();
    assertThat(status).isEqualTo(200);
    long before = writes();

    CliRunner.Result apply = cli().run(sandbox, "apply", file.toString());
    assertThat(apply.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(apply.err())
        .contains(
            "error: the saved plan "
                + file
                + " is stale: App Store Connect changed since it was planned (1 object):")
        .contains("  ~ com.example.weather/group[\"QA\"] changed")
        .contains("Nothing was changed. Plan again, review the new plan, and apply that.");
    assertThat(apply.out()).doesNotContain("Apply complete");
    assertThat(writes()).as("a stale plan sends no write").isEqualTo(before);
  }

  @Test
  void anotherApplyInBetweenMakesThePlanStale() throws IOException {
    Path file = plan();
    Path other = tmp.resolve("other.yaml");
    Files.writeString(
        other,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            groups:
              - name: Old Beta
                testers: [erin@example.com]
        """);
    CliRunner.Result applyOther =
        cli().run(sandbox, "apply", "-f", other.toString(), "--auto-approve");
    assertThat(applyOther.exit()).as(applyOther.all()).isZero();
    long before = writes();

    CliRunner.Result apply = cli().run(sandbox, "apply", file.toString());
    assertThat(apply.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(apply.err())
        .contains("  + com.example.weather/tester[\"erin@example.com\"] appeared");
    assertThat(writes()).isEqualTo(before);
  }

  @Test
  void pruneIsSavedWithThePlanAndVerifiedWithIt() throws IOException {
    Path file = plan("--prune");
    CliRunner.Result apply = cli().run(sandbox, "apply", file.toString());
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out()).contains("Verified:");
    assertThat(sandbox.requestCounts()).containsEntry("DELETE /v1/betaGroups/{id}", 1L);
    assertThat(cli().run(sandbox, "plan", "-f", EXAMPLE, "--prune", "--detailed-exitcode").exit())
        .isZero();
  }

  @Test
  void aFileChangedSincePlanningIsAppliedAsReviewedButNotVerifiedAndTheApplyFails()
      throws IOException {
    Path config = tmp.resolve("testflight.yaml");
    Files.copy(Path.of(EXAMPLE), config);
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));
    Path file = tmp.resolve("plan.json");
    assertThat(cli().run(sandbox, "plan", "-f", config.toString(), "-o", file.toString()).exit())
        .isZero();
    Files.writeString(
        config, Files.readString(config).replace("bob@example.com", "erin@example.com"));

    CliRunner.Result apply = cli().run(sandbox, "apply", file.toString());
    assertThat(apply.exit())
        .as(
            "a merge job must not pass after applying something other than the merged file: %s",
            apply.all())
        .isEqualTo(ExitCodes.ERROR);
    assertThat(apply.out()).contains("Apply complete!").doesNotContain("Verified:");
    assertThat(apply.out())
        .contains("create tester \"bob@example.com\"")
        .doesNotContain("erin@example.com");
    assertThat(apply.err())
        .contains(
            "warning: "
                + config
                + " (or a file it includes) changed, or is gone, since the plan was made: the plan is"
                + " applied as it was reviewed, but App Store Connect cannot be verified against the file afterwards.")
        .endsWith(
            "error: not verified: "
                + config
                + " (or a file it includes) changed, or is gone, since the plan was made, so"
                + " it no longer describes what was reviewed.\n"
                + "The saved plan was applied as reviewed (see above), but whether App Store Connect now matches the file could not"
                + " be checked.\n"
                + "Run flightplan plan --api-url "
                + sandbox.baseUri()
                + " -f "
                + config
                + " to see how App Store Connect differs from"
                + " the file as it is now.\n");
    assertThat(apply.err().indexOf("warning:"))
        .as("warned before applying")
        .isLessThan(apply.err().indexOf("error:"));

    // what was applied is the reviewed file: nothing of it is left to do
    Files.writeString(
        config, Files.readString(config).replace("erin@example.com", "bob@example.com"));
    assertThat(cli().run(sandbox, "plan", "-f", config.toString(), "--detailed-exitcode").exit())
        .isZero();
  }

  @Test
  void aPlanWithNoChangesOfAFileChangedSinceIsAnErrorToo() throws IOException {
    assertThat(cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve").exit()).isZero();
    Path config = tmp.resolve("testflight.yaml");
    Files.copy(Path.of(EXAMPLE), config);
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));
    Path file = tmp.resolve("plan.json");
    assertThat(
            cli()
                .run(
                    sandbox,
                    "plan",
                    "-f",
                    config.toString(),
                    "-o",
                    file.toString(),
                    "--detailed-exitcode")
                .exit())
        .isZero();
    Files.writeString(
        config, Files.readString(config).replace("bob@example.com", "erin@example.com"));
    long before = writes();

    CliRunner.Result apply = cli().run(sandbox, "apply", file.toString());
    assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(apply.out()).contains("The plan has no changes.");
    assertThat(apply.err())
        .contains("error: not verified: " + config + " (or a file it includes) changed")
        .contains(
            "The saved plan had no changes, so nothing was sent, but the file as it is now may ask for changes that no one"
                + " planned.");
    assertThat(writes()).isEqualTo(before);
    assertThat(cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void textThatReadsLikeTheSecretMarkerIsTextInASavedPlan() throws IOException {
    // "(sensitive value)" is how plans show the demo password; in any other field it is the
    // user's text
    String marker = dev.flightplan.plan.Sensitive.TEXT;
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));
    Path config =
        Files.writeString(
            tmp.resolve("testflight.yaml"),
            Files.readString(Path.of(EXAMPLE))
                .replace(
                    "\"Weather Radar Beta: Radar, Warnungen und Zehn-Tage-Vorhersagen.\"",
                    "\"" + marker + "\"")
                .replace(
                    "\"Sign in with the demo account; location access is optional.\"",
                    "\"" + marker + "\"")
                .replace("- name: Public Beta", "- name: \"" + marker + "\"")
                .replace("groups: [Public Beta]", "groups: [\"" + marker + "\"]")
                .replace("firstName: Carol", "firstName: \"" + marker + "\""));
    Path file = tmp.resolve("plan.json");
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", config.toString(), "-o", file.toString());
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(Files.readString(file)).contains("\"name\": \"" + marker + "\"");

    // the plan read back from the file is the plan that was saved: the text shown as text, quoted,
    // and only the demo password as a changed secret
    CliRunner.Result show = CliRunner.plain().run("show", file.toString(), "--no-color");
    assertThat(show.exit()).as(show.all()).isZero();
    java.util.List<String> shown = linesWith(marker, show.out());
    assertThat(shown).isEqualTo(linesWith(marker, plan.out()));
    assertThat(shown).hasSize(5).allMatch(line -> line.contains("\"" + marker + "\""));
    assertThat(linesWith("(sensitive value changed)", show.out()))
        .containsExactly("      ~ demoAccountPassword = (sensitive value changed)");

    // and applied, it puts the text in App Store Connect as written
    CliRunner.Result apply = cli().run(sandbox, "apply", file.toString());
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out()).contains("Verified: App Store Connect now matches the file.");
    SandboxTestClient person = new SandboxTestClient(sandbox, Clock.systemUTC());
    assertThat(person.get("/v1/betaGroups?filter[app]=1000000001&limit=200").body())
        .contains("\"name\":\"" + marker + "\"");
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", config.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  private static java.util.List<String> linesWith(String text, String output) {
    return output.lines().filter(line -> line.contains(text)).toList();
  }

  @Test
  void aPlanFileHoldsNoSecret() throws IOException {
    Path file = plan();
    String saved = Files.readString(file);
    String json = cli().run(sandbox, "plan", "-f", EXAMPLE, "--format", "json").out();
    String pem = sandbox.credentials().privateKeyPem();
    for (String text : new String[] {saved, json}) {
      assertThat(text)
          .doesNotContain("PRIVATE KEY")
          .doesNotContain(sandbox.credentials().issuerId());
      for (String line : pem.split("\n")) {
        if (!line.startsWith("-----") && line.length() > 16) {
          assertThat(text).doesNotContain(line);
        }
      }
      assertThat(Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.").matcher(text).find())
          .as("a JWT")
          .isFalse();
      // tester emails are in the file on purpose: apply needs them
      assertThat(text).contains("dave@example.com");
    }
  }

  @Test
  void aSavedPlanFixesFileAppsAndOptions() throws IOException {
    Path file = plan();
    for (String[] extra :
        new String[][] {
          {"-f", EXAMPLE}, {"--app", "com.example.weather"}, {"--prune"}, {"--allow-replace"}
        }) {
      CliRunner.Result r =
          cli().run(sandbox, concat(new String[] {"apply", file.toString()}, extra));
      assertThat(r.exit()).as(String.join(" ", extra)).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("cannot be used with a saved plan");
    }
    assertThat(writes()).isZero();
  }

  @Test
  void aMalformedOrForeignPlanFileIsAClearErrorAndNothingIsSent() throws IOException {
    CliRunner.Result yaml = cli().run(sandbox, "apply", EXAMPLE);
    assertThat(yaml.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(yaml.err())
        .contains("is not a flightplan plan file")
        .contains("use apply -f " + EXAMPLE);

    Path file = plan();
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() / 3));
    CliRunner.Result truncated = cli().run(sandbox, "apply", file.toString());
    assertThat(truncated.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(truncated.err()).contains("it is not JSON");

    String current = RootCommand.version();
    assertThat(text).contains("\"flightplan_version\": \"" + current + "\"");
    Files.writeString(
        file,
        text.replace(
            "\"flightplan_version\": \"" + current + "\"", "\"flightplan_version\": \"0.0.1\""));
    CliRunner.Result version = cli().run(sandbox, "apply", file.toString());
    assertThat(version.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(version.err())
        .contains("was made by flightplan 0.0.1, and this is flightplan " + current);
    assertThat(truncated.all() + yaml.all() + version.all())
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(writes()).isZero();
  }

  static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
