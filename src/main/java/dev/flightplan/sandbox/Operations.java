package dev.flightplan.sandbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The TestFlight rules the sandbox enforces on every change, over {@link SandboxState}. Each
 * operation checks everything first and changes nothing when it refuses, so a failed request leaves
 * no partial effect.
 */
final class Operations {
  static final int MAX_PUBLIC_LINK_LIMIT = 10_000;

  private final SandboxState state;
  private final Clock clock;
  private final Ids ids;
  private final BuildRules rules;
  private final BuildOperations buildOperations;
  private final MembershipOperations memberships;
  private final TesterLimits limits;

  Operations(
      SandboxState state,
      Clock clock,
      Ids ids,
      BuildRules rules,
      BuildOperations buildOperations,
      MembershipOperations memberships) {
    this.state = state;
    this.clock = clock;
    this.ids = ids;
    this.rules = rules;
    this.buildOperations = buildOperations;
    this.memberships = memberships;
    this.limits = memberships.limits();
  }

  /** The values of a group create request; null Booleans were not sent. */
  record GroupCreate(
      String appId,
      String name,
      Boolean internal,
      Boolean accessToAllBuilds,
      Boolean publicLinkEnabled,
      Boolean publicLinkLimitEnabled,
      Integer publicLinkLimit,
      Boolean feedbackEnabled,
      List<String> testerIds,
      List<String> buildIds) {}

  /** The values of a group update request; null means "leave as it is". */
  record GroupPatch(
      String name,
      Boolean publicLinkEnabled,
      Boolean publicLinkLimitEnabled,
      Integer publicLinkLimit,
      Boolean feedbackEnabled,
      Boolean appleSiliconMac,
      Boolean appleVision) {}

