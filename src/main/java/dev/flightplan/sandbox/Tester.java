package dev.flightplan.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A beta tester of the team (one record per email address): names, invite type, state, and the ids
 * of the groups it belongs to and of the apps it may test, each without duplicates in the order
 * they were gained.
 */
record Tester(
    String id,
    String email,
    String firstName,
    String lastName,
    String inviteType,
    String state,
    List<String> groups,
    List<String> apps) {
  Tester {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inviteType, "inviteType");
    Objects.requireNonNull(state, "state");
    groups = List.copyOf(new LinkedHashSet<>(groups == null ? List.of() : groups));
    apps = List.copyOf(new LinkedHashSet<>(apps == null ? List.of() : apps));
  }

  Tester withState(String newState) {
    return new Tester(id, email, firstName, lastName, inviteType, newState, groups, apps);
  }

  Tester joining(String groupId, String appId) {
    return new Tester(
        id,
        email,
        firstName,
        lastName,
        inviteType,
        state,
        plus(groups, groupId),
        plus(apps, appId));
  }

  /** The tester may test the app without joining a group (a build given to it individually). */
  Tester withApp(String appId) {
    return new Tester(id, email, firstName, lastName, inviteType, state, groups, plus(apps, appId));
  }

  Tester leaving(String groupId) {
    return new Tester(
        id, email, firstName, lastName, inviteType, state, minus(groups, groupId), apps);
  }

  Tester losingApp(String appId, List<String> groupIdsOfApp) {
    List<String> keptGroups = new ArrayList<>(groups);
    keptGroups.removeAll(groupIdsOfApp);
    return new Tester(
        id, email, firstName, lastName, inviteType, state, keptGroups, minus(apps, appId));
  }

  private static List<String> plus(List<String> list, String value) {
    List<String> copy = new ArrayList<>(list);
    copy.add(value);
    return copy;
  }

  private static List<String> minus(List<String> list, String value) {
    List<String> copy = new ArrayList<>(list);
    copy.remove(value);
    return copy;
  }
}
