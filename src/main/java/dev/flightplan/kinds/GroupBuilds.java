package dev.flightplan.kinds;

import dev.flightplan.config.BuildRef;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.plan.BuildAssignments;
import dev.flightplan.plan.Change;
import dev.flightplan.state.Builds;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The builds a group gets. With {@code builds:} in the file the group gets exactly those; without
 * it its builds are left alone. What App Store Connect would refuse is not sent but said: an
 * internal group with access to all builds gets them automatically (manual assignment answers 422);
 * a build still processing, failed or expired cannot be given; an external group only gets a build
 * that passed beta review and was not uploaded for internal testing only ({@link Refusal}).
 */
final class GroupBuilds {
  private GroupBuilds() {}

  /**
   * Plans the group's builds and returns whether the group will have at least one build after
   * apply.
   */
  static boolean plan(GroupPlan p, GroupSpec spec, LiveGroup live) {
    List<LiveBuild> all = p.ctx.live().builds();
    Set<String> current = new LinkedHashSet<>();
    if (live != null) {
      all.stream().filter(b -> b.groupIds().contains(live.id())).forEach(b -> current.add(b.id()));
    }
    if (spec.builds() == null) {
      return !current.isEmpty();
    }
    boolean allBuilds =
        spec.internal()
            && (spec.accessToAllBuilds() != null
                ? spec.accessToAllBuilds()
                : live != null && live.accessToAllBuilds());
    if (allBuilds) {
      if (!spec.builds().isEmpty()) {
        p.ctx
            .out()
            .diagnostic(
                Diagnostic.warning(
                    spec.builds().get(0).pos(),
                    "group \""
                        + spec.name()
                        + "\" gets every build automatically (accessToAllBuilds), so its builds: are not assigned",
                    "App Store Connect refuses manual assignment to such a group; remove builds: or set accessToAllBuilds: false"));
      }
      return all.stream().anyMatch(LiveBuild::usable);
    }
    Set<String> wanted = new LinkedHashSet<>();
    Set<String> keep = new LinkedHashSet<>();
    for (BuildRef ref : spec.builds()) {
      Optional<LiveBuild> found = Builds.resolve(all, ref);
      if (found.isEmpty()) {
        if (Refusal.awaitUnlisted(
            p.ctx, ref, "is not given to group \"" + spec.name() + "\" yet")) {
          continue;
        }
        p.ctx
            .out()
            .diagnostic(
                Diagnostic.error(
                    ref.pos(),
                    "group \"" + spec.name() + "\": " + Builds.describeMissing(all, ref),
                    "check the version and build number in App Store Connect"));
        continue;
      }
      LiveBuild b = found.get();
      Refusal refusal = Refusal.of(b, spec.internal());
      if (refusal == null) {
        wanted.add(b.id());
      } else {
        keep.add(b.id());
        if (!current.contains(b.id())) {
          p.ctx.out().diagnostic(refusal.warning(ref.pos(), b, "group \"" + spec.name() + "\""));
          refusal.pending(p.ctx, b);
          if (!refusal.permanent() && p.buildPending == null) {
            p.buildPending = "build " + b.label() + ": " + refusal.reason();
          }
        }
      }
    }
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (LiveBuild b : all) {
      if (wanted.contains(b.id()) && !current.contains(b.id())) {
        added.add(b.label());
        p.ctx
            .buildAssignments()
            .add(b.id(), b.label(), BuildAssignments.Target.GROUPS, true, p.groupId, p.address);
      } else if (current.contains(b.id())
          && !wanted.contains(b.id())
          && !keep.contains(b.id())
          && !b.expired()) {
        // an expired build is left where it is: testers cannot install it any more, and Apple keeps
        // it
        removed.add(b.label());
        p.ctx
            .buildAssignments()
            .add(b.id(), b.label(), BuildAssignments.Target.GROUPS, false, p.groupId, p.address);
      }
    }
    if (live != null && (!added.isEmpty() || !removed.isEmpty())) {
      p.changes.add(new Change.Members("builds", added, removed));
    }
    return !wanted.isEmpty() || current.size() > removed.size();
  }

  /** The labels of the builds the file gives the group, resolved, for a create's attributes. */
  static List<String> labels(GroupPlan p, GroupSpec spec) {
    if (spec.builds() == null) {
      return null;
    }
    List<String> labels = new ArrayList<>();
    for (BuildRef ref : spec.builds()) {
      labels.add(
          Builds.resolve(p.ctx.live().builds(), ref).map(LiveBuild::label).orElse(ref.label()));
    }
    return labels;
  }
}
