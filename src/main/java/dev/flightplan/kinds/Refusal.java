package dev.flightplan.kinds;

import dev.flightplan.config.BuildRef;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.PendingBuild;
import dev.flightplan.state.BuildStatuses;
import dev.flightplan.state.LiveBuild;
import java.util.Locale;

/**
 * Why App Store Connect would refuse to give a build to a group or a tester, and whether that can
 * change: a build still processing or waiting for beta review may be given by a later plan; one
 * that expired, failed processing, or was uploaded for internal testing only (to an external group
 * or a tester) never will be, and is said so.
 */
record Refusal(String reason, boolean permanent) {
  /**
   * The refusal for giving {@code b} to an internal group or not (a tester counts as external);
   * null if none.
   */
  static Refusal of(LiveBuild b, boolean internalGroup) {
    if (b.expired()) {
      return new Refusal("it has expired", true);
    }
    String processing = String.valueOf(b.processingState());
    if (processing.equals("FAILED") || processing.equals("INVALID")) {
      return new Refusal("its processing ended in " + processing, true);
    }
    if (!processing.equals("VALID")) {
      return new Refusal("it is " + processing.toLowerCase(Locale.ROOT) + ", not processed", false);
    }
    if (!internalGroup && "INTERNAL_ONLY".equals(b.audience())) {
      return new Refusal("it was uploaded for internal testing only", true);
    }
    if (!internalGroup && !"APPROVED".equals(b.reviewState())) {
      return new Refusal(
          "it has not passed beta review"
              + (b.reviewState() == null ? "" : " (" + b.reviewState() + ")"),
          false);
    }
    return null;
  }

  /**
   * Records a refusal that changes by itself, for {@code apply --wait} to watch the build; nothing
   * if permanent.
   */
  void pending(AppContext ctx, LiveBuild b) {
    if (!permanent) {
      ctx.out().pending(new PendingBuild(ctx.app(), b.id(), b.label(), reason));
    }
  }

  /**
   * With {@code apply --wait}, a build the file names by number that App Store Connect does not
   * list yet (as for some minutes after an upload): pending, with a warning at {@code ref} that
   * {@code what} waits; false otherwise, when it is the error it is without --wait.
   */
  static boolean awaitUnlisted(AppContext ctx, BuildRef ref, String what) {
    if (!ctx.options().awaitBuilds() || ref.latest()) {
      return false;
    }
    String reason = "App Store Connect does not list it yet";
    ctx.out()
        .pending(
            new PendingBuild(
                ctx.app(),
                null,
                ref.label(),
                reason,
                new BuildStatuses.Where(
                    ctx.live().id(), ref.platform(), ref.version(), ref.number())));
    ctx.out()
        .diagnostic(
            Diagnostic.warning(
                ref.pos(),
                "build " + ref.label() + " " + what + ": " + reason,
                "apply --wait watches for it and applies the file again once it is listed"));
    return true;
  }

  /**
   * The warning for a build the file gives {@code to} (a group "Name" or a tester's email) that is
   * not given.
   */
  Diagnostic warning(SourcePos pos, LiveBuild b, String to) {
    if (permanent) {
      return Diagnostic.warning(
          pos,
          "build "
              + b.label()
              + " is never given to "
              + to
              + ": "
              + reason
              + ", and that does not change",
          "App Store Connect refuses this build for good, so no plan gives it; remove it from the file (a newer build"
              + " can take its place)");
    }
    return Diagnostic.warning(
        pos,
        "build " + b.label() + " is not given to " + to + " yet: " + reason,
        "the next plan gives it once that changes; nothing to do now");
  }
}
