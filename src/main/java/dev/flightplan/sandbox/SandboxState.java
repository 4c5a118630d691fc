package dev.flightplan.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the emulated team holds: apps and users (from the seed), beta groups and beta testers,
 * and the TestFlight resources around builds ({@link Builds}). Lists come back in a stable order
 * (creation order), which is what makes cursor paging by offset correct. Not thread-safe: the
 * server holds one lock around every use.
 */
final class SandboxState {
  private final Map<String, App> apps = new LinkedHashMap<>();
  private final Map<String, TeamUser> usersByEmail = new LinkedHashMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, Tester> testers = new LinkedHashMap<>();
  private final Map<String, String> testerIdsByEmail = new LinkedHashMap<>();

  /** The ids of each group's members: the testers whose groups name it. */
  private final Map<String, java.util.Set<String>> memberIds = new java.util.HashMap<>();

  /**
   * When each tester was first put, so that a few testers found by email come back in the order of
   * the list.
   */
  private final Map<String, Long> creation = new java.util.HashMap<>();

  private long created;
  private final Changes changes = new Changes();
  private final Builds builds = new Builds(changes);
  private final Usage usage = new Usage(changes);

  /** How far the admin clock has moved TestFlight time ahead of the real one. */
  private java.time.Duration clockOffset = java.time.Duration.ZERO;

  /**
   * The persisted form of the state: plain lists of records, each in the state's order. Format 1
   * (before builds) files load with empty lists for what they lack; {@link #of} then gives every
   * app its license agreement and review detail, which exist for every app from the start. {@code
   * journaled}: the number of the last journal entry the snapshot holds (0 for none, and in files
   * older than the journal); later entries are replayed on top.
   */
  record Snapshot(
      int format,
      List<App> apps,
      List<TeamUser> users,
      List<Group> groups,
      List<Tester> testers,
      Builds.Snapshot testFlight,
      Usage.Snapshot usage,
      String clockOffset,
      long journaled) {
    static final int FORMAT = 2;

    /** The same state, saying that it holds the journal's changes up to number {@code last}. */
    Snapshot journaledTo(long last) {
      return new Snapshot(
          format, apps, users, groups, testers, testFlight, usage, clockOffset, last);
    }

    Snapshot {
      apps = List.copyOf(apps == null ? List.of() : apps);
      users = List.copyOf(users == null ? List.of() : users);
      groups = List.copyOf(groups == null ? List.of() : groups);
      testers = List.copyOf(testers == null ? List.of() : testers);
      testFlight = testFlight == null ? Builds.Snapshot.EMPTY : testFlight;
      usage = usage == null ? Usage.Snapshot.EMPTY : usage;
      clockOffset = clockOffset == null ? java.time.Duration.ZERO.toString() : clockOffset;
    }
  }

  static SandboxState of(Snapshot snapshot) {
    SandboxState state = new SandboxState();
    snapshot.apps().forEach(state::putApp);
    snapshot.users().forEach(state::putUser);
    snapshot.groups().forEach(state::putGroup);
    snapshot.testers().forEach(state::putTester);
    state.builds.load(snapshot.testFlight());
    state.usage.load(snapshot.usage());
    state.clockOffset = java.time.Duration.parse(snapshot.clockOffset());
    return state;
  }

  Snapshot snapshot() {
    return new Snapshot(
        Snapshot.FORMAT,
        new ArrayList<>(apps.values()),
        new ArrayList<>(usersByEmail.values()),
        new ArrayList<>(groups.values()),
        new ArrayList<>(testers.values()),
        builds.snapshot(),
        usage.snapshot(),
        clockOffset.toString(),
        0);
  }

  /** What the writes changed, for the journal of a file-backed sandbox. */
  Changes changes() {
    return changes;
  }

