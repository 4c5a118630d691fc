package dev.flightplan.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who is in which group, changed from either side (the group's {@code betaTesters}, the tester's
 * {@code betaGroups}), and testers leaving a whole app. Every change checks everything first,
 * including {@link TesterLimits}, and changes nothing when it refuses.
 */
final class MembershipOperations {
  private final SandboxState state;
  private final TesterLimits limits;

  MembershipOperations(SandboxState state) {
    this.state = state;
    this.limits = new TesterLimits(state);
  }

  TesterLimits limits() {
    return limits;
  }

  /** Group-side add: every tester must exist (404), none may be a member already (409). */
  void addMembers(String groupId, List<String> testerIds) {
    Group group = state.group(groupId);
    List<Tester> testers = existingTesters(testerIds);
    for (Tester tester : testers) {
      if (tester.groups().contains(groupId)) {
        throw ApiException.relationshipInvalid(
            "/data/" + testerIds.indexOf(tester.id()) + "/id",
            "The beta tester '"
                + tester.id()
                + "' is already a member of the beta group '"
                + groupId
                + "'");
      }
      if (group.internal()) {
        requireUser(tester);
      }
    }
    limits.check(group.app(), group.internal(), testers.stream().map(Tester::id).toList());
    testers.forEach(t -> join(t, group));
  }

  /**
   * Tester side: every group must exist (404), none may have the tester already (409); the limits
   * hold.
   */
  void joinGroups(String testerId, List<String> groupIds) {
    Tester tester = state.tester(testerId);
    List<Group> groups = new ArrayList<>();
    for (String id : new LinkedHashSet<>(groupIds)) {
      Group group = state.group(id);
      if (tester.groups().contains(id)) {
        throw ApiException.relationshipInvalid(
            "/data/" + groupIds.indexOf(id) + "/id",
            "The beta tester '"
                + testerId
                + "' is already a member of the beta group '"
                + id
                + "'");
      }
      if (group.internal()) {
        requireUser(tester);
      }
      groups.add(group);
    }
    groups.forEach(g -> limits.check(g.app(), g.internal(), List.of(testerId)));
    groups.forEach(g -> join(state.tester(testerId), g));
  }

  /** Tester side: every group must exist (404); groups the tester is not in are left alone. */
  void leaveGroups(String testerId, List<String> groupIds) {
    state.tester(testerId);
    groupIds.forEach(state::group);
    for (String id : groupIds) {
      state.putTester(state.tester(testerId).leaving(id));
    }
  }

  /**
   * Group-side remove: every tester must exist (404); testers that are not members are left alone.
   */
  void removeMembers(String groupId, List<String> testerIds) {
    state.group(groupId);
    for (Tester tester : existingTesters(testerIds)) {
      state.putTester(tester.leaving(groupId));
    }
  }

  /**
   * The testers lose every group and every individually given build of the app, and their access to
   * it.
   */
  void removeFromApp(String appId, List<String> testerIds) {
    state.app(appId);
    List<String> groupIds = state.groupsOfApp(appId).stream().map(Group::id).toList();
    for (Tester tester : existingTesters(testerIds)) {
      state.putTester(tester.losingApp(appId, groupIds));
      for (Build build : state.builds().ofTester(tester.id())) {
        if (build.app().equals(appId)) {
          state
              .builds()
              .builds
              .put(build.withTesters(Build.minus(build.individualTesters(), tester.id())));
        }
      }
    }
  }

  void join(Tester tester, Group group) {
    Tester joined = tester.joining(group.id(), group.app());
    // External groups send the invitation email; internal ones wait for a build (api-behaviour.md
    // 5.2).
    state.putTester(group.internal() ? joined : state.builds().invitedByAppStoreConnect(joined));
  }

  private List<Tester> existingTesters(List<String> testerIds) {
    List<Tester> testers = new ArrayList<>();
    for (String id : new LinkedHashSet<>(testerIds)) {
      testers.add(state.tester(id));
    }
    return testers;
  }

  void requireUser(Tester tester) {
    if (!state.isUser(tester.email())) {
      throw notAUser(tester.email() == null ? tester.id() : tester.email());
    }
  }

  static ApiException notAUser(String who) {
    return ApiException.unprocessable(
        "'"
            + who
            + "' is not an App Store Connect user of this team; only users can be members of internal groups.");
  }
}
