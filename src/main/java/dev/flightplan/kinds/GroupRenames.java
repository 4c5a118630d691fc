package dev.flightplan.kinds;

import dev.flightplan.config.GroupName;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Quote;
import dev.flightplan.plan.AppContext;
import dev.flightplan.state.LiveGroup;

/**
 * A group whose name App Store Connect has otherwise: in another case or Unicode form ("Beta" for
 * the file's "beta": the same name to App Store Connect), or under its old name ({@code
 * renamedFrom}). Either is the same group, renamed in place by the one PATCH that carries its other
 * settings, so it keeps its id, public link, testers and builds. A {@code renamedFrom} that App
 * Store Connect cannot settle is said before anything is planned: groups of both names are an error
 * (which one the file means is a person's call), and neither is a warning (the group is created).
 */
final class GroupRenames {
  private GroupRenames() {}

  /**
   * An error for each group renamed from a name App Store Connect has beside the new one; a warning
   * when it has neither.
   */
  static void check(AppContext ctx) {
    for (GroupSpec spec : ctx.desired().groups()) {
      if (spec.renamedFrom() == null) {
        continue;
      }
      String name = quote(spec.name());
      String old = quote(spec.renamedFrom());
      if (ctx.groups().bothNames(spec)) {
        LiveGroup current = ctx.liveGroup(spec.name()).orElseThrow();
        LiveGroup previous = ctx.groups().ofOldName(spec).orElseThrow();
        ctx.out()
            .diagnostic(
                Diagnostic.error(
                    spec.pos(),
                    "group "
                        + name
                        + " is renamed from "
                        + old
                        + ", but App Store Connect has both: "
                        + quote(current.name())
                        + " ("
                        + current.id()
                        + ") and "
                        + quote(previous.name())
                        + " ("
                        + previous.id()
                        + ")",
                    "flightplan cannot tell which one the file means. If the rename is done, remove renamedFrom (the group "
                        + old
                        + " is then a group the file does not list); if not, delete or rename the group "
                        + quote(current.name())
                        + " in App Store Connect; then plan again"));
      } else if (ctx.liveGroup(spec.name()).isEmpty()) {
        ctx.out()
            .diagnostic(
                Diagnostic.warning(
                    spec.pos(),
                    "group "
                        + name
                        + " is renamed from "
                        + old
                        + ", but App Store Connect has no group of either name: "
                        + name
                        + " is created as a new group",
                    "check renamedFrom against the names App Store Connect has (flightplan pull lists them)"));
      }
    }
  }

  /**
   * Plans the name change, if App Store Connect has the group under another name: shown, and sent
   * with the PATCH.
   */
  static void plan(GroupPlan p, GroupSpec spec, LiveGroup live) {
    if (!spec.name().equals(live.name())) {
      p.change("name", live.name(), spec.name());
      p.patchNow.put("name", spec.name());
    }
  }

  /** Why the group's name changes; null when it does not. */
  static String reason(AppContext ctx, GroupSpec spec, LiveGroup live) {
    if (spec.name().equals(live.name())) {
      return null;
    }
    if (ctx.groups().renamed(spec.name())) {
      return "renamed from "
          + quote(live.name())
          + " (renamedFrom): the same group, keeping its id, public link,"
          + " testers and builds";
    }
    return "App Store Connect writes the name "
        + quote(live.name())
        + ", which differs only by "
        + GroupName.difference(spec.name(), live.name())
        + " (the same name to App Store Connect): renamed to the"
        + " file's spelling";
  }

  static String quote(String name) {
    return Quote.of(name);
  }
}