  /** The class of the rows the journal names {@code table}. */
  Class<?> rowType(String table) {
    return switch (table) {
      case APPS -> App.class;
      case USERS -> TeamUser.class;
      case GROUPS -> Group.class;
      case TESTERS -> Tester.class;
      case Usage.TESTERS -> Usage.TesterDay.class;
      case Usage.LINKS -> Usage.LinkDay.class;
      case CLOCK -> String.class;
      default -> {
        Table<?> t = builds.table(table);
        if (t == null) {
          throw new IllegalArgumentException("no table " + table);
        }
        yield t.rowType();
      }
    };
  }

  /**
   * Makes one change read back from the journal, as it was made (its cascades are changes of their
   * own).
   */
  void replay(Changes.Change change) {
    Object row = change.row();
    switch (change.table()) {
      case APPS -> putApp((App) row);
      case USERS -> {
        if (row == null) {
          removeUser(change.id());
        } else {
          putUser((TeamUser) row);
        }
      }
      case GROUPS -> {
        if (row == null) {
          dropGroup(change.id());
        } else {
          putGroup((Group) row);
        }
      }
      case TESTERS -> {
        if (row == null) {
          dropTester(change.id());
        } else {
          putTester((Tester) row);
        }
      }
      case Usage.TESTERS -> usage.add((Usage.TesterDay) row);
      case Usage.LINKS -> usage.add((Usage.LinkDay) row);
      case CLOCK -> setClockOffset(java.time.Duration.parse((String) row));
      default -> {
        Table<?> t = builds.table(change.table());
        if (row == null) {
          t.remove(change.id());
        } else {
          t.putRow(row);
        }
      }
    }
  }

  private static final String APPS = "apps";
  private static final String USERS = "users";
  private static final String GROUPS = "betaGroups";
  private static final String TESTERS = "betaTesters";
  private static final String CLOCK = "clock";

  java.time.Duration clockOffset() {
    return clockOffset;
  }

  void setClockOffset(java.time.Duration offset) {
    clockOffset = offset;
    changes.put(CLOCK, null, offset.toString());
  }

  /** The seeded beta usage the metrics report. */
  Usage usage() {
    return usage;
  }

  /** Builds and everything that hangs off them or off an app's test information. */
  Builds builds() {
    return builds;
  }

  static String emailKey(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  // --- reads ---

  List<App> apps() {
    return List.copyOf(apps.values());
  }

  App app(String id) {
    App app = apps.get(id);
    if (app == null) {
      throw ApiException.notFound("apps", id);
    }
    return app;
  }

  App appOrNull(String id) {
    return apps.get(id);
  }

  boolean isUser(String email) {
    return email != null && usersByEmail.containsKey(emailKey(email));
  }

  TeamUser user(String email) {
    return usersByEmail.get(emailKey(email));
  }

  /** The team's users, in seed order. */
  List<TeamUser> users() {
    return List.copyOf(usersByEmail.values());
  }

  TeamUser userById(String id) {
    return usersByEmail.values().stream()
        .filter(u -> u.id().equals(id))
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("users", id));
  }

  List<Group> groups() {
    return List.copyOf(groups.values());
  }

  Group group(String id) {
    Group group = groups.get(id);
    if (group == null) {
      throw ApiException.notFound("betaGroups", id);
    }
    return group;
  }

  Group groupOrNull(String id) {
    return groups.get(id);
  }

  List<Group> groupsOfApp(String appId) {
    return groups.values().stream().filter(g -> g.app().equals(appId)).toList();
  }

  List<Tester> testers() {
    return List.copyOf(testers.values());
  }

  Tester tester(String id) {
    Tester tester = testers.get(id);
    if (tester == null) {
      throw ApiException.notFound("betaTesters", id);
    }
    return tester;
  }

  Tester testerOrNull(String id) {
    return testers.get(id);
  }

  Tester testerByEmail(String email) {
    String id = testerIdsByEmail.get(emailKey(email));
    return id == null ? null : testers.get(id);
  }

