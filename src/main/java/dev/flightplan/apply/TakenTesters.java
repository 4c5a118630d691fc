package dev.flightplan.apply;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Plan;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.LiveTester;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The testers a plan's deleted (or replaced) groups take with them: members of such a group whom
 * the plan leaves in no group of the app. App Store Connect keeps them as testers of the app when
 * it deletes their last group, but they can test nothing any more, and one who joined through the
 * public link has no email to be invited back with. A tester the plan removes from the app is not
 * counted here: that removal counts already. Pure.
 */
final class TakenTesters {
  private TakenTesters() {}

  /**
   * How many testers {@code plan}, made from {@code live}, leaves in no group by deleting or
   * replacing groups.
   */
  static int count(Plan plan, LiveState live) {
    int taken = 0;
    for (LiveApp app : live.apps()) {
      taken += count(plan, app);
    }
    return taken;
  }

  private static int count(Plan plan, LiveApp app) {
    Set<String> gone = new HashSet<>();
    Set<String> leaving = new HashSet<>();
    // tester (as plans name it) → groups the plan takes it out of, or puts it in
    Map<String, Set<String>> removed = new HashMap<>();
    Set<String> joining = new HashSet<>();
    for (Action a : plan.actions()) {
      if (!a.address().app().equals(app.bundleId())) {
        continue;
      }
      if (a instanceof Action.Delete d && a.address().type().equals("tester")) {
        leaving.add(d.address().key());
      }
      if (!a.address().type().equals("group")) {
        continue;
      }
      if (a instanceof Action.Delete d) {
        gone.add(d.id());
      } else if (a instanceof Action.Replace r) {
        gone.add(r.id());
        joining.addAll(names(r.after().values().get("testers")));
      } else if (a instanceof Action.Create c) {
        joining.addAll(names(c.after().values().get("testers")));
      } else if (a instanceof Action.Update u) {
        for (Change c : u.changes()) {
          if (c instanceof Change.Members m && m.attribute().equals("testers")) {
            m.removed()
                .forEach(name -> removed.computeIfAbsent(name, k -> new HashSet<>()).add(u.id()));
            joining.addAll(m.added());
          }
        }
      }
    }
    if (gone.isEmpty()) {
      return 0;
    }
    int taken = 0;
    for (LiveTester t : app.testers()) {
      String name = name(t);
      if (leaving.contains(t.email() == null ? t.id() : t.email())
          || joining.contains(name)
          || t.groupIds().stream().noneMatch(gone::contains)) {
        continue;
      }
      Set<String> after = new HashSet<>(t.groupIds());
      after.removeAll(gone);
      after.removeAll(removed.getOrDefault(name, Set.of()));
      if (after.isEmpty()) {
        taken++;
      }
    }
    return taken;
  }

  private static List<String> names(Object testers) {
    return testers instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of();
  }

  /** How plans name a tester in group membership changes. */
  static String name(LiveTester t) {
    return Objects.requireNonNullElse(t.email(), "(tester " + t.id() + ")");
  }
}
