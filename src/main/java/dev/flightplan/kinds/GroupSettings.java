package dev.flightplan.kinds;

import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.LinkLimit;
import dev.flightplan.config.PublicLinkSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.state.LiveGroup;
import java.util.Objects;

/**
 * A group's mutable settings: feedback, the Apple silicon Mac and Apple Vision flags, and its
 * public link. A public link can only be enabled once the group has a build, so enabling it is
 * patched after builds are given; while the group's build cannot be given yet (in review,
 * processing) the link waits for it with a warning, and a link the group could never enable is an
 * error rather than a request Apple refuses.
 */
final class GroupSettings {
  private GroupSettings() {}

  /**
   * {@code live} is null for a group the plan creates (its settings then start from Apple's
   * defaults).
   */
  static void plan(GroupPlan p, GroupSpec spec, LiveGroup live, boolean willHaveBuild) {
    flag(
        p,
        "feedback",
        "feedbackEnabled",
        spec.feedback(),
        live == null ? null : live.feedback(),
        live == null);
    flag(
        p,
        "appleSiliconMac",
        "iosBuildsAvailableForAppleSiliconMac",
        spec.appleSiliconMac(),
        live == null ? null : live.appleSiliconMac(),
        false);
    flag(
        p,
        "appleVision",
        "iosBuildsAvailableForAppleVision",
        spec.appleVision(),
        live == null ? null : live.appleVision(),
        false);
    PublicLinkSpec link = spec.publicLink();
    if (link == null) {
      return;
    }
    boolean liveEnabled = live != null && live.publicLinkEnabled();
    Integer liveLimit = LinkLimits.live(live);
    if (link.enabled() && !liveEnabled && !willHaveBuild && p.buildPending != null) {
      // like the build itself: enabled by the plan after the one that gives the group its build
      p.linkDeferred = true;
      p.ctx
          .out()
          .diagnostic(
              Diagnostic.warning(
                  link.pos() == null ? spec.pos() : link.pos(),
                  "group \""
                      + spec.name()
                      + "\": the public link is not enabled yet: it needs a build in the group, and "
                      + p.buildPending,
                  "the next plan enables it once the build is given; nothing to do now"));
      return;
    }
    if (link.enabled() && !liveEnabled && !willHaveBuild) {
      p.ctx
          .out()
          .diagnostic(
              Diagnostic.error(
                  link.pos() == null ? spec.pos() : link.pos(),
                  "group \""
                      + spec.name()
                      + "\": a public link can only be enabled once the group has a build",
                  "give the group a build under builds: (App Store Connect refuses to enable the link otherwise)"));
      return;
    }
    if (link.enabled() != liveEnabled) {
      p.change(
          "publicLink",
          liveEnabled ? "enabled" : "disabled",
          link.enabled() ? "enabled" : "disabled");
    }
    LinkLimits.noteKept(p, spec, link, liveLimit);
    // an omitted limit is left as it is; limit: none removes it
    boolean limitChanges = link.limit() != null && !Objects.equals(link.limit().max(), liveLimit);
    if (limitChanges) {
      p.change(
          "publicLinkLimit",
          liveLimit == null ? LinkLimit.NONE_WORD : liveLimit,
          link.limit().shown());
    }
    if (!link.enabled()) {
      if (liveEnabled) {
        p.patchNow.put("publicLinkEnabled", false);
      }
      putLimit(p.patchNow, link, limitChanges);
    } else if (!liveEnabled) {
      p.patchAfterBuilds.put("publicLinkEnabled", true);
      putLimit(p.patchAfterBuilds, link, limitChanges);
    } else {
      putLimit(p.patchNow, link, limitChanges);
    }
  }

  private static void putLimit(
      java.util.Map<String, Object> patch, PublicLinkSpec link, boolean changes) {
    if (!changes) {
      return;
    }
    patch.put("publicLinkLimitEnabled", !link.limit().none());
    if (!link.limit().none()) {
      patch.put("publicLinkLimit", link.limit().max());
    }
  }

  /**
   * A boolean setting. For a new group, {@code inCreate} settings go in the create request; the
   * others (which the create request does not accept) are patched right after it, and only when
   * they differ from Apple's default.
   */
  private static void flag(
      GroupPlan p, String name, String apiName, Boolean wanted, Boolean live, boolean inCreate) {
    if (wanted == null || inCreate) {
      return;
    }
    boolean current = live != null && live;
    if (wanted != current) {
      if (live != null) {
        p.change(name, current, wanted);
      }
      p.patchNow.put(apiName, wanted);
    }
  }
}
