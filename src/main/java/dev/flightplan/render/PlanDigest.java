package dev.flightplan.render;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.ActionKind;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Plan;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A plan summarised for its compact view: per app (in plan order), the changes per kind of object
 * and action, each with its first few actions as examples, and per group the testers it gains and
 * loses. Kinds of object come in the order the plan first touches them (apply order), actions in
 * {@link ActionKind} order; groups as the plan orders them, only those whose testers change.
 */
record PlanDigest(List<AppDigest> apps) {
  PlanDigest {
    apps = List.copyOf(apps);
  }

  /** One app's changes. */
  record AppDigest(String app, List<Bucket> buckets, List<Members> groups) {
    AppDigest {
      Objects.requireNonNull(app, "app");
      buckets = List.copyOf(buckets);
      groups = List.copyOf(groups);
    }
  }

  /**
   * The {@code count} actions of one kind on one type of object, the first of them as {@code
   * examples}.
   */
  record Bucket(String type, ActionKind kind, int count, List<Action> examples) {
    Bucket {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(kind, "kind");
      examples = List.copyOf(examples);
    }
  }

  /** A group's testers: how many are added and removed, the first of each (sorted) as examples. */
  record Members(
      String group,
      int added,
      int removed,
      List<String> addedExamples,
      List<String> removedExamples) {
    Members {
      Objects.requireNonNull(group, "group");
      addedExamples = List.copyOf(addedExamples);
      removedExamples = List.copyOf(removedExamples);
    }
  }

  /**
   * The digest of {@code plan}, with at most {@code examples} examples per bucket and per side of a
   * group.
   */
  static PlanDigest of(Plan plan, int examples) {
    Map<String, List<Action>> byApp = new LinkedHashMap<>();
    plan.actions()
        .forEach(a -> byApp.computeIfAbsent(a.address().app(), k -> new ArrayList<>()).add(a));
    List<AppDigest> apps = new ArrayList<>();
    byApp.forEach(
        (app, actions) ->
            apps.add(new AppDigest(app, buckets(actions, examples), members(actions, examples))));
    return new PlanDigest(apps);
  }

  private static List<Bucket> buckets(List<Action> actions, int examples) {
    Map<String, Map<ActionKind, List<Action>>> byType = new LinkedHashMap<>();
    for (Action a : actions) {
      byType
          .computeIfAbsent(a.address().type(), k -> new EnumMap<>(ActionKind.class))
          .computeIfAbsent(a.kind(), k -> new ArrayList<>())
          .add(a);
    }
    List<Bucket> buckets = new ArrayList<>();
    byType.forEach(
        (type, byKind) ->
            byKind.forEach(
                (kind, list) ->
                    buckets.add(
                        new Bucket(
                            type,
                            kind,
                            list.size(),
                            list.subList(0, Math.min(examples, list.size()))))));
    return buckets;
  }

  /**
   * From the groups' own actions, which list every tester they gain or lose, whoever else the
   * change touches.
   */
  private static List<Members> members(List<Action> actions, int examples) {
    List<Members> groups = new ArrayList<>();
    for (Action a : actions) {
      if (!"group".equals(a.address().type())) {
        continue;
      }
      Set<String> added = new LinkedHashSet<>();
      Set<String> removed = new LinkedHashSet<>();
      switch (a.kind()) {
        case CREATE -> added.addAll(testers(((Action.Create) a).after()));
        case DELETE -> removed.addAll(testers(((Action.Delete) a).before()));
        case REPLACE -> {
          Action.Replace r = (Action.Replace) a;
          added.addAll(testers(r.after()));
          added.removeAll(testers(r.before()));
          removed.addAll(testers(r.before()));
          removed.removeAll(testers(r.after()));
        }
        case UPDATE ->
            ((Action.Update) a)
                .changes().stream()
                    .filter(c -> c instanceof Change.Members m && m.attribute().equals("testers"))
                    .map(Change.Members.class::cast)
                    .forEach(
                        m -> {
                          added.addAll(m.added());
                          removed.addAll(m.removed());
                        });
        case SEND -> {}
      }
      if (!added.isEmpty() || !removed.isEmpty()) {
        groups.add(
            new Members(
                a.address().key(),
                added.size(),
                removed.size(),
                first(added, examples),
                first(removed, examples)));
      }
    }
    return groups;
  }

  private static List<String> testers(Attributes attributes) {
    return attributes.get("testers") instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of();
  }

  private static List<String> first(Set<String> emails, int n) {
    return emails.stream().sorted().limit(n).toList();
  }
}
