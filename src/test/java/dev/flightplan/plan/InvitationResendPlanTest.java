package dev.flightplan.plan;

import static dev.flightplan.testing.Fixtures.APP;
import static dev.flightplan.testing.Fixtures.POS;
import static dev.flightplan.testing.Fixtures.desired;
import static dev.flightplan.testing.Fixtures.internal;
import static dev.flightplan.testing.Fixtures.live;
import static dev.flightplan.testing.Fixtures.liveInternal;
import static dev.flightplan.testing.Fixtures.summary;
import static dev.flightplan.testing.Fixtures.withInfo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.InvitationPolicy;
import dev.flightplan.config.Manage;
import dev.flightplan.config.Secrets;
import dev.flightplan.kinds.Kinds;
import dev.flightplan.state.InvitationLog;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.LiveTester;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * invitations.resendAfterDays: who is re-invited, when, and what apply is told to write in the
 * invitation log.
 */
class InvitationResendPlanTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static AppSpec file(Integer resendAfterDays, boolean onAdd, String... testers) {
    // an internal group: App Store Connect does not announce it, so flightplan invites the testers
    // it adds
    return withInfo(
        desired(Manage.DEFAULT, List.of(internal("Beta", testers)), List.of()),
        null,
        null,
        null,
        new InvitationPolicy(onAdd, resendAfterDays, POS));
  }

  private static LiveTester tester(String id, String email, String state) {
    return new LiveTester(id, email, null, null, "EMAIL", state, Set.of("g1"));
  }

  private static LiveApp app(LiveTester... testers) {
    return live(List.of(liveInternal("g1", "Beta")), List.of(testers));
  }

  private static InvitationLog log(Object... idInstantSent) {
    SortedMap<String, InvitationLog.Entry> entries = new TreeMap<>();
    for (int i = 0; i < idInstantSent.length; i += 3) {
      entries.put(
          (String) idInstantSent[i],
          new InvitationLog.Entry((Instant) idInstantSent[i + 1], (Boolean) idInstantSent[i + 2]));
    }
    SortedMap<String, SortedMap<String, InvitationLog.Entry>> apps = new TreeMap<>();
    apps.put(APP, entries);
    return new InvitationLog(apps);
  }

  private static Plan plan(AppSpec file, LiveApp live, InvitationLog log) {
    return Kinds.planner()
        .plan(
            new DesiredState("testflight.yaml", 1, List.of(file)),
            new LiveState(List.of(live), List.of()),
            PlanOptions.DEFAULTS,
            Secrets.none(),
            new InvitationHistory(log, NOW));
  }

  @Test
  void aTesterStillInvitedAfterTheIntervalIsInvitedAgainAndTheSendIsRecorded() {
    Plan plan =
        plan(
            file(7, true, "frank@example.com"),
            app(tester("t1", "frank@example.com", "INVITED")),
            log("t1", NOW.minus(Duration.ofDays(8)), true));
    assertThat(summary(plan)).containsExactly("> invitation \"frank@example.com\"");
    assertThat(plan.actions().get(0).reason())
        .isEqualTo(
            "still INVITED 8 day(s) after flightplan invited it on 2026-11-18, and invitations.resendAfterDays is 7");
    assertThat(plan.calls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.template()).isEqualTo("POST /v1/betaTesterInvitations");
              assertThat(c.bodyJson()).contains("\"t1\"");
            });
    assertThat(plan.invitations())
        .containsExactly(
            InvitationRecord.sent(
                APP, Id.of("t1"), new Address(APP, "invitation", "frank@example.com")));
  }

  @Test
  void exactlyTheIntervalIsDueAndASecondLessIsNot() {
    LiveApp live = app(tester("t1", "frank@example.com", "INVITED"));
    assertThat(
            summary(
                plan(
                    file(7, true, "frank@example.com"),
                    live,
                    log("t1", NOW.minus(Duration.ofDays(7)), false))))
        .containsExactly("> invitation \"frank@example.com\"");
    Plan early =
        plan(
            file(7, true, "frank@example.com"),
            live,
            log("t1", NOW.minus(Duration.ofDays(7)).plusSeconds(1), true));
    assertThat(early.hasChanges()).isFalse();
    assertThat(early.invitations()).isEmpty();
    assertThat(early.notes())
        .extracting(Note::text)
        .containsExactly(
            APP
                + ": 1 tester(s) still INVITED, not yet due for a re-send; the next is due"
                + " on 2026-11-26 (invitations.resendAfterDays: 7)");
  }

  @Test
  void aWaitingTesterWithoutAnEntryStartsItsIntervalInsteadOfBeingEmailed() {
    Plan plan =
        plan(
            file(7, true, "frank@example.com"),
            app(tester("t1", "frank@example.com", "INVITED")),
            InvitationLog.EMPTY);
    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.invitations()).containsExactly(InvitationRecord.seen(APP, "t1"));
    assertThat(plan.notes())
        .extracting(Note::text)
        .singleElement()
        .asString()
        .contains("1 tester(s) still INVITED have no invitation on record");
  }

  @Test
  void entriesOfTestersNoLongerWaitingAreDropped() {
    Plan plan =
        plan(
            file(7, true, "carol@example.com", "frank@example.com"),
            app(
                tester("t1", "carol@example.com", "ACCEPTED"),
                tester("t2", "frank@example.com", "INVITED"),
                tester("t3", "gone@example.com", "INVITED")),
            log("t1", NOW, true, "t2", NOW, true, "t3", NOW, true, "t9", NOW, false));
    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.invitations())
        .containsExactlyInAnyOrder(
            InvitationRecord.forget(APP, "t1"),
            InvitationRecord.forget(APP, "t3"),
            InvitationRecord.forget(APP, "t9"));
  }

  @Test
  void aTesterTheApplyCreatesIsRecordedByReference() {
    Plan plan = plan(file(7, true, "new@example.com"), app(), InvitationLog.EMPTY);
    assertThat(summary(plan))
        .contains("+ tester \"new@example.com\"", "> invitation \"new@example.com\"");
    assertThat(plan.invitations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(InvitationRecord.Kind.SENT);
              assertThat(r.tester().isProduced()).isTrue();
              assertThat(plan.calls()).anyMatch(c -> r.tester().ref().equals(c.produces()));
            });
  }

  @Test
  void withoutTheKeyNothingIsResentAndTheLogIsLeftAlone() {
    Plan plan =
        plan(
            file(null, true, "frank@example.com", "new@example.com"),
            app(
                tester("t1", "frank@example.com", "INVITED"),
                tester("t2", "old@example.com", "ACCEPTED")),
            log("t1", NOW.minus(Duration.ofDays(80)), true, "t2", NOW, true));
    assertThat(summary(plan))
        .containsExactlyInAnyOrder(
            "~ group \"Beta\"", "+ tester \"new@example.com\"", "> invitation \"new@example.com\"");
    assertThat(plan.invitations()).isEmpty();
  }

  @Test
  void reSendsDoNotNeedOnAddAndSkipTestersOutsideTheFile() {
    Plan plan =
        plan(
            file(3, false, "frank@example.com"),
            app(
                tester("t1", "frank@example.com", "INVITED"),
                tester("t2", "other@example.com", "INVITED")),
            log(
                "t1",
                NOW.minus(Duration.ofDays(3)),
                true,
                "t2",
                NOW.minus(Duration.ofDays(30)),
                true));
    assertThat(summary(plan)).containsExactly("> invitation \"frank@example.com\"");
    assertThat(plan.invitations())
        .containsExactlyInAnyOrder(
            InvitationRecord.sent(
                APP, Id.of("t1"), new Address(APP, "invitation", "frank@example.com")),
            InvitationRecord.forget(APP, "t2"));
  }

  @Test
  void invitationsOnlyKeepsTheReSendsAndLeavesOutTheCreatesWithTheirInvitations() {
    AppSpec file = file(7, true, "frank@example.com", "new@example.com");
    LiveApp live = app(tester("t1", "frank@example.com", "INVITED"));
    InvitationLog log = log("t1", NOW.minus(Duration.ofDays(9)), true);
    Plan plan =
        Kinds.planner()
            .plan(
                new DesiredState("testflight.yaml", 1, List.of(file)),
                new LiveState(List.of(live), List.of()),
                PlanOptions.DEFAULTS.withInvitationsOnly(true),
                Secrets.none(),
                new InvitationHistory(log, NOW));
    assertThat(summary(plan)).containsExactly("> invitation \"frank@example.com\"");
    assertThat(plan.calls())
        .extracting(ApiCall::template)
        .containsExactly("POST /v1/betaTesterInvitations");
    assertThat(plan.invitations())
        .containsExactly(
            InvitationRecord.sent(
                APP, Id.of("t1"), new Address(APP, "invitation", "frank@example.com")));
    assertThat(plan.notes())
        .extracting(Note::text)
        .contains("3 other change(s) left out (--invitations-only): plan without it to see them");
  }
}
