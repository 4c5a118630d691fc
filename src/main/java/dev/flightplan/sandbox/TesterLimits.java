package dev.flightplan.sandbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * App Store Connect's tester limits per app: at most {@value #INTERNAL} internal testers (members
 * of its internal groups) and {@value #EXTERNAL} external testers (members of its external groups,
 * public-link joiners among them, and testers given one of its builds individually); a tester
 * counts once per kind. A change that would take an app past a limit is refused before anything
 * changes, with 409 {@code STATE_ERROR.ENTITY_STATE_INVALID} saying how many places are left (Apple
 * documents the limits, not its error: the code and wording are our assumption).
 */
final class TesterLimits {
  static final int INTERNAL = 100;
  static final int EXTERNAL = 10_000;

  private final SandboxState state;

  TesterLimits(SandboxState state) {
    this.state = state;
  }

  /**
   * Refuses when the testers {@code joining} (ids; an id the state does not know counts as a new
   * tester) would take the app past its internal or external limit.
   */
  void check(String appId, boolean internal, Collection<String> joining) {
    int limit = internal ? INTERNAL : EXTERNAL;
    if (atMost(appId, internal) + joining.size() <= limit) {
      return; // cannot be past the limit: no need to count who is in several groups
    }
    Set<String> current = internal ? internal(appId) : external(appId);
    Set<String> after = new HashSet<>(current);
    after.addAll(joining);
    if (after.size() > limit && after.size() > current.size()) {
      String kind = internal ? "internal" : "external";
      int left = Math.max(0, limit - current.size());
      throw ApiException.stateInvalid(
          "The app '"
              + state.app(appId).bundleId()
              + "' has "
              + current.size()
              + " "
              + kind
              + " testers; App Store Connect allows at most "
              + limit
              + " per app, so "
              + left
              + " more can be added, not "
              + (after.size() - current.size())
              + ".");
    }
  }

  /**
   * At least as many as the app's testers of the kind: its groups' members counted once per group.
   */
  private long atMost(String appId, boolean internal) {
    long n = 0;
    for (Group group : state.groupsOfApp(appId)) {
      if (group.internal() == internal) {
        n += state.memberIds(group.id()).size();
      }
    }
    if (!internal) {
      for (Build build : state.builds().builds.where(b -> b.app().equals(appId))) {
        n += build.individualTesters().size();
      }
    }
    return n;
  }

  /** The ids of the app's internal testers. */
  Set<String> internal(String appId) {
    return members(appId, true);
  }

  /**
   * The ids of the app's external testers: external group members and testers given a build
   * individually.
   */
  Set<String> external(String appId) {
    Set<String> ids = members(appId, false);
    for (Build build : state.builds().builds.where(b -> b.app().equals(appId))) {
      ids.addAll(build.individualTesters());
    }
    return ids;
  }

  private Set<String> members(String appId, boolean internal) {
    Set<String> groups = new HashSet<>();
    state.groupsOfApp(appId).stream()
        .filter(g -> g.internal() == internal)
        .forEach(g -> groups.add(g.id()));
    Set<String> ids = new HashSet<>();
    for (String group : groups) {
      ids.addAll(state.memberIds(group));
    }
    return ids;
  }
}
