package dev.flightplan.kinds.hygiene;

import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.InactiveTesterPolicy;
import dev.flightplan.config.Manage;
import dev.flightplan.kinds.GroupMembers;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Change;
import dev.flightplan.state.InvitationLog;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.TesterActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The groups' own inactive-tester policies ({@code inactiveTesters} under an external group): a
 * member with no session in the period whom flightplan has known for more than {@code graceDays}
 * leaves that group (a membership removal: it stays in the app and its other groups), with {@code
 * --prune}. Uses the app's usage, read once for the app's one period.
 *
 * <p>Never removed: testers the group lists, those in the policy's {@code keep}, testers leaving
 * the app anyway (the app's policy, {@code manage.testers: exclusive}), and, with {@code
 * manage.testers: exclusive}, members the group already loses for not being listed (only those who
 * joined through the public link remain for the policy). The removal is an update of the group
 * whose reason gives each tester's activity, so it counts against {@code --max-deletes} and the
 * empty-group guard like any member removal.
 */
final class GroupInactiveTesters {
  private GroupInactiveTesters() {}

  static void plan(
      AppContext ctx, Map<String, TesterActivity> activity, Set<String> seen, Set<String> leaving) {
    for (GroupSpec group : ctx.desired().groups()) {
      InactiveTesterPolicy policy = group.inactiveTesters();
      LiveGroup live = policy == null ? null : ctx.liveGroup(group.name()).orElse(null);
      if (live == null || live.internal()) {
        // a group still to be created has no members to judge; internal groups are refused by
        // the loader (and a live internal group here is being replaced)
        continue;
      }
      planGroup(ctx, group, policy, live, activity, seen, leaving);
    }
  }

  private static void planGroup(
      AppContext ctx,
      GroupSpec group,
      InactiveTesterPolicy policy,
      LiveGroup live,
      Map<String, TesterActivity> activity,
      Set<String> seen,
      Set<String> leaving) {
    boolean exclusive = ctx.desired().manage().testers() == Manage.TestersMode.EXCLUSIVE;
    InvitationLog log = ctx.history().log();
    Instant now = ctx.history().now();
    List<InactiveTesters.Removal> removals = new ArrayList<>();
    int waiting = 0;
    Set<String> listed = Set.copyOf(group.testers());
    Set<String> keep = Set.copyOf(policy.keep());
    List<LiveTester> members = new ArrayList<>(ctx.liveMembers(live.id()));
    members.sort(Comparator.comparing(LiveTester::id));
    for (LiveTester t : members) {
      if (t.email() != null && (listed.contains(t.email()) || keep.contains(t.email()))
          || ctx.leavesApp(t)
          || leaving.contains(t.id())
          || exclusive && !t.joinedByPublicLink()) {
        continue;
      }
      TesterActivity a = activity.get(t.id());
      InvitationLog.Entry known = log.entry(ctx.app(), t.id()).orElse(null);
      InactiveTesters.Standing standing =
          InactiveTesters.standing(ctx, t, a, known, policy.graceDays(), now, seen);
      if (standing == InactiveTesters.Standing.UNSEEN
          || standing == InactiveTesters.Standing.IN_GRACE) {
        waiting++;
      }
      if (standing != InactiveTesters.Standing.INACTIVE) {
        continue;
      }
      removals.add(new InactiveTesters.Removal(t, a, known));
    }
    Address address = Address.group(ctx.app(), group.name());
    if (waiting > 0) {
      ctx.out()
          .note(
              ctx.app(),
              address.toString(),
              waiting
                  + " inactive member(s) are within their "
                  + policy.graceDays()
                  + " days of grace, or first seen by this plan (inactiveTesters.graceDays)");
    }
    if (removals.isEmpty()) {
      return;
    }
    if (!ctx.options().prune()) {
      ctx.out()
          .note(
              ctx.app(),
              address.toString(),
              "--prune would remove "
                  + removals.size()
                  + " inactive tester(s) from the group (no session in "
                  + policy.noSessionDays()
                  + " days; the group's inactiveTesters)");
      return;
    }
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    StringBuilder reason = new StringBuilder();
    for (InactiveTesters.Removal r : removals) {
      LiveTester t = r.tester();
      String name = t.email() == null ? "(tester " + t.id() + ")" : t.email();
      names.add(name);
      ids.add(t.id());
      ctx.out().reliesOnActivity(ctx.app(), t.id());
      reason.append(name).append(": ").append(InactiveTesters.activity(policy, r)).append(". ");
    }
    reason.append(
        "The group's inactiveTesters and --prune; removed from this group only, not from the app");
    ctx.out()
        .action(
            new Action.Update(
                address,
                live.id(),
                List.of(new Change.Members("testers", List.of(), names)),
                reason.toString()));
    GroupMembers.removeFromGroup(ctx, live.id(), ids, address);
  }
}
