package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Testers App Store Connect shows as NOT_INVITED. One in an external group is App Store Connect's
 * to email (when a build reaches the group): flightplan plans no invitation for it, so a freshly
 * pulled file plans empty. One in internal groups only is invited by {@code invitations.onAdd} (the
 * recovery of an apply that stopped between adding and inviting); a pulled file turns onAdd off for
 * it, so that it too plans empty.
 */
@IntegrationTest
class NeverInvitedTest extends SandboxTest {
  @TempDir Path tmp;

  private CliRunner.Result plan(Path file) {
    return cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
  }

  private Path pull() {
    Path file = tmp.resolve("pulled.yaml");
    CliRunner.Result pull =
        cli().run(sandbox, "pull", "--app", "com.example.weather", "-o", file.toString());
    assertThat(pull.exit()).as(pull.all()).isZero();
    return file;
  }

  @Test
  void aTesterNeverInvitedInAnExternalGroupIsNotInvitedAndThePulledFilePlansEmpty()
      throws IOException {
    // frank is in the external group Friends & Family, which has a build: App Store Connect emails
    // him, not flightplan
    sandbox.admin().setTesterState("frank@example.com", "NOT_INVITED");
    Path pulled = pull();
    assertThat(Files.readString(pulled)).doesNotContain("invitations");
    CliRunner.Result plan = plan(pulled);
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.out()).contains("No changes.").doesNotContain("invitation");

    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            invitations: { onAdd: true }
            groups:
              - name: Friends & Family
                testers: [frank@example.com]
        """);
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out()).contains("No changes.");
    assertThat(sandbox.admin().invitationsSent()).doesNotContainKey("frank@example.com");
    assertThat(plan(file).exit()).isZero();
  }

  @Test
  void aTesterNeverInvitedInInternalGroupsOnlyPullsAsOnAddOffAndIsInvitedOnceOnAddIsOn()
      throws IOException {
    // alice is in the internal group QA only: App Store Connect does not email her until a build is
    // available to her
    sandbox.admin().setTesterState("alice@example.com", "NOT_INVITED");
    Path pulled = pull();
    String yaml = Files.readString(pulled);
    assertThat(yaml).contains("    invitations: { onAdd: false }\n");
    CliRunner.Result plan = plan(pulled);
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.out()).contains("No changes.");
    assertThat(writes()).as("pull and plan change nothing").isZero();

    Files.writeString(pulled, yaml.replace("    invitations: { onAdd: false }\n", ""));
    CliRunner.Result onAdd = plan(pulled);
    assertThat(onAdd.exit()).as(onAdd.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(onAdd.out())
        .contains("invitation \"alice@example.com\"", "in internal groups only and never invited");
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", pulled.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(sandbox.admin().invitationsSent()).containsEntry("alice@example.com", 1);
    CliRunner.Result after = plan(pulled);
    assertThat(after.exit()).as(after.all()).isZero();
  }
}
