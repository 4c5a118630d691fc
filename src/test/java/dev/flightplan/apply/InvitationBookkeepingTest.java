package dev.flightplan.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.diag.Diagnostics;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Id;
import dev.flightplan.plan.InvitationRecord;
import dev.flightplan.plan.Plan;
import dev.flightplan.state.InvitationLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The invitation log around an apply: written ahead so that a re-send goes out at most once,
 * settled after.
 */
class InvitationBookkeepingTest {
  private static final String APP = "com.example.app";
  private static final Instant THEN = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Address FRANK = new Address(APP, "invitation", "frank@example.com");
  private static final Address NEW = new Address(APP, "invitation", "new@example.com");

  private static InvitationLog log(String... ids) {
    SortedMap<String, InvitationLog.Entry> entries = new TreeMap<>();
    for (String id : ids) {
      entries.put(id, new InvitationLog.Entry(THEN, false));
    }
    return new InvitationLog(new TreeMap<>(Map.of(APP, entries)));
  }

  private static ApiCall invite(Address served) {
    return new ApiCall("POST", "/v1/betaTesterInvitations", null, null, "invite", List.of(served));
  }

  private static Plan plan(List<ApiCall> calls, InvitationRecord... records) {
    return new Plan(List.of(), calls, Diagnostics.of(List.of()), List.of(), List.of(records));
  }

  @Test
  void reSendsAndSightingsAreWrittenAheadAndStaleEntriesDropped() {
    Plan plan =
        plan(
            List.of(invite(FRANK), invite(NEW)),
            InvitationRecord.sent(APP, Id.of("t1"), FRANK),
            InvitationRecord.sent(APP, Id.produced("r1"), NEW),
            InvitationRecord.seen(APP, "t2"),
            InvitationRecord.seen(APP, "t3"),
            InvitationRecord.forget(APP, "t4"));
    InvitationLog ahead = InvitationBookkeeping.ahead(log("t1", "t3", "t4"), plan, NOW);
    assertThat(ahead.of(APP)).containsOnlyKeys("t1", "t2", "t3");
    assertThat(ahead.of(APP).get("t1")).isEqualTo(new InvitationLog.Entry(NOW, true));
    assertThat(ahead.of(APP).get("t2")).isEqualTo(new InvitationLog.Entry(NOW, false));
    assertThat(ahead.of(APP).get("t3"))
        .as("a sighting never moves a known date")
        .isEqualTo(new InvitationLog.Entry(THEN, false));
  }

  @Test
  void afterTheCallsANewTesterIsRecordedAndAReSendNeverSentIsRestored() {
    ApiCall frank = invite(FRANK);
    ApiCall newbie = invite(NEW);
    Plan plan =
        plan(
            List.of(frank, newbie),
            InvitationRecord.sent(APP, Id.of("t1"), FRANK),
            InvitationRecord.sent(APP, Id.produced("r1"), NEW));
    InvitationLog before = log("t1");
    InvitationLog ahead = InvitationBookkeeping.ahead(before, plan, NOW);
    ApplyReport report =
        new ApplyReport(
            plan,
            List.of(
                new CallResult(frank, CallResult.Status.NOT_SENT, null),
                new CallResult(newbie, CallResult.Status.DONE, null)),
            Map.of("r1", "t9"));
    InvitationLog after = InvitationBookkeeping.after(before, ahead, report, NOW);
    assertThat(after.of(APP)).containsOnlyKeys("t1", "t9");
    assertThat(after.of(APP).get("t1"))
        .as("restored")
        .isEqualTo(new InvitationLog.Entry(THEN, false));
    assertThat(after.of(APP).get("t9")).isEqualTo(new InvitationLog.Entry(NOW, true));
  }

  @Test
  void aReSendThatFailedMayHaveGoneOutSoItsEntryStays() {
    ApiCall frank = invite(FRANK);
    Plan plan = plan(List.of(frank), InvitationRecord.sent(APP, Id.of("t1"), FRANK));
    InvitationLog before = InvitationLog.EMPTY;
    InvitationLog ahead = InvitationBookkeeping.ahead(before, plan, NOW);
    ApplyReport report =
        new ApplyReport(
            plan, List.of(new CallResult(frank, CallResult.Status.FAILED, "answer lost")));
    assertThat(InvitationBookkeeping.after(before, ahead, report, NOW).of(APP))
        .containsEntry("t1", new InvitationLog.Entry(NOW, true));
    ApplyReport notSent =
        new ApplyReport(plan, List.of(new CallResult(frank, CallResult.Status.NOT_SENT, null)));
    assertThat(InvitationBookkeeping.after(before, ahead, notSent, NOW).of(APP)).isEmpty();
  }

  @Test
  void anInvitationToANewTesterIsRecordedUnderItsIdUnlessItWasNeverSent() {
    ApiCall newbie = invite(NEW);
    Plan plan = plan(List.of(newbie), InvitationRecord.sent(APP, Id.produced("r1"), NEW));
    InvitationLog ahead = InvitationBookkeeping.ahead(InvitationLog.EMPTY, plan, NOW);
    assertThat(ahead.of(APP)).as("its id is not known before the create").isEmpty();
    ApplyReport failed =
        new ApplyReport(
            plan,
            List.of(new CallResult(newbie, CallResult.Status.FAILED, "answer lost")),
            Map.of("r1", "t9"));
    assertThat(InvitationBookkeeping.after(InvitationLog.EMPTY, ahead, failed, NOW).of(APP))
        .as("it may have arrived: at most once")
        .containsEntry("t9", new InvitationLog.Entry(NOW, true));
    ApplyReport notSent =
        new ApplyReport(
            plan,
            List.of(new CallResult(newbie, CallResult.Status.NOT_SENT, null)),
            Map.of("r1", "t9"));
    assertThat(InvitationBookkeeping.after(InvitationLog.EMPTY, ahead, notSent, NOW).of(APP))
        .isEmpty();
  }
}