  Group createGroup(GroupCreate c) {
    if (state.appOrNull(c.appId()) == null) {
      throw ApiException.relatedNotFound("/data/relationships/app/data/id", "apps", c.appId());
    }
    boolean internal = Boolean.TRUE.equals(c.internal());
    checkName(c.appId(), null, c.name());
    if (Boolean.TRUE.equals(c.accessToAllBuilds()) && !internal) {
      throw ApiException.attributeInvalid(
          "/data/attributes/hasAccessToAllBuilds",
          "Only internal groups can have access to all builds.");
    }
    checkPublicLink(
        internal, c.publicLinkEnabled(), c.publicLinkLimitEnabled(), c.publicLinkLimit());
    checkLimitHasValue(Boolean.TRUE.equals(c.publicLinkLimitEnabled()), c.publicLinkLimit());
    if (!internal && state.groupsOfApp(c.appId()).stream().noneMatch(Group::internal)) {
      throw ApiException.stateInvalid(
          "An internal group is required before creating an external group.");
    }
    List<Tester> newMembers = new ArrayList<>();
    for (int i = 0; i < c.testerIds().size(); i++) {
      Tester tester = state.testerOrNull(c.testerIds().get(i));
      if (tester == null) {
        throw ApiException.relatedNotFound(
            "/data/relationships/betaTesters/data/" + i + "/id",
            "betaTesters",
            c.testerIds().get(i));
      }
      newMembers.add(tester);
    }
    if (internal) {
      newMembers.forEach(memberships::requireUser);
    }
    boolean linkEnabled = Boolean.TRUE.equals(c.publicLinkEnabled());
    Group group =
        new Group(
            ids.uuid(),
            c.appId(),
            c.name(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
            internal,
            Boolean.TRUE.equals(c.accessToAllBuilds()),
            linkEnabled,
            Boolean.TRUE.equals(c.publicLinkLimitEnabled()),
            c.publicLinkLimit(),
            linkEnabled ? ids.publicLinkId() : null,
            Boolean.TRUE.equals(c.feedbackEnabled()),
            false,
            false);
    List<Build> builds = new ArrayList<>();
    for (int i = 0; i < c.buildIds().size(); i++) {
      String pointer = "/data/relationships/builds/data/" + i + "/id";
      Build build = state.builds().builds.orNull(c.buildIds().get(i));
      if (build == null) {
        throw ApiException.relatedNotFound(pointer, "builds", c.buildIds().get(i));
      }
      rules.checkForGroup(build, group, pointer);
      builds.add(build);
    }
    if (linkEnabled && builds.isEmpty()) {
      throw publicLinkNeedsBuild();
    }
    limits.check(c.appId(), internal, newMembers.stream().map(Tester::id).toList());
    state.putGroup(group);
    newMembers.forEach(t -> memberships.join(state.tester(t.id()), group));
    builds.forEach(
        b -> state.builds().builds.put(b.withGroups(Build.plus(b.groups(), group.id()))));
    return group;
  }

  private static ApiException publicLinkNeedsBuild() {
    return ApiException.stateInvalid(
        "A public link can only be enabled once the group has a build: add a build to the group first.");
  }

  /** A limit that is switched on must have a value. */
  private static void checkLimitHasValue(boolean limitEnabled, Integer limit) {
    if (limitEnabled && limit == null) {
      throw ApiException.attributeInvalid(
          "/data/attributes/publicLinkLimitEnabled",
          "A public link limit can only be enabled with a publicLinkLimit.");
    }
  }

  Group updateGroup(String groupId, GroupPatch p) {
    Group group = state.group(groupId);
    if (p.name() != null) {
      checkName(group.app(), group.id(), p.name());
    }
    checkPublicLink(
        group.internal(), p.publicLinkEnabled(), p.publicLinkLimitEnabled(), p.publicLinkLimit());
    checkLimitHasValue(
        p.publicLinkLimitEnabled() != null
            ? p.publicLinkLimitEnabled()
            : group.publicLinkLimitEnabled(),
        p.publicLinkLimit() != null ? p.publicLinkLimit() : group.publicLinkLimit());
    // Only switching the link on needs a build; a link already on stays valid if its builds go.
    if (Boolean.TRUE.equals(p.publicLinkEnabled())
        && !group.publicLinkEnabled()
        && state.builds().ofGroup(groupId).isEmpty()) {
      throw publicLinkNeedsBuild();
    }
    Group updated = p.name() == null ? group : group.withName(p.name());
    if (p.publicLinkEnabled() != null) {
      boolean enabled = p.publicLinkEnabled();
      String linkId =
          enabled && group.publicLinkId() == null ? ids.publicLinkId() : group.publicLinkId();
      updated = updated.withPublicLink(enabled, linkId);
    }
    if (p.publicLinkLimitEnabled() != null || p.publicLinkLimit() != null) {
      updated =
          updated.withPublicLinkLimit(
              p.publicLinkLimitEnabled() != null
                  ? p.publicLinkLimitEnabled()
                  : updated.publicLinkLimitEnabled(),
              p.publicLinkLimit() != null ? p.publicLinkLimit() : updated.publicLinkLimit());
    }
    updated =
        updated.withFlags(
            p.feedbackEnabled() != null ? p.feedbackEnabled() : updated.feedbackEnabled(),
            p.appleSiliconMac() != null ? p.appleSiliconMac() : updated.appleSiliconMac(),
            p.appleVision() != null ? p.appleVision() : updated.appleVision());
    state.putGroup(updated);
    return updated;
  }

  void deleteGroup(String groupId) {
    state.removeGroup(state.group(groupId).id());
  }

  /**
   * Creates a tester in the given groups, or, when the team already has a tester with that email,
   * adds the existing record to those groups and returns it: the team keeps one tester record per
   * email address.
   */
  Tester createTester(
      String email,
      String firstName,
      String lastName,
      List<String> groupIds,
      List<String> buildIds) {
    List<Build> builds = new ArrayList<>();
    for (int i = 0; i < buildIds.size(); i++) {
      Build build = state.builds().builds.orNull(buildIds.get(i));
      if (build == null) {
        throw ApiException.relatedNotFound(
            "/data/relationships/builds/data/" + i + "/id", "builds", buildIds.get(i));
      }
      rules.checkForTester(build);
      builds.add(build);
    }
    if (groupIds.isEmpty() && builds.isEmpty()) {
      throw ApiException.relationshipRequired(
          "/data/relationships",
          "A beta tester must be created with at least one beta group or build.");
    }
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < groupIds.size(); i++) {
      Group group = state.groupOrNull(groupIds.get(i));
      if (group == null) {
        throw ApiException.relatedNotFound(
            "/data/relationships/betaGroups/data/" + i + "/id", "betaGroups", groupIds.get(i));
      }
      if (group.internal() && !state.isUser(email)) {
        throw MembershipOperations.notAUser(email);
      }
      groups.add(group);
    }
    Tester existing = state.testerByEmail(email);
    String joiner = existing == null ? "new:" + email : existing.id();
    groups.forEach(g -> limits.check(g.app(), g.internal(), List.of(joiner)));
    builds.forEach(b -> limits.check(b.app(), false, List.of(joiner)));
    Tester tester = existing;
    if (tester == null) {
      tester =
          new Tester(
              ids.uuid(), email, firstName, lastName, "EMAIL", "NOT_INVITED", List.of(), List.of());
      state.putTester(tester);
    }
    for (Group group : groups) {
      Tester current = state.tester(tester.id());
      if (!current.groups().contains(group.id())) {
        memberships.join(current, group);
      }
    }
    for (Build build : builds) {
      buildOperations.give(build.id(), state.tester(tester.id()));
    }
    return state.tester(tester.id());
  }

