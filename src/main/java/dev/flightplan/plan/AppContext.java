package dev.flightplan.plan;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.GroupName;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.config.Secrets;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.state.Copies;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.TeamUsers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the kinds need to plan one app: the desired and live app, the options, indexes built
 * once (so that planning stays linear in the number of testers), and the ids, or references to ids,
 * of the app's groups.
 */
public final class AppContext {
  private final AppSpec desired;
  private final LiveApp live;
  private final PlanOptions options;
  private final PlanBuilder out;
  private final Map<String, LiveTester> liveTestersByEmail = new HashMap<>();
  private final Map<String, List<LiveTester>> liveMembersByGroupId = new HashMap<>();
  private final GroupMatch groups;

  /** Group ids (or references to ids) by {@link GroupName#key} of the name. */
  private final Map<String, Id> groupIds = new HashMap<>();

  /** {@link GroupName#key} of each name asked for, folded once rather than per tester. */
  private final Map<String, String> groupKeys = new HashMap<>();

  private final Set<String> desiredEmails = new HashSet<>();
  private final Map<String, Set<String>> membersByGroup;
  private Map<String, List<String>> listedUnder;
  private Map<String, Integer> groupOrder;
  private final Set<String> testersLeavingApp = new HashSet<>();
  private final Set<String> managedGroupIds;
  private final Map<String, Id> testerIds = new HashMap<>();
  private final Map<String, Address> groupAddresses = new HashMap<>();

  /** One comparator for every tester's groups, not one per tester. */
  private final Comparator<String> inFileOrder =
      Comparator.comparingInt(g -> groupOrder.getOrDefault(g, UNDECLARED));

  private static final Integer UNDECLARED = Integer.MAX_VALUE;

  private final Map<String, Boolean> internalByName =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, List<String>> criterionOptions;
  private final BuildAssignments buildAssignments = new BuildAssignments();

  private final Secrets secrets;
  private final InvitationHistory history;
  private final TeamUsers users;
  private final List<ResourceKind> kinds;

  AppContext(
      AppSpec desired,
      LiveApp live,
      Map<String, List<String>> criterionOptions,
      TeamUsers users,
      Secrets secrets,
      InvitationHistory history,
      PlanOptions options,
      PlanBuilder out,
      List<ResourceKind> kinds) {
    this.kinds = kinds;
    this.secrets = secrets;
    this.history = history;
    this.desired = desired;
    this.live = live;
    this.criterionOptions = criterionOptions;
    this.users = users;
    this.options = options;
    this.out = out;
    // a name App Store Connect holds twice: the file's group is the copy kept (the oldest), see
    // Copies
    for (List<LiveGroup> copies : Copies.groups(live.groups()).values()) {
      groupIds.put(GroupName.key(copies.get(0).name()), Id.of(copies.get(0).id()));
    }
    groups = GroupMatch.of(desired, live.groups());
    for (GroupSpec g : desired.groups()) {
      groups.live(g.name()).ifPresent(l -> groupIds.put(GroupName.key(g.name()), Id.of(l.id())));
    }
    for (LiveTester t : live.testers()) {
      // one tester per email and team (a create of a known email adds that tester); were there two,
      // the lowest id
      if (t.email() != null && !liveTestersByEmail.containsKey(t.email())) {
        liveTestersByEmail.put(t.email(), t);
        testerIds.put(t.email(), Id.of(t.id()));
      }
      for (String gid : t.groupIds()) {
        liveMembersByGroupId.computeIfAbsent(gid, k -> new ArrayList<>()).add(t);
      }
    }
    membersByGroup = desired.membersByGroup();
    desired.testers().forEach(t -> desiredEmails.add(t.email()));
    membersByGroup.values().forEach(desiredEmails::addAll);
    managedGroupIds = ManagedGroups.ids(desired, live, this::liveGroup);
    if (desired.manage().testers() == Manage.TestersMode.EXCLUSIVE && options.prune()) {
      for (LiveTester t : live.testers()) {
        if (owns(t) && (t.email() == null || !desiredEmails.contains(t.email()))) {
          testersLeavingApp.add(t.id());
        }
      }
    }
  }

  /**
   * Whether the file owns this live tester, so that {@code manage.testers: exclusive} with {@code
   * --prune} may remove it from the app: it did not join through a public link, and each of its
   * groups is one the file manages (see {@link ManagedGroups}), or it is in none. A tester in a
   * group the file does not manage is never the file's.
   */
  public boolean owns(LiveTester tester) {
    return !tester.joinedByPublicLink() && managedGroupIds.containsAll(tester.groupIds());
  }

  /** Whether the live group {@code id} is one the file manages (see {@link ManagedGroups}). */
  public boolean managesGroup(String id) {
    return managedGroupIds.contains(id);
  }

  public AppSpec desired() {
    return desired;
  }

  public LiveApp live() {
    return live;
  }

  public String app() {
    return desired.bundleId();
  }

  public PlanOptions options() {
    return options;
  }

  public PlanBuilder out() {
    return out;
  }