  /**
   * The testers with these emails (any case), in tester creation order, each once: an index lookup,
   * not a scan.
   */
  List<Tester> testersByEmail(List<String> emails) {
    Map<String, Tester> found = new LinkedHashMap<>();
    for (String email : emails) {
      Tester t = testerByEmail(email);
      if (t != null) {
        found.put(t.id(), t);
      }
    }
    List<Tester> list = new ArrayList<>(found.values());
    list.sort(java.util.Comparator.comparingLong(t -> creation.get(t.id())));
    return list;
  }

  /** The members of a group, in tester creation order. */
  List<Tester> members(String groupId) {
    List<Tester> members = new ArrayList<>();
    for (String id : memberIds(groupId)) {
      members.add(testers.get(id));
    }
    members.sort(java.util.Comparator.comparingLong(t -> creation.get(t.id())));
    return members;
  }

  /**
   * The ids of a group's members, in no particular order (a view: do not change the state while
   * using it).
   */
  java.util.Set<String> memberIds(String groupId) {
    return java.util.Collections.unmodifiableSet(
        memberIds.getOrDefault(groupId, java.util.Set.of()));
  }

  /** The groups a tester belongs to, in group creation order. */
  List<Group> groupsOf(Tester tester) {
    return groups.values().stream().filter(g -> tester.groups().contains(g.id())).toList();
  }

  /** The apps a tester may test, in app order. */
  List<App> appsOf(Tester tester) {
    return apps.values().stream().filter(a -> tester.apps().contains(a.id())).toList();
  }

  // --- writes ---

  void putApp(App app) {
    apps.put(app.id(), app);
    changes.put(APPS, app.id(), app);
    builds.ensureSingletons(app.id());
  }

  void putUser(TeamUser user) {
    String key = emailKey(user.email());
    usersByEmail.put(key, user);
    changes.put(USERS, key, user);
  }

  void removeUser(String email) {
    String key = emailKey(email);
    if (usersByEmail.remove(key) != null) {
      changes.remove(USERS, key);
    }
  }

  void putGroup(Group group) {
    groups.put(group.id(), group);
    changes.put(GROUPS, group.id(), group);
  }

  void putTester(Tester tester) {
    Tester old = testers.put(tester.id(), tester);
    if (old == null) {
      creation.put(tester.id(), ++created);
    } else {
      unindex(old, tester.groups());
    }
    for (String group : tester.groups()) {
      memberIds.computeIfAbsent(group, g -> new java.util.HashSet<>()).add(tester.id());
    }
    if (tester.email() != null) {
      testerIdsByEmail.put(emailKey(tester.email()), tester.id());
    }
    changes.put(TESTERS, tester.id(), tester);
  }

  /**
   * Removes a group and, with it, every membership in it, its builds' links to it and its criteria.
   */
  void removeGroup(String groupId) {
    dropGroup(groupId);
    for (Tester tester : members(groupId)) {
      putTester(tester.leaving(groupId));
    }
    builds.forgetGroup(groupId);
  }

  private void dropGroup(String groupId) {
    if (groups.remove(groupId) != null) {
      changes.remove(GROUPS, groupId);
    }
  }

  /** Takes {@code tester} out of the member index of each of its groups but {@code kept}. */
  private void unindex(Tester tester, List<String> kept) {
    for (String group : tester.groups()) {
      if (!kept.contains(group)) {
        java.util.Set<String> ids = memberIds.get(group);
        if (ids != null && ids.remove(tester.id()) && ids.isEmpty()) {
          memberIds.remove(group);
        }
      }
    }
  }

  /** Removes a tester and its individual build assignments. */
  void removeTester(String testerId) {
    builds.forgetTester(testerId);
    dropTester(testerId);
  }

  private void dropTester(String testerId) {
    Tester removed = testers.remove(testerId);
    creation.remove(testerId);
    if (removed != null) {
      unindex(removed, List.of());
      changes.remove(TESTERS, testerId);
      if (removed.email() != null) {
        testerIdsByEmail.remove(emailKey(removed.email()));
      }
    }
  }
}
