package dev.flightplan.apply;

import dev.flightplan.plan.InvitationRecord;
import dev.flightplan.plan.Plan;
import dev.flightplan.state.InvitationLog;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an apply writes in the invitation log, in two steps around the plan's calls, so that an
 * invitation is sent at most once per interval even when apply is killed: {@link #ahead} before any
 * call goes out (a re-send to a tester with a known id is recorded as sent; first sightings are
 * recorded; entries of testers no longer waiting are dropped), and {@link #after} once the calls
 * are done (an invitation to a tester this apply created is recorded under its new id; a re-send
 * that was never sent gets its old entry back).
 */
public final class InvitationBookkeeping {
  private InvitationBookkeeping() {}

  public static InvitationLog ahead(InvitationLog log, Plan plan, Instant now) {
    TreeMap<String, SortedMap<String, InvitationLog.Entry>> apps = log.toMutable();
    for (InvitationRecord r : plan.invitations()) {
      SortedMap<String, InvitationLog.Entry> entries =
          apps.computeIfAbsent(r.app(), a -> new TreeMap<>());
      switch (r.kind()) {
        case SENT -> {
          if (!r.tester().isProduced()) {
            entries.put(r.tester().value(), new InvitationLog.Entry(now, true));
          }
        }
        case SEEN -> entries.putIfAbsent(r.tester().value(), new InvitationLog.Entry(now, false));
        case FORGET -> entries.remove(r.tester().value());
      }
    }
    return new InvitationLog(apps);
  }

  /**
   * {@code before}: the log as it was before {@link #ahead}; {@code ahead}: what {@link #ahead}
   * made of it. A call that failed may have reached App Store Connect, so its entry stays: at most
   * once.
   */
  public static InvitationLog after(
      InvitationLog before, InvitationLog ahead, ApplyReport report, Instant now) {
    TreeMap<String, SortedMap<String, InvitationLog.Entry>> apps = ahead.toMutable();
    Map<dev.flightplan.plan.Address, CallResult.Status> notDone = report.states();
    for (InvitationRecord r : report.plan().invitations()) {
      if (r.kind() != InvitationRecord.Kind.SENT) {
        continue;
      }
      CallResult.Status status = notDone.getOrDefault(r.invitation(), CallResult.Status.DONE);
      SortedMap<String, InvitationLog.Entry> entries =
          apps.computeIfAbsent(r.app(), a -> new TreeMap<>());
      if (r.tester().isProduced()) {
        String id = report.ids().get(r.tester().ref());
        if (status != CallResult.Status.NOT_SENT && id != null) {
          entries.put(id, new InvitationLog.Entry(now, true));
        }
      } else if (status == CallResult.Status.NOT_SENT) {
        InvitationLog.Entry old = before.entry(r.app(), r.tester().value()).orElse(null);
        if (old == null) {
          entries.remove(r.tester().value());
        } else {
          entries.put(r.tester().value(), old);
        }
      }
    }
    return new InvitationLog(apps);
  }
}
