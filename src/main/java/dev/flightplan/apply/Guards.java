package dev.flightplan.apply;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Plan;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.LiveTester;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Guards against destructive plans, checked before apply sends anything: a plan that deletes more
 * than {@code maxDeletes} objects, or that leaves a group with members empty, is refused unless the
 * user allows it. Pure.
 *
 * <p>What counts as a deletion: every deleted or replaced object (group, tester leaving the app,
 * localization, an object under a build, ...), every tester removed from a group, and every tester
 * a deleted or replaced group leaves in no group (as App Store Connect does when it deletes a
 * group: {@link TakenTesters}). A group is emptied when it has members now and the plan leaves it
 * none (members removed, testers leaving the app, none added); deleting a group is a deletion, not
 * an emptying.
 */
public final class Guards {
  /**
   * The default of {@code --max-deletes}: enough for everyday edits, far from a bad commit's
   * thousands.
   */
  public static final int DEFAULT_MAX_DELETES = 10;

  /**
   * What the user allows: at most {@code maxDeletes} deletions, and whether groups may be emptied.
   */
  public record Limits(int maxDeletes, boolean allowEmptyGroups) {
    public Limits {
      if (maxDeletes < 0) {
        throw new IllegalArgumentException("maxDeletes must not be negative: " + maxDeletes);
      }
    }

    public static Limits defaults() {
      return new Limits(DEFAULT_MAX_DELETES, false);
    }
  }

  /** Why a plan is refused: each line says what it would have done and which option allows it. */
  public record Refusal(List<String> reasons) {
    public Refusal {
      reasons = List.copyOf(reasons);
    }

    public boolean refused() {
      return !reasons.isEmpty();
    }
  }

  private Guards() {}

  /** Checks {@code plan}, made from {@code live}, against {@code limits}. */
  public static Refusal check(Plan plan, LiveState live, Limits limits) {
    List<String> reasons = new ArrayList<>();
    int deletions = deletions(plan, live);
    if (deletions > limits.maxDeletes()) {
      reasons.add(
          "this plan would delete "
              + deletions
              + " objects ("
              + describeDeletions(plan, live)
              + "), more than --max-deletes "
              + limits.maxDeletes()
              + " allows; if that is intended, run again with"
              + " --max-deletes "
              + deletions);
    }
    if (!limits.allowEmptyGroups()) {
      for (String emptied : emptiedGroups(plan, live)) {
        reasons.add(
            "this plan would empty "
                + emptied
                + "; if that is intended, run again with --allow-empty-groups");
      }
    }
    return new Refusal(reasons);
  }

  /**
   * Deleted or replaced objects, plus testers removed from groups, plus the testers deleted or
   * replaced groups leave in no group ({@link TakenTesters}).
   */
  public static int deletions(Plan plan, LiveState live) {
    int n = TakenTesters.count(plan, live);
    for (Action a : plan.actions()) {
      switch (a.kind()) {
        case DELETE, REPLACE -> n++;
        case UPDATE -> n += removedTesters((Action.Update) a).size();
        default -> {}
      }
    }
    return n;
  }

  private static String describeDeletions(Plan plan, LiveState live) {
    // type and what happened to it → how many
    Map<String, Map<String, Integer>> byType = new TreeMap<>();
    int removedFromGroups = 0;
    for (Action a : plan.actions()) {
      String type = a.address().type();
      switch (a.kind()) {
        case DELETE ->
            byType
                .computeIfAbsent(type, t -> new TreeMap<>())
                .merge(
                    type.equals("tester")
                        ? "leaving the app"
                        : type.equals("build") ? "expired" : "deleted",
                    1,
                    Integer::sum);
        case REPLACE ->
            byType.computeIfAbsent(type, t -> new TreeMap<>()).merge("replaced", 1, Integer::sum);
        case UPDATE -> removedFromGroups += removedTesters((Action.Update) a).size();
        default -> {}
      }
    }
    List<String> parts = new ArrayList<>();
    byType.forEach(
        (type, outcomes) ->
            outcomes.forEach(
                (what, count) ->
                    parts.add(count + " " + type + (count == 1 ? "" : "s") + " " + what)));
    if (removedFromGroups > 0) {
      parts.add(
          removedFromGroups
              + (removedFromGroups == 1 ? " tester" : " testers")
              + " removed from groups");
    }
    int taken = TakenTesters.count(plan, live);
    if (taken > 0) {
      parts.add(
          taken + (taken == 1 ? " tester" : " testers") + " left in no group by deleted groups");
    }
    return String.join(", ", parts);
  }

