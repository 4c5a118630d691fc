package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * States that never change are not planned, and states that will change are waited for: an expired
 * build's entry under {@code builds:} plans nothing (a note says why) instead of a change App Store
 * Connect refuses with 409 on every apply; a build that can never be given or submitted (expired,
 * failed, internal-only) is warned about as permanent; and a public link on a new group whose build
 * is still in review waits for the build, like the build.
 */
@IntegrationTest
class NeverChangesTest extends SandboxTest {
  private static final String SEED =
      """
      {"apps": [{"id": "3000000001", "bundleId": "com.example.app", "name": "App", "sku": "APP", "primaryLocale": "en-US",
                 "localizations": [{"locale": "en-US", "description": "Beta", "feedbackEmail": "beta@example.com"}],
                 "reviewDetail": {"contactEmail": "qa@example.com", "contactFirstName": "Jo", "contactLastName": "Lee",
                                  "contactPhone": "+1 555 0100", "demoAccountRequired": false}}],
       "users": [{"email": "alice@example.com", "firstName": "Alice", "lastName": "Doe"}],
       "groups": [{"app": "com.example.app", "name": "QA", "isInternalGroup": true, "testers": ["alice@example.com"]}],
       "builds": [
         {"app": "com.example.app", "version": "1.0", "number": "1", "expired": true, "usesNonExemptEncryption": false,
          "reviewState": "APPROVED", "whatsNew": {"en-US": "Old"}},
         {"app": "com.example.app", "version": "1.0", "number": "2", "buildAudienceType": "INTERNAL_ONLY",
          "usesNonExemptEncryption": false, "whatsNew": {"en-US": "Internal"}},
         {"app": "com.example.app", "version": "1.0", "number": "3", "usesNonExemptEncryption": false,
          "reviewState": "WAITING_FOR_REVIEW", "whatsNew": {"en-US": "New"}},
         {"app": "com.example.app", "version": "1.0", "number": "4", "processingState": "FAILED"}]}
      """;

  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    try {
      Path seed = Files.createTempDirectory("never-changes").resolve("seed.json");
      Files.writeString(seed, SEED);
      return super.options().withSeedFile(seed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file(String yaml) throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private CliRunner.Result plan(Path file) {
    return cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
  }

  private CliRunner.Result apply(Path file) {
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    return apply;
  }

  @Test
  void anExpiredBuildsEntryPlansNothingWithANoteAndDoesNotBlockTheRestOfTheFile()
      throws IOException {
    Path file =
        file(
            """
        version: 1
        apps:
          - bundleId: com.example.app
            licenseAgreement: New terms
            builds:
              - version: "1.0"
                number: "1"
                autoNotify: true
                usesNonExemptEncryption: true
                whatToTest: { en-US: "Changed" }
                submitForReview: true
        """);
    CliRunner.Result plan = plan(file);
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.all())
        .contains(
            "build 1.0 (1) has expired, so its entry under builds: plans nothing",
            "never becomes unexpired")
        .doesNotContain("~ build", "usesNonExemptEncryption", "the next plan");
    assertThat(plan.out()).contains("Plan: 0 to add, 1 to change, 0 to destroy.");

    CliRunner.Result apply = apply(file);
    assertThat(apply.out()).contains("Verified: App Store Connect now matches the file.");
    CliRunner.Result again = plan(file);
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.all()).contains("has expired, so its entry under builds: plans nothing");
  }

  @Test
  void buildsThatCanNeverBeGivenOrSubmittedAreWarnedAboutAsPermanent() throws IOException {
    Path file =
        file(
            """
        version: 1
        apps:
          - bundleId: com.example.app
            groups:
              - name: External
                builds: [{ version: "1.0", number: "1" }, { version: "1.0", number: "2" }, { version: "1.0", number: "4" }]
            builds:
              - { version: "1.0", number: "2", submitForReview: true }
              - { version: "1.0", number: "4", submitForReview: true }
        """);
    CliRunner.Result plan = plan(file);
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.all())
        .contains(
            "build 1.0 (1) is never given to group \"External\": it has expired, and that does not change")
        .contains(
            "build 1.0 (2) is never given to group \"External\": it was uploaded for internal testing only")
        .contains(
            "build 1.0 (4) is never given to group \"External\": its processing ended in FAILED")
        .contains(
            "build 1.0 (2) is never submitted for beta review: it was uploaded for internal testing only")
        .contains(
            "build 1.0 (4) is never submitted for beta review: its processing ended in FAILED")
        .doesNotContain("the next plan", "reviewSubmission");
    apply(file);
    CliRunner.Result again = plan(file);
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void aPublicLinkOnANewGroupWhoseBuildIsInReviewWaitsForTheBuild() throws IOException {
    Path file =
        file(
            """
        version: 1
        apps:
          - bundleId: com.example.app
            groups:
              - name: Public
                publicLink: { enabled: true, limit: 50 }
                builds: [{ version: "1.0", number: "3" }]
        """);
    CliRunner.Result plan = plan(file);
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.all())
        .contains(
            "build 1.0 (3) is not given to group \"Public\" yet: it has not passed beta review (WAITING_FOR_REVIEW)")
        .contains(
            "group \"Public\": the public link is not enabled yet: it needs a build in the group, and build 1.0 (3):"
                + " it has not passed beta review (WAITING_FOR_REVIEW)")
        .contains("the next plan enables it once the build is given")
        .doesNotContain("error");
    assertThat(plan.out())
        .contains("+ group \"Public\"")
        .containsPattern("\\+ publicLink +=  ?\"disabled\"")
        .doesNotContain("publicLinkLimit");
    apply(file);
    CliRunner.Result waiting = plan(file);
    assertThat(waiting.exit())
        .as("nothing to do while the build waits for review\n" + waiting.all())
        .isZero();
    assertThat(waiting.all()).contains("the public link is not enabled yet");

    sandbox.admin().setReviewState("com.example.app", "1.0", "3", "APPROVED");
    CliRunner.Result approved = plan(file);
    assertThat(approved.exit()).as(approved.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(approved.out())
        .containsPattern("~ publicLink += \"disabled\" -> \"enabled\"")
        .contains("+ \"1.0 (3)\"");
    apply(file);
    CliRunner.Result done = plan(file);
    assertThat(done.exit()).as(done.all()).isZero();
    assertThat(done.all()).doesNotContain("not enabled yet");
  }
}
