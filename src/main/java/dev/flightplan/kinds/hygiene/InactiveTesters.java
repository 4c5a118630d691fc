package dev.flightplan.kinds.hygiene;

import dev.flightplan.config.GroupName;
import dev.flightplan.config.InactiveTesterPolicy;
import dev.flightplan.kinds.Kind;
import dev.flightplan.kinds.TesterKind;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.InvitationRecord;
import dev.flightplan.plan.TesterLimits;
import dev.flightplan.state.InvitationLog;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.TesterActivity;
import dev.flightplan.state.UsageRead;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inactive-tester policy ({@code inactiveTesters}) of one app: a tester with no session in the
 * policy's period (Apple's usage metrics, read for this policy only) whom flightplan has known for
 * more than {@code graceDays} leaves the app, with {@code --prune} (without it the plan says what
 * {@code --prune} would remove). A removal is a tester {@code delete} like any other: removed from
 * this app only, never from the team, and counted by {@code --max-deletes}.
 *
 * <p>Never removed: testers the file lists (the file wants them; removing them would be undone by
 * the next apply), those in {@code keep}, members of {@code keepGroups}, members of internal groups
 * (unless {@code keepInternal: false}), and testers whom {@code manage.testers: exclusive} already
 * removes. App Store Connect does not date testers, so the grace counts from the invitation log's
 * date: when flightplan invited the tester, or first saw it (a tester with no entry is recorded by
 * the next apply and not removed before its grace is over).
 *
 * <p>Also notes the app's headroom against App Store Connect's tester limits ({@link TesterLimits})
 * and what the policy frees.
 */
public final class InactiveTesters implements Kind {
  @Override
  public List<String> types() {
    return List.of("tester");
  }

  /**
   * The testers' usage in the policy's period, read for the apps whose file declares the policy.
   */
  private static final UsageRead USAGE =
      new UsageRead(
          app ->
              app.inactiveTesterPolicies().isEmpty()
                  ? null
                  : app.inactiveTesterPolicies().get(0).period(),
          new UsageReader());

  @Override
  public UsageRead usageRead() {
    return USAGE;
  }

  @Override
  public void plan(AppContext ctx) {
    if (ctx.desired().inactiveTesterPolicies().isEmpty() || ctx.options().invitationsOnly()) {
      return;
    }
    Map<String, TesterActivity> activity = new HashMap<>();
    ctx.live().activity().forEach(a -> activity.put(a.testerId(), a));
    Set<String> seen = new HashSet<>();
    Set<String> leaving = new HashSet<>();
    if (ctx.desired().inactiveTesters() != null) {
      planApp(ctx, ctx.desired().inactiveTesters(), activity, seen, leaving);
    }
    GroupInactiveTesters.plan(ctx, activity, seen, leaving);
    forgetGone(ctx);
  }

