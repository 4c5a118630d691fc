package dev.flightplan.kinds;

import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.LinkLimit;
import dev.flightplan.config.PublicLinkSpec;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.state.LiveGroup;

/**
 * A public link's limit, which a file leaves alone by leaving the key out ({@code limit: none}
 * removes it). Files written for earlier versions of flightplan, which read an omitted limit as "no
 * limit", are told where that meaning changed: a note at the group's {@code publicLink} whenever
 * App Store Connect has a limit the file does not state.
 */
final class LinkLimits {
  private LinkLimits() {}

  /** The limit App Store Connect has for {@code live}: null when the link has none. */
  static Integer live(LiveGroup live) {
    return live != null && live.publicLinkLimitEnabled() ? live.publicLinkLimit() : null;
  }

  /**
   * Notes, when the file leaves out a limit that App Store Connect has, that it is kept and how to
   * say otherwise.
   */
  static void noteKept(GroupPlan p, GroupSpec spec, PublicLinkSpec link, Integer liveLimit) {
    if (link.limit() != null || liveLimit == null) {
      return;
    }
    SourcePos pos = link.pos() != null ? link.pos() : spec.pos();
    p.ctx
        .out()
        .note(
            p.ctx.app(),
            pos == null ? null : pos.toString(),
            "group \""
                + spec.name()
                + "\": publicLink states no limit, so the"
                + " limit App Store Connect has ("
                + liveLimit
                + ") is left as it is (earlier versions of flightplan removed it);"
                + " write limit: "
                + LinkLimit.NONE_WORD
                + " to remove it, or limit: "
                + liveLimit
                + " to keep it");
  }
}
