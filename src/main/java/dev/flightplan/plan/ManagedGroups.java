package dev.flightplan.plan;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.state.Copies;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveGroup;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The live groups of an app that the file manages: every group with {@code manage.groups: all},
 * otherwise the groups the file lists (each with the copies App Store Connect holds of it, see
 * {@link Copies}). Only testers all of whose groups are managed belong to the file ({@link
 * AppContext#owns}).
 */
final class ManagedGroups {
  private ManagedGroups() {}

  /**
   * The ids of the managed groups; {@code liveGroup} finds the live group a name of the file is.
   */
  static Set<String> ids(
      AppSpec desired, LiveApp live, Function<String, Optional<LiveGroup>> liveGroup) {
    boolean all = desired.manage().groups() == Manage.GroupsMode.ALL;
    Set<String> listed = new HashSet<>();
    if (!all) {
      for (GroupSpec spec : desired.groups()) {
        liveGroup.apply(spec.name()).ifPresent(g -> listed.add(g.id()));
      }
    }
    Set<String> ids = new HashSet<>();
    for (List<LiveGroup> copies : Copies.groups(live.groups()).values()) {
      if (all || listed.contains(copies.get(0).id())) {
        copies.forEach(g -> ids.add(g.id()));
      }
    }
    return ids;
  }
}
