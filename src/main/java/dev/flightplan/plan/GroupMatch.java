package dev.flightplan.plan;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.GroupName;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.state.Copies;
import dev.flightplan.state.LiveGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Which live group each group of the file is: the one of its name as App Store Connect compares
 * names ({@link GroupName}; the copy {@link Copies} keeps when the name is held twice), otherwise,
 * for a group with {@code renamedFrom}, the one of its old name, renamed in place. When App Store
 * Connect has groups of both names the file's group is the one of its own name, and the one of the
 * old name is claimed too (never deleted as a group the file does not list): {@link #bothNames}
 * says so, for the plan to refuse.
 */
public final class GroupMatch {
  /** The live groups by {@link GroupName#key}, the kept copy first. */
  private final SortedMap<String, List<LiveGroup>> live;

  /** The key of the live name each group of the file is, by the key of the group's own name. */
  private final Map<String, String> liveKeys = new HashMap<>();

  private final Set<String> claimed = new HashSet<>();
  private final Set<String> bothNames = new HashSet<>();

  private GroupMatch(AppSpec desired, Collection<LiveGroup> groups) {
    live = Copies.groups(groups);
    for (GroupSpec spec : desired.groups()) {
      String key = GroupName.key(spec.name());
      String old = spec.renamedFrom() == null ? null : GroupName.key(spec.renamedFrom());
      if (live.containsKey(key)) {
        liveKeys.put(key, key);
        claimed.add(key);
        if (old != null && live.containsKey(old)) {
          bothNames.add(key);
          claimed.add(old);
        }
      } else if (old != null && live.containsKey(old)) {
        liveKeys.put(key, old);
        claimed.add(old);
      }
    }
  }

  public static GroupMatch of(AppSpec desired, Collection<LiveGroup> live) {
    return new GroupMatch(desired, live);
  }

  /**
   * The live group the file's group {@code name} is: of its name, or of its old name; empty when
   * neither exists.
   */
  public Optional<LiveGroup> live(String name) {
    return copies(name).stream().findFirst();
  }

  /**
   * Every copy of the live group the file's group {@code name} is, the kept one first; empty when
   * there is none.
   */
  public List<LiveGroup> copies(String name) {
    String key = liveKeys.get(GroupName.key(name));
    return key == null ? List.of() : live.get(key);
  }

  /**
   * Whether the file's group {@code name} is a live group of its old name ({@code renamedFrom}),
   * renamed by the plan.
   */
  public boolean renamed(String name) {
    String key = GroupName.key(name);
    return liveKeys.containsKey(key) && !liveKeys.get(key).equals(key);
  }

  /**
   * Whether App Store Connect has a group of the file's group's name and one of its {@code
   * renamedFrom}.
   */
  public boolean bothNames(GroupSpec spec) {
    return bothNames.contains(GroupName.key(spec.name()));
  }

  /**
   * The live group of the file's group's old name ({@code renamedFrom}), whichever group of the
   * file it is.
   */
  public Optional<LiveGroup> ofOldName(GroupSpec spec) {
    List<LiveGroup> copies =
        spec.renamedFrom() == null ? null : live.get(GroupName.key(spec.renamedFrom()));
    return copies == null ? Optional.empty() : Optional.of(copies.get(0));
  }

  /**
   * The live groups no group of the file is (each with its copies, the kept one first), in name
   * order.
   */
  public List<List<LiveGroup>> unlisted() {
    List<List<LiveGroup>> out = new ArrayList<>();
    live.forEach(
        (key, copies) -> {
          if (!claimed.contains(key)) {
            out.add(copies);
          }
        });
    return out;
  }
}
