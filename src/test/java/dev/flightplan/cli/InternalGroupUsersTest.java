package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.engine.PlanSchemaAssert;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Internal groups take only App Store Connect users of the team (the demo seed's users: alice, bob
 * and erin). Someone else in an internal group is an error at its place in the file, from plan and
 * from apply, before any write; the team's users are read once per plan, and only when someone
 * would join an internal group; a key that may not list them gets a note, and the plan goes on.
 */
@IntegrationTest
class InternalGroupUsersTest extends SandboxTest {
  private static final String USERS = "GET /v1/users";

  @TempDir Path tmp;
  private Path file;

  @BeforeEach
  void writeFile() {
    file = tmp.resolve("testflight.yaml");
  }

  /**
   * QA (internal, alice a member already) with {@code listed} under it; {@code own} names QA in its
   * own entry.
   */
  private void qaWith(String listed, String own) throws IOException {
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            groups:
              - name: QA
                internal: true
                testers: [alice@example.com, %s]
            testers:
              - { email: %s, groups: [QA] }
        """
            .formatted(listed, own));
  }

  private long usersRequests() {
    return sandbox.requestCounts().getOrDefault(USERS, 0L);
  }

  @Test
  void aNonUserInAnInternalGroupIsAnErrorWhereTheFileSaysSoBeforeAnyWrite() throws IOException {
    qaWith("zoe@example.com", "yan@example.com");
    String zoe =
        file
            + ":7:38: error: tester zoe@example.com cannot join internal group \"QA\": it is not an App Store"
            + " Connect user of the team (invite them in Users and Access first, which emails them the invitation,"
            + " or put them in an external group)";
    String yan =
        file
            + ":9:44: error: tester yan@example.com cannot join internal group \"QA\": it is not an App Store"
            + " Connect user of the team";

    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(plan.err()).contains(zoe).contains(yan).doesNotContain("Exception");
    assertThat(usersRequests()).isEqualTo(1);

    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(apply.err()).contains(zoe).contains(yan).doesNotContain("422");
    assertThat(writes()).as("nothing was sent").isZero();
    assertThat(usersRequests()).isEqualTo(2);
  }

  @Test
  void usersJoinAndTheNextPlanFindsNothingToDoHavingReadTheUsersOncePerPlan() throws IOException {
    // two apps gain internal members: the team's users are read once for both
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            groups:
              - name: QA
                internal: true
                testers: [alice@example.com, Erin@Example.com]
            testers:
              - { email: bob@example.com, groups: [QA] }
          - bundleId: com.example.notes
            groups:
              - name: Team
                internal: true
                testers: [erin@example.com]
        """);
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out()).contains("Verified: App Store Connect now matches the file.");
    assertThat(usersRequests())
        .as("read by the plan; the verification finds everyone in place")
        .isEqualTo(1);

    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.out()).contains("No changes.");
    assertThat(usersRequests()).isEqualTo(1);
  }

  @Test
  void aPlanThatAddsNobodyToAnInternalGroupDoesNotReadTheUsers() throws IOException {
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            groups:
              - name: QA
                internal: true
                testers: [alice@example.com]
              - name: Friends & Family
                testers: [zoe@example.com]
        """);
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(sandbox.requestCounts()).doesNotContainKey(USERS);
  }

  @Test
  void aKeyThatMayNotListUsersGetsANoteAndThePlanGoesOn() throws IOException {
    qaWith("erin@example.com", "bob@example.com");
    sandbox.failNext(USERS, "403");
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out())
        .contains(
            "com.example.weather: the membership of internal groups could not be checked: 2 tester(s) would join"
                + " an internal group, and App Store Connect refused to list the team's users (GET /v1/users: 403")
        .contains("The API key in use does not allow this request")
        .contains("+ tester \"bob@example.com\"");
    assertThat(plan.err()).doesNotContain("error");
    assertThat(sandbox.faultsInjected()).containsEntry("forbidden", 1L);
    assertThat(writes()).isZero();
  }

  @Test
  void aSavedPlanWhoseNewMemberLeftTheTeamIsStale() throws IOException {
    qaWith("erin@example.com", "bob@example.com");
    Path saved = tmp.resolve("plan.json");
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString());
    assertThat(plan.exit()).as(plan.all()).isZero();
    JsonNode doc = PlanSchemaAssert.assertValidPlan(Files.readString(saved));
    assertThat(doc.path("reads").path("users").asBoolean()).isTrue();
    assertThat(doc.path("fingerprints").has("com.example.weather/user[\"erin@example.com\"]"))
        .isTrue();

    sandbox.admin().removeUser("erin@example.com");
    CliRunner.Result apply = cli().run(sandbox, "apply", saved.toString());
    assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(apply.err())
        .contains("is stale")
        .contains(
            "- com.example.weather/user[\"erin@example.com\"] disappeared (no longer an App Store Connect user of the team)");
    assertThat(writes()).isZero();
    assertThat(usersRequests()).as("planning and the staleness check").isEqualTo(2);
  }

  @Test
  void aSavedPlanWhoseNewMembersAreStillUsersApplies() throws IOException {
    qaWith("erin@example.com", "bob@example.com");
    Path saved = tmp.resolve("plan.json");
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString()).exit())
        .isZero();
    CliRunner.Result apply = cli().run(sandbox, "apply", saved.toString());
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out()).contains("Verified: App Store Connect now matches the file.");
  }
}
