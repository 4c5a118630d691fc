package dev.flightplan.kinds;

import dev.flightplan.plan.AppContext;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The testers {@code manage.testers: exclusive} leaves alone although the file does not mention
 * them, because they are in a group the file does not manage ({@link AppContext#owns}): counted,
 * with the names of those groups, for the note that says why {@code --prune} does not remove them.
 */
final class UnmanagedGroups {
  private final AppContext ctx;
  private final Map<String, String> namesById = new HashMap<>();
  private final TreeSet<String> groups = new TreeSet<>();
  private int testers;

  UnmanagedGroups(AppContext ctx) {
    this.ctx = ctx;
    for (LiveGroup g : ctx.live().groups()) {
      namesById.put(g.id(), g.name());
    }
  }

  /** A tester the file does not mention and does not own. */
  void add(LiveTester tester) {
    testers++;
    for (String id : tester.groupIds()) {
      if (!ctx.managesGroup(id)) {
        groups.add("\"" + namesById.getOrDefault(id, id) + "\"");
      }
    }
  }

  void note() {
    if (testers == 0) {
      return;
    }
    List<String> shown = groups.stream().limit(5).toList();
    String more =
        groups.size() > shown.size() ? " and " + (groups.size() - shown.size()) + " more" : "";
    ctx.out()
        .note(
            ctx.app(),
            ctx.app(),
            testers
                + " tester(s) not in the file stay in the app"
                + (ctx.options().prune() ? "" : ", also with --prune")
                + ": each is in a group the file does not manage ("
                + String.join(", ", shown)
                + more
                + "), and manage.testers: exclusive removes only testers all of whose groups the file manages");
  }
}
