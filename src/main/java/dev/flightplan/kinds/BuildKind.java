package dev.flightplan.kinds;

import dev.flightplan.config.BuildSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.plan.AppContext;
import dev.flightplan.state.Builds;
import dev.flightplan.state.LiveBuild;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the file wants of particular builds (the app's {@code builds:} list): each entry is resolved
 * to one live build, then its parts are planned by their own classes: its settings and What to
 * Test, what other kinds plan of each build ({@link dev.flightplan.plan.ResourceKind#planBuild}),
 * and its submission for beta review. Builds are uploaded, never created; expiring a build is never
 * done. An expired build takes no change, so its entry plans nothing, with a note.
 */
public final class BuildKind implements Kind {
  @Override
  public List<String> types() {
    return List.of("build", "whatToTest", "reviewSubmission");
  }

  @Override
  public void plan(AppContext ctx) {
    Set<String> seen = new HashSet<>();
    for (BuildSpec spec : ctx.desired().builds()) {
      Optional<LiveBuild> found = Builds.resolve(ctx.live().builds(), spec.ref());
      if (found.isEmpty()) {
        if (Refusal.awaitUnlisted(
            ctx, spec.ref(), "is not set up yet as its entry under builds: says")) {
          continue;
        }
        ctx.out()
            .diagnostic(
                Diagnostic.error(
                    spec.ref().pos(),
                    Builds.describeMissing(ctx.live().builds(), spec.ref()),
                    "check the version and build number in App Store Connect (builds are uploaded, not created by flightplan)"));
        continue;
      }
      LiveBuild build = found.get();
      if (!seen.add(build.id())) {
        ctx.out()
            .diagnostic(
                Diagnostic.error(
                    spec.pos(),
                    "build "
                        + build.label()
                        + " is described twice under builds: ("
                        + spec.ref().label()
                        + " names it again)",
                    "merge the two entries"));
        continue;
      }
      if (build.expired()) {
        // App Store Connect refuses every change to an expired build (409), on every apply: plan
        // none
        ctx.out()
            .note(
                ctx.app(),
                ctx.app(),
                "build "
                    + build.label()
                    + " has expired, so its entry under builds: plans nothing;"
                    + " App Store Connect changes an expired build no more, and it never becomes unexpired (the entry can go)");
        continue;
      }
      BuildSettings.plan(ctx, spec, build);
      ctx.kinds().forEach(k -> k.planBuild(ctx, spec, build));
      ReviewSubmission.plan(ctx, spec, build);
    }
  }
}
