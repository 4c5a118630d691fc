package dev.flightplan.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Changes to builds: export compliance and early expiry, auto-notify, and which groups and testers
 * a build is given to. Like {@link Operations}, each checks everything before changing anything.
 */
final class BuildOperations {
  private final SandboxState state;
  private final Builds builds;
  private final BuildRules rules;
  private final TesterLimits limits;

  BuildOperations(SandboxState state, BuildRules rules) {
    this.state = state;
    this.builds = state.builds();
    this.rules = rules;
    this.limits = new TesterLimits(state);
  }

  /**
   * {@code expired} may only be set to true; an expired build takes no other change. Nulls were not
   * sent.
   */
  Build update(String buildId, Boolean expired, Boolean usesNonExemptEncryption) {
    Build build = builds.builds.get(buildId);
    if (Boolean.FALSE.equals(expired)) {
      throw ApiException.attributeInvalid(
          "/data/attributes/expired",
          "A build cannot be made unexpired; 'expired' only accepts true.");
    }
    if (usesNonExemptEncryption != null) {
      refuseIfExpired(build);
    }
    Build updated = build;
    if (usesNonExemptEncryption != null) {
      updated = updated.withEncryption(usesNonExemptEncryption);
    }
    if (Boolean.TRUE.equals(expired)) {
      updated = updated.withExpired(true);
    }
    builds.builds.put(updated);
    return updated;
  }

  Build setAutoNotify(String buildId, Boolean enabled) {
    Build build = builds.builds.get(buildId);
    if (enabled == null) {
      return build;
    }
    refuseIfExpired(build);
    Build updated = build.withAutoNotify(enabled);
    builds.builds.put(updated);
    return updated;
  }

  /** Group side: every build must exist (404), fit the group, and not be in it yet (409). */
  void addToGroup(String groupId, List<String> buildIds) {
    Group group = state.group(groupId);
    List<Build> added = new ArrayList<>();
    for (String id : new LinkedHashSet<>(buildIds)) {
      Build build = builds.builds.get(id);
      String pointer = "/data/" + buildIds.indexOf(id) + "/id";
      rules.checkForGroup(build, group, pointer);
      if (build.groups().contains(groupId)) {
        throw ApiException.relationshipInvalid(
            pointer,
            "The build '"
                + builds.label(build)
                + "' is already assigned to the beta group '"
                + group.name()
                + "'.");
      }
      added.add(build);
    }
    added.forEach(b -> builds.builds.put(b.withGroups(Build.plus(b.groups(), groupId))));
  }

  /** Build side: every group must exist (404), take the build, and not have it yet (409). */
  void addGroups(String buildId, List<String> groupIds) {
    Build build = builds.builds.get(buildId);
    List<String> added = new ArrayList<>();
    for (String id : new LinkedHashSet<>(groupIds)) {
      Group group = state.group(id);
      String pointer = "/data/" + groupIds.indexOf(id) + "/id";
      rules.checkForGroup(build, group, pointer);
      if (build.groups().contains(id)) {
        throw ApiException.relationshipInvalid(
            pointer,
            "The build '"
                + builds.label(build)
                + "' is already assigned to the beta group '"
                + group.name()
                + "'.");
      }
      added.add(id);
    }
    List<String> groups = new ArrayList<>(build.groups());
    groups.addAll(added);
    builds.builds.put(build.withGroups(groups));
  }

  /** Every build must exist (404); builds not in the group are left alone. */
  void removeFromGroup(String groupId, List<String> buildIds) {
    state.group(groupId);
    for (String id : new LinkedHashSet<>(buildIds)) {
      builds.builds.get(id);
    }
    for (String id : new LinkedHashSet<>(buildIds)) {
      Build build = builds.builds.get(id);
      builds.builds.put(build.withGroups(Build.minus(build.groups(), groupId)));
    }
  }

  void removeGroups(String buildId, List<String> groupIds) {
    Build build = builds.builds.get(buildId);
    groupIds.forEach(state::group);
    List<String> kept = new ArrayList<>(build.groups());
    kept.removeAll(groupIds);
    builds.builds.put(build.withGroups(kept));
  }

  /**
   * Individual testers: each must exist (404) and not have the build yet (409); the build must be
   * testable.
   */
  void addTesters(String buildId, List<String> testerIds) {
    Build build = builds.builds.get(buildId);
    List<Tester> testers = new ArrayList<>();
    for (String id : new LinkedHashSet<>(testerIds)) {
      Tester tester = state.tester(id);
      if (build.individualTesters().contains(id)) {
        throw ApiException.relationshipInvalid(
            "/data/" + testerIds.indexOf(id) + "/id",
            "The beta tester '" + id + "' already has the build '" + builds.label(build) + "'.");
      }
      testers.add(tester);
    }
    rules.checkForTester(build);
    limits.check(build.app(), false, testers.stream().map(Tester::id).toList());
    testers.forEach(t -> give(build.id(), t));
  }

  /**
   * Tester side: every build must exist (404), be one the tester may get, and not be the tester's
   * yet (409).
   */
  void giveBuilds(String testerId, List<String> buildIds) {
    Tester tester = state.tester(testerId);
    List<Build> given = new ArrayList<>();
    for (String id : new LinkedHashSet<>(buildIds)) {
      Build build = builds.builds.get(id);
      if (build.individualTesters().contains(testerId)) {
        throw ApiException.relationshipInvalid(
            "/data/" + buildIds.indexOf(id) + "/id",
            "The beta tester '"
                + testerId
                + "' already has the build '"
                + builds.label(build)
                + "'.");
      }
      rules.checkForTester(build);
      given.add(build);
    }
    given.forEach(b -> limits.check(b.app(), false, List.of(testerId)));
    given.forEach(b -> give(b.id(), state.tester(tester.id())));
  }

  /** Tester side: every build must exist (404); builds the tester was not given are left alone. */
  void takeBuilds(String testerId, List<String> buildIds) {
    state.tester(testerId);
    buildIds.forEach(builds.builds::get);
    for (String id : buildIds) {
      Build build = builds.builds.get(id);
      builds.builds.put(build.withTesters(Build.minus(build.individualTesters(), testerId)));
    }
  }

  void removeTesters(String buildId, List<String> testerIds) {
    Build build = builds.builds.get(buildId);
    testerIds.forEach(state::tester);
    List<String> kept = new ArrayList<>(build.individualTesters());
    kept.removeAll(testerIds);
    builds.builds.put(build.withTesters(kept));
  }

  /** Gives a checked build to a tester: it may then test the app, and gets the invitation email. */
  void give(String buildId, Tester tester) {
    Build build = builds.builds.get(buildId);
    if (!build.individualTesters().contains(tester.id())) {
      builds.builds.put(build.withTesters(Build.plus(build.individualTesters(), tester.id())));
    }
    state.putTester(
        builds.invitedByAppStoreConnect(state.tester(tester.id()).withApp(build.app())));
  }

  private void refuseIfExpired(Build build) {
    if (build.expired()) {
      throw ApiException.stateInvalid(
          "The build '" + builds.label(build) + "' has expired and can no longer be changed.");
    }
  }
}