  /** Removes the tester from every app of the team. */
  void deleteTester(String testerId) {
    state.removeTester(state.tester(testerId).id());
  }

  private void checkName(String appId, String groupId, String name) {
    if (name.isBlank()) {
      throw ApiException.attributeInvalid(
          "/data/attributes/name", "The name of a beta group must not be blank.");
    }
    String key = sameNameKey(name);
    for (Group other : state.groupsOfApp(appId)) {
      if (sameNameKey(other.name()).equals(key) && !other.id().equals(groupId)) {
        throw ApiException.attributeInvalid(
            "/data/attributes/name",
            "A beta group named '" + other.name() + "' already exists for this app.");
      }
    }
  }

  /**
   * Group names as App Store Connect holds them unique: ignoring case and Unicode normalisation
   * ("Beta" and "beta", a composed and a decomposed "é"). Written here rather than shared with the
   * client, as the sandbox stands for Apple's side: a mistake in the client's comparison must not
   * be mirrored by the sandbox.
   */
  static String sameNameKey(String name) {
    String composed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    return java.text.Normalizer.normalize(
        composed.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT),
        java.text.Normalizer.Form.NFC);
  }

  private static void checkPublicLink(
      boolean internal, Boolean enabled, Boolean limitEnabled, Integer limit) {
    if (internal
        && (Boolean.TRUE.equals(enabled) || Boolean.TRUE.equals(limitEnabled) || limit != null)) {
      String attribute =
          Boolean.TRUE.equals(enabled)
              ? "publicLinkEnabled"
              : Boolean.TRUE.equals(limitEnabled) ? "publicLinkLimitEnabled" : "publicLinkLimit";
      throw ApiException.attributeInvalid(
          "/data/attributes/" + attribute, "Internal groups cannot have a public link.");
    }
    if (limit != null && (limit < 1 || limit > MAX_PUBLIC_LINK_LIMIT)) {
      throw ApiException.attributeInvalid(
          "/data/attributes/publicLinkLimit",
          "The public link limit must be between 1 and " + MAX_PUBLIC_LINK_LIMIT + ".");
    }
  }
}