  /**
   * The live group the file's group {@code name} is ({@link GroupMatch}): of that name in any case
   * or Unicode form, or of its old name; the copy kept when App Store Connect holds the name twice.
   */
  public Optional<LiveGroup> liveGroup(String name) {
    return groups.live(name);
  }

  /** Which live group each group of the file is, and which live groups the file does not list. */
  public GroupMatch groups() {
    return groups;
  }

  public Optional<LiveTester> liveTester(String email) {
    return Optional.ofNullable(liveTestersByEmail.get(email));
  }

  /** The live members of a group, in the live state's order (by email); each tester once. */
  public List<LiveTester> liveMembers(String groupId) {
    return Collections.unmodifiableList(liveMembersByGroupId.getOrDefault(groupId, List.of()));
  }

  /** {@link AppSpec#membersByGroup()}, worked out once per plan. */
  public Map<String, Set<String>> membersByGroup() {
    return membersByGroup;
  }

  /**
   * The groups the file puts this tester in (its own {@code groups} and the groups listing it), in
   * the file's group order, as {@link AppSpec#groupsByTester()} has them; without inverting every
   * group's list for every tester.
   */
  public List<String> desiredGroupsOf(TesterSpec tester) {
    if (listedUnder == null) {
      listedUnder = new HashMap<>();
      groupOrder = new HashMap<>();
      for (GroupSpec g : desired.groups()) {
        groupOrder.putIfAbsent(g.name(), groupOrder.size());
        g.testers()
            .forEach(e -> listedUnder.computeIfAbsent(e, k -> new ArrayList<>(2)).add(g.name()));
      }
    }
    List<String> names = new ArrayList<>(tester.groups());
    for (String g : listedUnder.getOrDefault(tester.email(), List.of())) {
      if (!names.contains(g)) {
        names.add(g);
      }
    }
    // the file's group order; a group the file does not declare (the loader refuses those) goes
    // last
    names.sort(inFileOrder);
    return Collections.unmodifiableList(names);
  }

  /** Whether the file's group {@code name} is internal (the file declares every group it names). */
  public boolean internalGroup(String name) {
    // asked once per tester and group: the answer by the name as written, found the first time
    // (folding each file group's name on every call was a third of what a 100,000-tester plan
    // allocated), and looked up before it is computed (computeIfAbsent's lambda, capturing this,
    // was allocated per call)
    Boolean internal = internalByName.get(name);
    if (internal == null) {
      internal =
          desired.groups().stream()
              .filter(g -> GroupName.same(g.name(), name))
              .findFirst()
              .map(GroupSpec::internal)
              .orElseGet(() -> liveGroup(name).map(LiveGroup::internal).orElse(false));
      internalByName.put(name, internal);
    }
    return internal;
  }

  /**
   * The address of the app's group {@code name} (as written): one per name, shared by every call
   * that serves the group, rather than one per tester and group.
   */
  public Address groupAddress(String name) {
    Address address = groupAddresses.get(name);
    if (address == null) {
      address = Address.group(app(), name);
      groupAddresses.put(name, address);
    }
    return address;
  }

  /** Whether the file mentions this (lower-cased) email anywhere in the app. */
  public boolean declared(String email) {
    return email != null && desiredEmails.contains(email);
  }

  /**
   * Live testers (by id) that this plan removes from the app altogether: exclusive testers, with
   * --prune.
   */
  public boolean leavesApp(LiveTester tester) {
    return testersLeavingApp.contains(tester.id());
  }

  /** The group's id, or the id its creation in this plan will produce. */
  public Id groupId(String name) {
    Id id = groupIds.get(groupKeys.computeIfAbsent(name, GroupName::key));
    if (id == null) {
      throw new IllegalStateException("no id or reference for group " + name);
    }
    return id;
  }

  /** The tester's id, or the id its creation in this plan will produce; null if neither. */
  public Id testerId(String email) {
    return testerIds.get(email);
  }

  /** Records that this plan creates the tester, whose id is {@code id} (a produced one). */
  public void testerWillBeCreated(String email, Id id) {
    testerIds.put(email, id);
  }

  /**
   * Device family → OS versions App Store Connect offers for recruitment criteria (empty when not
   * read).
   */
  public Map<String, List<String>> criterionOptions() {
    return criterionOptions;
  }

  /**
   * The team's App Store Connect users, as far as they were read (team-wide: the same for every
   * app).
   */
  public TeamUsers users() {
    return users;
  }

  /** The invitation log and the time of planning, for {@code invitations.resendAfterDays}. */
  public InvitationHistory history() {
    return history;
  }

  /** Every kind being planned, in planning order: to ask each what beta review needs of it. */
  public List<ResourceKind> kinds() {
    return kinds;
  }

  /** The values of the file's secrets, only to compare them; plans hold placeholders instead. */
  public Secrets secrets() {
    return secrets;
  }

  /** Build assignments collected from all kinds, sent per build in one request each. */
  public BuildAssignments buildAssignments() {
    return buildAssignments;
  }

  /**
   * Records that this plan creates (or re-creates) the group, whose id the call producing {@code
   * ref} will create.
   */
  public void groupWillBeCreated(String name, String ref) {
    groupIds.put(GroupName.key(name), Id.produced(ref));
  }
}
