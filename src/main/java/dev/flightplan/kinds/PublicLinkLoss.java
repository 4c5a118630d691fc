package dev.flightplan.kinds;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.plan.AppContext;
import dev.flightplan.state.LiveGroup;

/**
 * The warning a plan gives when it deletes a group (or deletes it to create it again) whose public
 * link is enabled or that testers joined through the link: the link stops working for everyone who
 * has it, and those testers are left in no group (the file does not list them, so nothing puts them
 * back). A warning, so that it shows in every view of the plan (text, Markdown, JSON), not only in
 * the group's reason.
 */
final class PublicLinkLoss {
  private PublicLinkLoss() {}

  /**
   * Warns about {@code live}, which the plan deletes ({@code replaced} false) or replaces; {@code
   * pos} is where the file names the group, or null when it does not.
   */
  static void warn(AppContext ctx, LiveGroup live, boolean replaced, SourcePos pos) {
    long joiners = ctx.liveMembers(live.id()).stream().filter(t -> t.joinedByPublicLink()).count();
    if (!live.publicLinkEnabled() && joiners == 0) {
      return;
    }
    String what =
        "group \""
            + live.name()
            + "\" of "
            + ctx.app()
            + " is "
            + (replaced ? "deleted and created again" : "deleted");
    if (live.publicLinkEnabled()) {
      what += ": its public link, which is enabled, stops working for everyone who has it";
    }
    if (joiners > 0) {
      what +=
          (live.publicLinkEnabled() ? ", and " : ": ")
              + "the "
              + joiners
              + " tester(s) who joined through the link are left in no group";
    }
    String hint =
        replaced
            ? "the new group has a new public link to share; keep the group as it is to keep its link and testers"
            : "add the group to the file (with protect: true if its link has been shared) to keep it";
    ctx.out().diagnostic(Diagnostic.warning(pos, what, hint));
  }
}
