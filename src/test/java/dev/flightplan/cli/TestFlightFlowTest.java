package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds, public links and test information against the sandbox: what the API would refuse is
 * avoided or reported (never a stack trace), one-off requests fire exactly once, and a review that
 * Apple approves later lets the next apply give the build out.
 */
@IntegrationTest
class TestFlightFlowTest extends SandboxTest {
  @TempDir Path tmp;
  private Path file;

  @BeforeEach
  void writeFile() throws IOException {
    Files.writeString(tmp.resolve("password.txt"), "correct-horse-7\n");
    file = tmp.resolve("testflight.yaml");
  }

  private CliRunner.Result apply() {
    return cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
  }

  private CliRunner.Result plan() {
    return cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
  }

  @Test
  void refusalsAreAvoidedOrExplainedBeforeAnyWrite() throws IOException {
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            groups:
              - name: QA
                internal: true
                accessToAllBuilds: true
                builds: [{ version: "2.3", number: "44" }]
              - name: Early
                publicLink: { enabled: true, limit: 50 }
                builds: []
        """);
    CliRunner.Result plan = plan();
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(plan.err())
        .containsPattern(
            "testflight.yaml:\\d+:\\d+: warning: group \"QA\" gets every build automatically")
        .containsPattern(
            "testflight.yaml:\\d+:\\d+: error: group \"Early\": a public link can only be enabled once the group has a build")
        .doesNotContain("Exception");
    assertThat(writes()).isZero();

    Files.writeString(file, Files.readString(file).replace("limit: 50", "limit: 10001"));
    CliRunner.Result invalid = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(invalid.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(invalid.err()).containsPattern("testflight.yaml:\\d+:\\d+: error: .*10000");
    assertThat(sandbox.totalRequests()).as("bad input makes no API call").isEqualTo(1 + 1 + 1 + 1);
  }

  @Test
  void aBuildWaitingForReviewIsReportedThenGivenOnceApprovedAndAnnouncedOnce() throws IOException {
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            reviewDetail: { contactPhone: "+1 555 0100" }
            groups:
              - name: Friends & Family
                builds: [{ version: "2.3", number: "44" }, { version: "2.3", latest: true }]
            builds:
              - version: "2.3"
                latest: true
                usesNonExemptEncryption: false
                whatToTest: { en-US: "New radar view" }
                submitForReview: true
        """);
    CliRunner.Result first = apply();
    assertThat(first.exit()).as(first.all()).isZero();
    assertThat(first.err())
        .contains(
            "warning: build 2.3 (45) is not given to group \"Friends & Family\" yet: it has not passed beta review");
    assertThat(first.out()).contains("+ reviewSubmission \"2.3 (45)\"");
    CliRunner.Result waiting = plan();
    assertThat(waiting.exit()).as("waiting for review is not drift").isZero();
    assertThat(waiting.out()).contains("build 2.3 (45) is in beta review: WAITING_FOR_REVIEW");

    sandbox.admin().setReviewState("com.example.weather", "2.3", "45", "APPROVED");
    CliRunner.Result approved = apply();
    assertThat(approved.exit()).as(approved.all()).isZero();
    assertThat(approved.out())
        .contains("> notification \"2.3 (45)\"")
        .contains("give build 2.3 (45) to 1 group(s)");
    assertThat(sandbox.admin().notificationsSent()).containsEntry("2.3 (45)", 1);

    long writes = writes();
    CliRunner.Result again = apply();
    assertThat(again.exit()).isZero();
    assertThat(writes()).as("no write, no second notification").isEqualTo(writes);
    assertThat(sandbox.admin().notificationsSent()).containsEntry("2.3 (45)", 1);
    assertThat(plan().exit()).isZero();
  }

  @Test
  void aNewTesterIsInvitedExactlyOnce() throws IOException {
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            groups:
              - name: Friends & Family
                testers: [newbie@example.com]
        """);
    assertThat(apply().exit()).isZero();
    assertThat(sandbox.admin().invitationsSent()).containsEntry("newbie@example.com", 1);
    assertThat(apply().exit()).isZero();
    assertThat(sandbox.admin().invitationsSent()).containsEntry("newbie@example.com", 1);
    assertThat(plan().exit()).isZero();
  }

  @Test
  void reviewReadinessIsReportedWhereTheFileShouldSayIt() throws IOException {
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            reviewDetail:
              demoAccountRequired: true
            builds:
              - version: "2.3"
                number: "45"
                submitForReview: true
        """);
    CliRunner.Result plan = plan();
    assertThat(plan.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(plan.err())
        .containsPattern(
            "testflight.yaml:5:7: error: build 2.3 \\(45\\) cannot be submitted for beta review: the review details lack "
                + "contactPhone, demoAccountName, demoAccountPassword")
        .containsPattern(
            "testflight.yaml:\\d+:\\d+: error: build 2.3 \\(45\\) cannot be submitted for beta review: it has no What to Test")
        .containsPattern(
            "error: build 2.3 \\(45\\) cannot be submitted for beta review: its export compliance is not set");
    assertThat(writes()).isZero();
  }

  @Test
  void theDemoPasswordIsSetButNeverShown() throws IOException {
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            reviewDetail:
              contactPhone: "+1 555 0100"
              demoAccountRequired: true
              demoAccountName: demo@example.com
              demoAccountPassword: { file: password.txt }
        """);
    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(plan.out()).contains("~ demoAccountPassword = (sensitive value changed)");
    CliRunner.Result apply =
        cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--debug");
    assertThat(apply.exit()).as(apply.all()).isZero();
    Path saved = tmp.resolve("plan.json");
    Files.writeString(file, Files.readString(file).replace("password.txt", "password2.txt"));
    Files.writeString(tmp.resolve("password2.txt"), "another-one-9");
    CliRunner.Result json =
        cli()
            .run(
                sandbox, "plan", "-f", file.toString(), "--format", "json", "-o", saved.toString());
    CliRunner.Result md = cli().run(sandbox, "plan", "-f", file.toString(), "--format", "markdown");
    CliRunner.Result applySaved = cli().run(sandbox, "apply", saved.toString(), "--debug");
    assertThat(applySaved.exit()).as(applySaved.all()).isZero();
    String everything =
        plan.all()
            + apply.all()
            + json.all()
            + md.all()
            + applySaved.all()
            + Files.readString(saved);
    assertThat(everything)
        .doesNotContain("correct-horse-7")
        .doesNotContain("another-one-9")
        .doesNotContain(
            sandbox.credentials().privateKeyPem().lines().skip(1).findFirst().orElseThrow());
    assertThat(recorder.exchanges())
        .anyMatch(e -> e.requestBody() != null && e.requestBody().contains("another-one-9"));
    assertThat(plan().exit()).isZero();
  }
}
