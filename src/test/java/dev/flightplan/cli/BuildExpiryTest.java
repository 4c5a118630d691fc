package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build expiry policy against the sandbox, over a clock the sandbox and the client share. The
 * demo seed's builds of com.example.weather: 2.3 (44) uploaded 2026-10-20 and given to two groups,
 * 2.3 (45) on 2026-11-20, 2.3 (46) on 2026-11-25 and still processing, and 2.2 (40), expired.
 */
@IntegrationTest
class BuildExpiryTest extends SandboxTest {
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

  private Path file(String policy, String more) throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            buildExpiry: %s
            groups:
              - name: QA
                internal: true
                testers: [alice@example.com]
        %s"""
            .formatted(policy, more));
    return file;
  }

  private CliRunner.Result run(String... args) {
    return cli().run(sandbox, args);
  }

  private boolean expired(String version, String number) {
    var c = sandbox.credentials();
    try (var client =
        dev.flightplan.api.AscClient.create(
            new dev.flightplan.api.Credentials(c.keyId(), c.issuerId(), c.privateKeyPem()),
            dev.flightplan.api.ClientOptions.defaults(sandbox.baseUri()).withClock(clock))) {
      for (var b :
          client
              .get(
                  "/v1/builds?filter[version]="
                      + number
                      + "&filter[preReleaseVersion.version]="
                      + version
                      + "&fields[builds]=expired")
              .data()) {
        return Boolean.TRUE.equals(b.bool("expired"));
      }
    }
    throw new AssertionError("no build " + version + " (" + number + ")");
  }

  private long buildReads() {
    return recorder.exchanges().stream()
        .filter(e -> e.method().equals("GET") && e.path().equals("/v1/builds"))
        .count();
  }

  @Test
  void expiresOldBuildsBeyondTheLatestOfTheirVersionOnlyWithPrune() throws IOException {
    Path file = file("{ olderThanDays: 30, keepLatest: 1 }", "");
    CliRunner.Result preview = run("plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(preview.exit()).as(preview.all()).isZero();
    assertThat(preview.all())
        .contains(
            APP
                + ": --prune would expire 1 build(s) (uploaded more than 30 days ago, not"
                + " among the latest 1 of their version; buildExpiry); expiring cannot be undone");
    assertThat(buildReads()).as("the policy reads the app's builds, in one page").isEqualTo(1);

    CliRunner.Result plan = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out())
        .contains("- build \"2.3 (44)\"")
        .contains("# build \"2.3 (44)\" will be expired: buildExpiry: uploaded")
        .contains(
            "buildExpiry: uploaded 2026-10-20, 36 days ago (more than olderThanDays 30), not among the latest 1"
                + " of 2.3 (IOS), given to no group or tester by the file; expiring cannot be undone (testers can no longer"
                + " install it); --prune")
        .doesNotContain("2.3 (45)\"")
        .doesNotContain("2.3 (46)\"")
        .doesNotContain("2.2 (40)\"")
        .contains("PATCH /v1/builds/{id}")
        .contains("0 to add, 0 to change, 1 to destroy");

    CliRunner.Result markdown =
        run("plan", "-f", file.toString(), "--prune", "--format", "markdown");
    assertThat(markdown.out())
        .contains("**expire** com.example.weather build \"2.3 (44)\": buildExpiry");
    JsonNode json =
        new ObjectMapper()
            .readTree(run("plan", "-f", file.toString(), "--prune", "--format", "json").out());
    JsonNode change = null;
    for (JsonNode rc : json.path("resource_changes")) {
      if (rc.toString().contains("2.3 (44)")) {
        change = rc;
      }
    }
    assertThat(change).as(json.toString()).isNotNull();
    assertThat(change.path("change").path("actions").toString()).isEqualTo("[\"delete\"]");
    assertThat(change.path("change").path("reason").asText())
        .startsWith("buildExpiry: uploaded 2026-10-20");

    CliRunner.Result guarded =
        run("apply", "-f", file.toString(), "--prune", "--max-deletes", "0", "--auto-approve");
    assertThat(guarded.exit()).as(guarded.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(guarded.all()).contains("1 build expired");
    assertThat(expired("2.3", "44")).isFalse();

    CliRunner.Result applied = run("apply", "-f", file.toString(), "--prune", "--auto-approve");
    assertThat(applied.exit()).as(applied.all()).isZero();
    assertThat(expired("2.3", "44")).isTrue();
    assertThat(expired("2.3", "45")).isFalse();
    assertThat(run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode").exit())
        .isZero();

    // a month later 2.3 (45) is old too, and not the latest: 2.3 (46), still processing, is
    clock.advance(Duration.ofDays(31));
    CliRunner.Result later = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(later.exit()).as(later.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(later.out())
        .contains("- build \"2.3 (45)\"")
        .contains("uploaded 2026-11-20, 36 days ago");
  }

  @Test
  void neverExpiresABuildTheFileGivesToAnyone() throws IOException {
    Path file =
        file(
            "{ olderThanDays: 30, keepLatest: 0 }",
            """
              - name: Friends & Family
                builds: [ { version: "2.3", number: "44" } ]
        """);
    CliRunner.Result plan = run("plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.all())
        .doesNotContain("- build")
        .contains(
            APP
                + ": 1 build(s) older than 30 days are kept because"
                + " the file gives them to a group or tester or names them under builds (buildExpiry)");
    assertThat(buildReads()).isEqualTo(1);
  }
}