  /**
   * Groups that have members now and none after the plan, described with their app and member
   * count.
   */
  static List<String> emptiedGroups(Plan plan, LiveState live) {
    List<String> emptied = new ArrayList<>();
    if (!removesAnyone(plan)) {
      // no group can lose a member: spare a 100,000-tester plan the walk below
      return emptied;
    }
    for (LiveApp app : live.apps()) {
      Map<String, TreeSet<String>> membersOf = new java.util.HashMap<>();
      for (LiveTester t : app.testers()) {
        for (String groupId : t.groupIds()) {
          membersOf.computeIfAbsent(groupId, g -> new TreeSet<>()).add(TakenTesters.name(t));
        }
      }
      for (LiveGroup group : app.groups()) {
        TreeSet<String> members = membersOf.getOrDefault(group.id(), new TreeSet<>());
        if (members.isEmpty()) {
          continue;
        }
        // the group's address in the plan: the file's name for it, which may differ from App Store
        // Connect's (renamed)
        Address address = Address.group(app.bundleId(), group.name());
        for (Action a : plan.actions()) {
          if (a.address().app().equals(app.bundleId())
              && a.address().type().equals("group")
              && group.id().equals(idOf(a))) {
            address = a.address();
          }
        }
        TreeSet<String> after = new TreeSet<>(members);
        boolean deleted = false;
        for (Action a : plan.actions()) {
          if (!a.address().app().equals(app.bundleId())) {
            continue;
          }
          if (a.address().equals(address)) {
            switch (a.kind()) {
              case DELETE -> deleted = true;
              case REPLACE -> {
                after.clear();
                Object testers = ((Action.Replace) a).after().values().get("testers");
                if (testers instanceof List<?> list) {
                  list.forEach(x -> after.add(String.valueOf(x)));
                }
              }
              case UPDATE -> {
                for (Change c : ((Action.Update) a).changes()) {
                  if (c instanceof Change.Members m && m.attribute().equals("testers")) {
                    after.removeAll(m.removed());
                    after.addAll(m.added());
                  }
                }
              }
              default -> {}
            }
          } else if (a.address().type().equals("tester") && a instanceof Action.Delete) {
            after.remove(a.address().key());
          } else if (a.address().type().equals("tester") && a instanceof Action.Create c) {
            Object groups = c.after().values().get("groups");
            if (groups instanceof List<?> list && list.contains(address.key())) {
              after.add(a.address().key());
            }
          }
        }
        if (!deleted && after.isEmpty()) {
          emptied.add(
              "group \""
                  + group.name()
                  + "\" of "
                  + app.bundleId()
                  + " (its "
                  + members.size()
                  + " member(s) would be removed and none added)");
        }
      }
    }
    return emptied;
  }

  /**
   * Whether the plan deletes or replaces anything, or removes a tester from a group: only then can
   * a group empty.
   */
  private static boolean removesAnyone(Plan plan) {
    for (Action a : plan.actions()) {
      switch (a.kind()) {
        case DELETE, REPLACE -> {
          return true;
        }
        case UPDATE -> {
          for (Change c : ((Action.Update) a).changes()) {
            if (c instanceof Change.Members m && !m.removed().isEmpty()) {
              return true;
            }
          }
        }
        default -> {}
      }
    }
    return false;
  }

  /** The live id an action changes; null for a create or a send. */
  private static String idOf(Action a) {
    return switch (a.kind()) {
      case UPDATE -> ((Action.Update) a).id();
      case REPLACE -> ((Action.Replace) a).id();
      case DELETE -> ((Action.Delete) a).id();
      default -> null;
    };
  }

  private static List<String> removedTesters(Action.Update update) {
    if (!update.address().type().equals("group")) {
      return List.of();
    }
    List<String> removed = new ArrayList<>();
    for (Change c : update.changes()) {
      if (c instanceof Change.Members m && m.attribute().equals("testers")) {
        removed.addAll(m.removed());
      }
    }
    return removed;
  }
}
