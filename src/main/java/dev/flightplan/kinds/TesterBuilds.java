package dev.flightplan.kinds;

import dev.flightplan.config.BuildRef;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.BuildAssignments;
import dev.flightplan.plan.Id;
import dev.flightplan.state.Builds;
import dev.flightplan.state.LiveBuild;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds given to a tester individually (outside any group). With {@code builds:} on the tester the
 * tester gets exactly those; without it they are left alone. The same refusals as for an external
 * group apply.
 */
final class TesterBuilds {
  private TesterBuilds() {}

  /** The builds a tester gains and loses, by label. */
  record Diff(List<String> added, List<String> removed) {
    boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty();
    }
  }

  /**
   * Plans a tester's individual builds. {@code liveId} is null for a tester the plan creates;
   * {@code id} is what the assignment requests name (the id its creation produces, for such a
   * tester).
   */
  static Diff plan(AppContext ctx, TesterSpec spec, String liveId, Id id, Address address) {
    if (spec.builds() == null) {
      return new Diff(List.of(), List.of());
    }
    List<LiveBuild> all = ctx.live().builds();
    Set<String> wanted = new LinkedHashSet<>();
    Set<String> keep = new LinkedHashSet<>();
    for (BuildRef ref : spec.builds()) {
      Optional<LiveBuild> found = Builds.resolve(all, ref);
      if (found.isEmpty()) {
        if (Refusal.awaitUnlisted(ctx, ref, "is not given to " + spec.email() + " yet")) {
          continue;
        }
        ctx.out()
            .diagnostic(
                Diagnostic.error(
                    ref.pos(),
                    "tester " + spec.email() + ": " + Builds.describeMissing(all, ref),
                    "check the version and build number in App Store Connect"));
        continue;
      }
      LiveBuild b = found.get();
      Refusal refusal = Refusal.of(b, false);
      if (refusal == null) {
        wanted.add(b.id());
      } else {
        keep.add(b.id());
        if (liveId == null || !b.individualTesterIds().contains(liveId)) {
          ctx.out().diagnostic(refusal.warning(ref.pos(), b, spec.email()));
          refusal.pending(ctx, b);
        }
      }
    }
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (LiveBuild b : all) {
      boolean has = liveId != null && b.individualTesterIds().contains(liveId);
      if (wanted.contains(b.id()) && !has) {
        added.add(b.label());
        ctx.buildAssignments()
            .add(b.id(), b.label(), BuildAssignments.Target.TESTERS, true, id, address);
      } else if (has && !wanted.contains(b.id()) && !keep.contains(b.id()) && !b.expired()) {
        removed.add(b.label());
        ctx.buildAssignments()
            .add(b.id(), b.label(), BuildAssignments.Target.TESTERS, false, id, address);
      }
    }
    return new Diff(added, removed);
  }
}
