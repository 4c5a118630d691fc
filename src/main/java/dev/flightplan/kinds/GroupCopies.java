package dev.flightplan.kinds;

import dev.flightplan.config.GroupSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Phase;
import dev.flightplan.state.Copies;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A group of the file whose name App Store Connect holds more than once ({@link Copies}: the oldest
 * copy is the file's group). Another copy that holds nothing the kept one lacks (no tester, no
 * public link, no build of its own among the builds read) is deleted like any duplicate ({@link
 * Duplicates}). One that does hold something is an error naming both copies: deleting it would lose
 * testers or a public link people use, so a person decides.
 */
final class GroupCopies {
  private GroupCopies() {}

  static void plan(AppContext ctx) {
    for (GroupSpec spec : ctx.desired().groups()) {
      List<LiveGroup> copies = ctx.groups().copies(spec.name());
      for (int i = 1; i < copies.size(); i++) {
        LiveGroup kept = copies.get(0);
        LiveGroup copy = copies.get(i);
        List<String> more = heldOnlyBy(ctx, copy, kept);
        if (more.isEmpty()) {
          Duplicates.delete(
              ctx,
              Phase.GROUP_DELETE,
              GroupKind.TYPE,
              Address.group(ctx.app(), spec.name()),
              kept.id(),
              whyKept(kept)
                  + "; this copy holds no tester, build or public link the kept one lacks",
              copy.id(),
              GroupKind.liveAttributes(copy, ctx));
        } else {
          ctx.out()
              .diagnostic(
                  Diagnostic.error(
                      spec.pos(),
                      "group \""
                          + spec.name()
                          + "\" is in App Store Connect twice: "
                          + kept.id()
                          + " ("
                          + created(kept)
                          + ", the copy flightplan manages) and "
                          + copy.id()
                          + " ("
                          + created(copy)
                          + "), which has "
                          + String.join(" and ", more)
                          + " the other lacks",
                      "flightplan keeps the oldest copy and never deletes one that holds testers, builds or a public link: in"
                          + " App Store Connect, move what you need into the group "
                          + kept.id()
                          + " and delete "
                          + copy.id()
                          + ", or rename one of them (and add it to the file under its new name); then plan again"));
        }
      }
    }
  }

  /** Why the first copy is kept: it is the oldest (or, undated, has the lowest id). */
  static String whyKept(LiveGroup kept) {
    return kept.createdDate() == null
        ? "the lowest id, as App Store Connect dated neither copy"
        : "the oldest, " + created(kept);
  }

  private static String created(LiveGroup g) {
    return g.createdDate() == null ? "undated" : "created " + g.createdDate();
  }

  /**
   * What {@code copy} holds that {@code kept} does not: testers, its public link, builds (as far as
   * they were read).
   */
  private static List<String> heldOnlyBy(AppContext ctx, LiveGroup copy, LiveGroup kept) {
    List<String> more = new ArrayList<>();
    Set<String> keptMembers = new HashSet<>();
    ctx.liveMembers(kept.id()).forEach(t -> keptMembers.add(t.id()));
    long testers =
        ctx.liveMembers(copy.id()).stream()
            .map(LiveTester::id)
            .filter(id -> !keptMembers.contains(id))
            .count();
    if (testers > 0) {
      more.add(testers + " tester(s)");
    }
    if (copy.publicLinkEnabled()) {
      more.add(
          "a public link in use"
              + (copy.publicLink() == null ? "" : " (" + copy.publicLink() + ")"));
    }
    long builds = 0;
    for (LiveBuild b : ctx.live().builds()) {
      if (b.groupIds().contains(copy.id()) && !b.groupIds().contains(kept.id())) {
        builds++;
      }
    }
    if (builds > 0) {
      more.add(builds + " build(s)");
    }
    return more;
  }
}
