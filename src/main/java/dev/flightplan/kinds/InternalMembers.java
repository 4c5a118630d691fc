package dev.flightplan.kinds;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.GroupMatch;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.TeamUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Internal groups take only App Store Connect users of the team; App Store Connect refuses anyone
 * else with a 422, half way through an apply. So the plan checks every tester who would join an
 * internal group (created in it, added to it, or in it when the group is created or re-created)
 * against the team's users, and reports each one who is not a user where the file puts them in the
 * group. Testers already in the live internal group the file's group is ({@link GroupMatch}) are
 * users (App Store Connect let them in) and cost nothing: the users are read only when someone
 * would join.
 */
public final class InternalMembers {
  /**
   * A tester the file puts in an internal group that it is not a live member of, and where the file
   * says so.
   */
  record Join(String group, String email, SourcePos pos) {}

  private InternalMembers() {}

  /**
   * Whether planning {@code desired} against {@code live} needs the team's users: someone joins an
   * internal group.
   */
  public static boolean needsUsers(DesiredState desired, LiveState live, PlanOptions options) {
    return !options.invitationsOnly() && !joining(desired, live).isEmpty();
  }

  /**
   * By app, the emails that would join an internal group of it: those whose being users a saved
   * plan relies on.
   */
  public static Map<String, Set<String>> joining(DesiredState desired, LiveState live) {
    Map<String, Set<String>> byApp = new TreeMap<>();
    for (AppSpec app : desired.apps()) {
      live.app(app.bundleId())
          .ifPresent(
              l ->
                  joins(app, l)
                      .forEach(
                          j ->
                              byApp
                                  .computeIfAbsent(app.bundleId(), k -> new TreeSet<>())
                                  .add(j.email())));
    }
    return byApp;
  }

  /**
   * An error for each tester who would join an internal group and is not a user; a note instead
   * when the users could not be read. Nothing when they were not read: nobody joins (or the caller
   * does not check).
   */
  static void check(AppContext ctx) {
    TeamUsers users = ctx.users();
    if (users.status() == TeamUsers.Status.NOT_READ || ctx.options().invitationsOnly()) {
      return;
    }
    List<Join> joins = joins(ctx.desired(), ctx.live());
    if (joins.isEmpty()) {
      return;
    }
    if (users.status() == TeamUsers.Status.REFUSED) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              "the membership of internal groups could not be checked: "
                  + joins.size()
                  + " tester(s) would join an internal group, and App Store Connect refused to list the team's users ("
                  + users.refusal()
                  + "). Apply fails for anyone who is not an App Store Connect user of the team: check them"
                  + " in Users and Access, or plan with an API key whose role may list users");
      return;
    }
    for (Join j : joins) {
      if (!users.isUser(j.email())) {
        ctx.out()
            .diagnostic(
                Diagnostic.error(
                    j.pos(),
                    "tester "
                        + j.email()
                        + " cannot join internal group \""
                        + j.group()
                        + "\": it is not an App Store Connect user of the team",
                    "invite them in Users and Access first, which emails them the invitation, or put them in an"
                        + " external group"));
      }
    }
  }

  /**
   * The testers the file puts in internal groups of the app who are not already in the live
   * internal group.
   */
  static List<Join> joins(AppSpec desired, LiveApp live) {
    Map<String, Set<String>> liveMembers = new HashMap<>();
    for (LiveTester t : live.testers()) {
      for (String id : t.groupIds()) {
        if (t.email() != null) {
          liveMembers.computeIfAbsent(id, k -> new HashSet<>()).add(t.email());
        }
      }
    }
    // the live group each internal group of the file is, by name in any case or form, or by its old
    // name
    GroupMatch match = GroupMatch.of(desired, live.groups());
    Map<String, TesterSpec> testers = new HashMap<>();
    desired.testers().forEach(t -> testers.put(t.email(), t));
    Map<String, Set<String>> members = desired.membersByGroup();
    List<Join> joins = new ArrayList<>();
    for (GroupSpec g : desired.groups()) {
      if (!g.internal()) {
        continue;
      }
      Set<String> already =
          match
              .live(g.name())
              .filter(LiveGroup::internal)
              .map(l -> liveMembers.getOrDefault(l.id(), Set.of()))
              .orElse(Set.of());
      for (String email : members.getOrDefault(g.name(), Set.of())) {
        if (!already.contains(email)) {
          joins.add(new Join(g.name(), email, where(g, testers.get(email), email)));
        }
      }
    }
    return joins;
  }

  /** The email in the group's testers list, or else the group in the tester's own groups. */
  private static SourcePos where(GroupSpec group, TesterSpec tester, String email) {
    if (group.testersAt().containsKey(email) || tester == null) {
      return group.testerPos(email);
    }
    return tester.groupPos(group.name());
  }
}