  /**
   * The app's policy; {@code seen} gets the testers it records in the log, {@code leaving} those it
   * removes (or would remove, with --prune) from the app.
   */
  private static void planApp(
      AppContext ctx,
      InactiveTesterPolicy policy,
      Map<String, TesterActivity> activity,
      Set<String> seen,
      Set<String> leaving) {
    Set<String> exemptGroups = exemptGroupIds(ctx, policy);
    Set<String> keep = Set.copyOf(policy.keep());
    InvitationLog log = ctx.history().log();
    Instant now = ctx.history().now();
    List<Removal> removals = new ArrayList<>();
    int unseen = 0;
    int inGrace = 0;
    for (LiveTester t : ctx.live().testers()) {
      if (ctx.leavesApp(t)
          || ctx.declared(t.email())
          || t.email() != null && keep.contains(t.email())
          || t.groupIds().stream().anyMatch(exemptGroups::contains)) {
        continue;
      }
      TesterActivity a = activity.get(t.id());
      InvitationLog.Entry known = log.entry(ctx.app(), t.id()).orElse(null);
      Standing standing = standing(ctx, t, a, known, policy.graceDays(), now, seen);
      if (standing == Standing.UNSEEN) {
        unseen++;
      } else if (standing == Standing.IN_GRACE) {
        inGrace++;
      }
      if (standing != Standing.INACTIVE) {
        continue;
      }
      removals.add(new Removal(t, a, known));
      leaving.add(t.id());
    }
    TesterLimits.Headroom headroom = TesterLimits.headroom(ctx);
    if (ctx.options().prune()) {
      remove(ctx, policy, removals);
    } else if (!removals.isEmpty()) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              "--prune would remove "
                  + removals.size()
                  + " inactive tester(s) from the app (no session"
                  + " in "
                  + policy.noSessionDays()
                  + " days, known to flightplan for more than "
                  + policy.graceDays()
                  + " days; inactiveTesters)");
    }
    if (unseen > 0) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              unseen
                  + " inactive tester(s) have no date in the invitation log (App Store Connect"
                  + " does not date testers): apply records them today, and they can be removed "
                  + policy.graceDays()
                  + " day(s) later if still inactive");
    }
    if (inGrace > 0) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              inGrace
                  + " inactive tester(s) are within their "
                  + policy.graceDays()
                  + " days of grace (inactiveTesters.graceDays)");
    }
    ctx.out().note(ctx.app(), ctx.app(), headroom(ctx, headroom, removals));
  }

  /**
   * An inactive tester the policy removes, with what it did in the period and when flightplan first
   * knew it.
   */
  record Removal(LiveTester tester, TesterActivity activity, InvitationLog.Entry known) {}

  private static Set<String> exemptGroupIds(AppContext ctx, InactiveTesterPolicy policy) {
    Set<String> ids = new HashSet<>();
    for (LiveGroup g : ctx.live().groups()) {
      boolean named = policy.keepGroups().stream().anyMatch(n -> GroupName.same(n, g.name()));
      if (named || policy.keepInternal() && g.internal()) {
        ids.add(g.id());
      }
    }
    return ids;
  }

  /** Drops the log's sightings of testers who are no longer in the app. */
  private static void forgetGone(AppContext ctx) {
    if (!ctx.desired().datesTesters()) {
      return;
    }
    Set<String> present = new HashSet<>();
    ctx.live().testers().forEach(t -> present.add(t.id()));
    for (String id : ctx.history().log().of(ctx.app()).keySet()) {
      if (!present.contains(id)) {
        ctx.out().invitation(InvitationRecord.forget(ctx.app(), id));
      }
    }
  }

  private static void remove(AppContext ctx, InactiveTesterPolicy policy, List<Removal> removals) {
    List<String> ids = new ArrayList<>();
    List<Address> served = new ArrayList<>();
    for (Removal r : removals) {
      LiveTester t = r.tester();
      Address address = Address.tester(ctx.app(), t.email() == null ? t.id() : t.email());
      TesterActivity a = r.activity();
      ctx.out()
          .action(
              new Action.Delete(
                  address,
                  t.id(),
                  Attributes.builder()
                      .put("firstName", t.firstName())
                      .put("lastName", t.lastName())
                      .put("state", t.state())
                      .put("sessions", a == null ? 0 : a.sessions())
                      .put("period", policy.period())
                      .put("knownSince", r.known() == null ? null : day(r.known().at()).toString())
                      .build(),
                  reason(policy, r)));
      ids.add(t.id());
      ctx.out().reliesOnActivity(ctx.app(), t.id());
      served.add(address);
    }
    TesterKind.removeFromApp(ctx, ids, served);
  }

  /**
   * "no session in 90 days (2025-10-18 to 2026-01-15); 0 sessions, 0 crashes, 0 feedback; invited
   * 2025-08-01 ...".
   */
  private static String reason(InactiveTesterPolicy policy, Removal r) {
    return activity(policy, r)
        .append("; inactiveTesters and --prune; removed from this app only, not from the team")
        .toString();
  }

  /** What the tester did in the period and when flightplan first knew it. */
  static StringBuilder activity(InactiveTesterPolicy policy, Removal r) {
    TesterActivity a = r.activity();
    StringBuilder s = new StringBuilder("no session in " + policy.noSessionDays() + " days");
    if (a == null) {
      s.append("; App Store Connect reports no usage for it");
    } else {
      if (a.periodStart() != null && a.periodEnd() != null) {
        s.append(" (")
            .append(a.periodStart(), 0, 10)
            .append(" to ")
            .append(lastDay(a.periodEnd()))
            .append(')');
      }
      s.append("; ")
          .append(a.sessions())
          .append(" sessions, ")
          .append(a.crashes())
          .append(" crashes, ")
          .append(a.feedback())
          .append(" feedback");
    }
    if (r.known() != null) {
      s.append(r.known().sent() ? "; invited by flightplan " : "; first seen by flightplan ")
          .append(day(r.known().at()));
    } else {
      s.append("; graceDays is 0 (App Store Connect does not date testers)");
    }
    if (r.tester().joinedByPublicLink()) {
      s.append("; joined through a public link");
    }
    return s;
  }

  private static String headroom(
      AppContext ctx, TesterLimits.Headroom now, List<Removal> removals) {
    int internal = 0;
    int external = 0;
    for (Removal r : removals) {
      internal += now.internal().contains(r.tester().id()) ? 1 : 0;
      external += now.external().contains(r.tester().id()) ? 1 : 0;
    }
    String frees =
        removals.isEmpty()
            ? "the inactive-tester policy removes nobody"
            : "the inactive-tester policy "
                + (ctx.options().prune() ? "frees " : "would free (with --prune) ")
                + external
                + " external and "
                + internal
                + " internal place(s)";
    return "tester headroom: "
        + String.format("%,d", now.external().size())
        + " of "
        + String.format("%,d", TesterLimits.EXTERNAL)
        + " external testers ("
        + String.format("%,d", now.externalLeft())
        + " places left), "
        + now.internal().size()
        + " of "
        + TesterLimits.INTERNAL
        + " internal ("
        + now.internalLeft()
        + " left); "
        + frees;
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  /** The last day of a period that ends (exclusively) at {@code end}. */
  private static LocalDate lastDay(String end) {
    return LocalDate.parse(end.substring(0, 10)).minusDays(1);
  }

  /** Where a tester stands under an inactive-tester policy. */
  enum Standing {
    /** It had a session in the period. */
    ACTIVE,
    /** No session, and flightplan has no date for it yet (recorded now: the grace starts). */
    UNSEEN,
    /** No session, but flightplan has known it for less than the grace. */
    IN_GRACE,
    /** No session, and past its grace: the policy removes it. */
    INACTIVE
  }

  /**
   * Where tester {@code t} stands, given its activity {@code a} in the period, what the invitation
   * log {@code known}s of it and the policy's {@code graceDays}; a tester the log lacks is recorded
   * (once: {@code seen}).
   */
  static Standing standing(
      AppContext ctx,
      LiveTester t,
      TesterActivity a,
      InvitationLog.Entry known,
      int graceDays,
      Instant now,
      Set<String> seen) {
    if (a != null && a.sessions() > 0) {
      return Standing.ACTIVE;
    }
    if (graceDays > 0) {
      if (known == null) {
        if (seen.add(t.id())) {
          ctx.out().invitation(InvitationRecord.seen(ctx.app(), t.id()));
        }
        return Standing.UNSEEN;
      }
      if (known.at().plus(Duration.ofDays(graceDays)).isAfter(now)) {
        return Standing.IN_GRACE;
      }
    }
    return Standing.INACTIVE;
  }
}
