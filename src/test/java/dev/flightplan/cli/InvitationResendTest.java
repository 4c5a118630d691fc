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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * invitations.resendAfterDays against the sandbox, over weeks of a clock that the sandbox and the
 * client share: a tester still INVITED is re-invited once per interval, never twice for one
 * interval however often apply runs; a tester who accepts leaves the invitation log; and the log
 * holds no email.
 */
@IntegrationTest
class InvitationResendTest extends SandboxTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  @TempDir Path tmp;
  private Path file;

  @Override
  protected SandboxOptions options() {
    return super.options().withClock(clock);
  }

  @BeforeEach
  void writeFile() throws IOException {
    file = tmp.resolve("testflight.yaml");
    // frank is INVITED in the demo seed, carol INSTALLED, alice ACCEPTED; erin is a user of the
    // team, not yet a
    // tester. App Store Connect emails newbie itself when he joins the external group; flightplan
    // invites erin, whom
    // an internal group does not announce.
    Files.writeString(
        file,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            invitations: { resendAfterDays: 7 }
            groups:
              - name: QA
                internal: true
                testers: [alice@example.com, erin@example.com]
              - name: Friends & Family
                testers: [carol@example.com, frank@example.com, newbie@example.com]
        """);
  }

  @Override
  protected CliRunner cli() {
    return super.cli().clock(clock);
  }

  private CliRunner.Result plan() {
    return cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
  }

  private CliRunner.Result apply() {
    CliRunner.Result r = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(r.exit()).as(r.all()).isZero();
    return r;
  }

  private JsonNode log() throws IOException {
    return new ObjectMapper()
        .readTree(invitationLog.toFile())
        .path("apps")
        .path("com.example.weather");
  }

  private static List<String> kinds(JsonNode entries) {
    List<String> out = new ArrayList<>();
    entries.elements().forEachRemaining(e -> out.add(e.fieldNames().next()));
    return out;
  }

  @Test
  void aWaitingTesterIsReinvitedOncePerIntervalUntilAccepting() throws IOException {
    CliRunner.Result first = plan();
    assertThat(first.exit()).as(first.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(first.out())
        .contains("> invitation \"erin@example.com\"")
        .doesNotContain("> invitation \"newbie")
        .doesNotContain("> invitation \"frank")
        .contains("1 tester(s) still INVITED have no invitation on record")
        .contains(
            "App Store Connect emails the TestFlight invitation itself to the 1 tester(s) this plan adds to external groups");
    assertThat(Files.exists(invitationLog)).as("plan writes no log").isFalse();

    apply();
    assertThat(sandbox.admin().invitationsSent())
        .as("one email each, whoever sent it")
        .containsEntry("erin@example.com", 1)
        .containsEntry("newbie@example.com", 1)
        .doesNotContainKey("frank@example.com");
    assertThat(kinds(log()))
        .as("erin sent; frank and newbie seen")
        .containsExactlyInAnyOrder("sent", "seen", "seen");
    assertThat(Files.readString(invitationLog)).doesNotContain("@");

    clock.advance(Duration.ofDays(6));
    CliRunner.Result early = plan();
    assertThat(early.exit()).as(early.all()).isZero();
    assertThat(early.out())
        .contains(
            "3 tester(s) still INVITED, not yet due for a re-send; the next is due on 2026-12-03");

    clock.advance(Duration.ofDays(1));
    CliRunner.Result due = plan();
    assertThat(due.exit()).as(due.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(due.out())
        .contains("> invitation \"frank@example.com\"")
        .contains("> invitation \"newbie@example.com\"")
        .contains("> invitation \"erin@example.com\"")
        .contains("still INVITED 7 day(s) after flightplan first found it waiting on 2026-11-26")
        .contains("still INVITED 7 day(s) after flightplan invited it on 2026-11-26");
    apply();
    assertThat(sandbox.admin().invitationsSent())
        .containsEntry("erin@example.com", 2)
        .containsEntry("newbie@example.com", 2)
        .containsEntry("frank@example.com", 1);
    assertThat(kinds(log())).containsExactly("sent", "sent", "sent");

    long writes = writes();
    apply();
    clock.advance(Duration.ofDays(3));
    apply();
    assertThat(writes()).as("no second invitation within the interval").isEqualTo(writes);

    sandbox.admin().setTesterState("frank@example.com", "ACCEPTED");
    clock.advance(Duration.ofDays(4));
    CliRunner.Result later = plan();
    assertThat(later.out())
        .contains("> invitation \"newbie@example.com\"")
        .doesNotContain("> invitation \"frank");
    apply();
    assertThat(sandbox.admin().invitationsSent())
        .containsEntry("erin@example.com", 3)
        .containsEntry("newbie@example.com", 3)
        .containsEntry("frank@example.com", 1);
    assertThat(log().size()).as("frank accepted: his entry is dropped").isEqualTo(2);
    assertThat(plan().exit()).isZero();
  }

  @Test
  void aSavedPlanWhoseReSendsWereMadeByAnotherApplyIsStale() throws IOException {
    apply();
    clock.advance(Duration.ofDays(8));
    Path saved = tmp.resolve("plan.json");
    CliRunner.Result planned =
        cli().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString());
    assertThat(planned.exit()).as(planned.all()).isZero();
    assertThat(Files.readString(saved)).contains("\"invitation_log\"");
    apply();
    int sent = sandbox.admin().invitationsSent().get("frank@example.com");

    CliRunner.Result stale = cli().run(sandbox, "apply", saved.toString());
    assertThat(stale.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(stale.err()).contains("is stale").contains("invitationLog");
    assertThat(sandbox.admin().invitationsSent().get("frank@example.com"))
        .as("nobody emailed twice")
        .isEqualTo(sent);
    assertThat(plan().exit()).isZero();
  }

  @Test
  void aSavedPlanAppliesItsReSendsAndRecordsThem() throws IOException {
    apply();
    clock.advance(Duration.ofDays(7));
    Path saved = tmp.resolve("plan.json");
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString()).exit())
        .isZero();
    CliRunner.Result applied = cli().run(sandbox, "apply", saved.toString());
    assertThat(applied.exit()).as(applied.all()).isZero();
    assertThat(sandbox.admin().invitationsSent())
        .containsEntry("frank@example.com", 1)
        .containsEntry("newbie@example.com", 2)
        .containsEntry("erin@example.com", 2);
    assertThat(kinds(log())).containsExactly("sent", "sent", "sent");
    assertThat(plan().exit()).isZero();
  }

  @Test
  void invitationsOnlySendsTheDueRemindersAndChangesNothingElse() throws IOException {
    cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--invitations-only");
    assertThat(kinds(log())).as("frank seen, newbie not created").containsExactly("seen");
    clock.advance(Duration.ofDays(7));
    Files.writeString(
        file, Files.readString(file).replace("newbie@example.com", "latecomer@example.com"));
    long writes = writes();
    CliRunner.Result r =
        cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--invitations-only");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("> invitation \"frank@example.com\"")
        .doesNotContain("latecomer")
        .contains("5 other change(s) left out (--invitations-only)")
        .contains(
            "Verified: no invitation is left to send. App Store Connect still differs from the file in 5 other change(s)"
                + " --invitations-only leaves out: run flightplan plan without it to see them.")
        .doesNotContain("matches the file");
    assertThat(writes() - writes).as("one invitation, nothing else").isEqualTo(1);
    assertThat(sandbox.admin().invitationsSent())
        .containsEntry("frank@example.com", 1)
        .doesNotContainKey("latecomer@example.com");

    // nothing due: the job succeeds, and never says that App Store Connect matches the file
    CliRunner.Result none =
        cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--invitations-only");
    assertThat(none.exit()).as(none.all()).isZero();
    assertThat(none.out())
        .contains(
            "No invitations to send. App Store Connect still differs from the file in the 5 change(s)"
                + " --invitations-only leaves out (see the note below).")
        .doesNotContain("matches the file");
    CliRunner.Result planned =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--detailed-exitcode",
                "--invitations-only");
    assertThat(planned.exit()).as("the exit code is about the invitations: none to send").isZero();
    assertThat(planned.out()).doesNotContain("matches the file");
    CliRunner.Result markdown =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--invitations-only",
                "--format",
                "markdown");
    assertThat(markdown.out())
        .startsWith(
            "**flightplan**: No invitations to send. App Store Connect still differs from the file"
                + " for com.example.weather in 5 change(s) `--invitations-only` leaves out.")
        .doesNotContain("matches the file");

    CliRunner.Result all = plan();
    assertThat(all.exit()).isEqualTo(ExitCodes.CHANGES);
    assertThat(all.out())
        .contains("+ tester \"latecomer@example.com\"")
        .doesNotContain("> invitation \"frank");
    apply();
    assertThat(plan().exit()).isZero();
  }

  @Test
  void aReadOnlyApplySendsNothingAndWritesNoLog() throws IOException {
    CliRunner.Result r =
        cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--read-only");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(writes()).isZero();
    assertThat(Files.exists(invitationLog)).isFalse();
    apply();
    assertThat(kinds(log())).containsExactlyInAnyOrder("sent", "seen", "seen");
    assertThat(plan().exit()).isZero();
  }

  @Test
  void aLogThatIsNotOneStopsTheRunBeforeAnyRequest() throws IOException {
    Files.writeString(
        invitationLog,
        "{ \"format\": 1, \"apps\": { \"com.example.weather\": { \"t1\": { \"sent\": \"yesterday\" } } } }");
    CliRunner.Result r = plan();
    assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err())
        .contains("error: the invitation log " + invitationLog + " is not one flightplan can read")
        .contains("delete it to start over")
        .doesNotContain("Exception");
    assertThat(sandbox.totalRequests()).isZero();
  }
}
