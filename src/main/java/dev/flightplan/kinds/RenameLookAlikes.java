package dev.flightplan.kinds;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.config.PublicLinkSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.plan.AppContext;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Renames are declared, never guessed: but a plan that creates a group while a group the file does
 * not list looks like it says so, in a warning with the key that makes it a rename ({@code
 * renamedFrom: "Old"} under the new group), since creating it instead means a new public link,
 * joiners left behind and testers notified again. A live group looks like the created one when it
 * is of the same kind (internal or external) and has the same testers (the file lists some), or,
 * when the plan deletes it or {@code --prune} would, the same settings (every setting the file
 * gives the new group, at least one: feedback, access to all builds, the Mac and Vision flags, the
 * public link and its limit). A group that stays (the file owns only the groups it lists) needs the
 * same testers: settings alone match too many groups that are left alone on purpose.
 */
final class RenameLookAlikes {
  private RenameLookAlikes() {}

  /**
   * Warns at each group of {@code created} that looks like a live group no group of the file is.
   */
  static void plan(AppContext ctx, List<GroupSpec> created) {
    List<LiveGroup> unlisted =
        ctx.groups().unlisted().stream().map(copies -> copies.get(0)).toList();
    if (created.isEmpty() || unlisted.isEmpty()) {
      return;
    }
    boolean goes = ctx.desired().manage().groups() == Manage.GroupsMode.ALL;
    String fate =
        !goes
            ? "which the file does not list (it stays)"
            : ctx.options().prune()
                ? "which this plan deletes"
                : "which apply --prune would delete";
    for (GroupSpec spec : created) {
      for (LiveGroup old : unlisted) {
        if (old.internal() != spec.internal()) {
          continue;
        }
        List<String> alike = new ArrayList<>();
        Set<String> members = ctx.membersByGroup().getOrDefault(spec.name(), Set.of());
        if (!members.isEmpty() && members.equals(emails(ctx, old))) {
          alike.add("the same " + members.size() + " tester(s)");
        }
        if (goes && sameSettings(spec, old)) {
          alike.add("the same settings");
        }
        if (alike.isEmpty()) {
          continue;
        }
        String key = "renamedFrom: " + quoted(old.name());
        ctx.out()
            .diagnostic(
                Diagnostic.warning(
                    spec.pos(),
                    "group "
                        + GroupRenames.quote(spec.name())
                        + " is created, and looks like a rename of group "
                        + GroupRenames.quote(old.name())
                        + " ("
                        + String.join(" and ", alike)
                        + "), "
                        + fate,
                    "if it is one, add `"
                        + key
                        + "` under the group "
                        + GroupRenames.quote(spec.name())
                        + ": the group is"
                        + " then renamed in place, keeping its id, public link, testers and builds"));
      }
    }
  }

  /**
   * The live group's testers' emails; null when one has none (nothing to compare the file's list
   * with).
   */
  private static Set<String> emails(AppContext ctx, LiveGroup group) {
    Set<String> out = new HashSet<>();
    for (LiveTester t : ctx.liveMembers(group.id())) {
      if (t.email() == null) {
        return null;
      }
      out.add(t.email());
    }
    return out;
  }

  /**
   * Whether the file gives the group at least one setting, and every one it gives is the live
   * group's.
   */
  private static boolean sameSettings(GroupSpec spec, LiveGroup old) {
    int said = 0;
    boolean same = true;
    for (Boolean[] pair :
        new Boolean[][] {
          {spec.feedback(), old.feedback()}, {spec.accessToAllBuilds(), old.accessToAllBuilds()},
          {spec.appleSiliconMac(), old.appleSiliconMac()}, {spec.appleVision(), old.appleVision()}
        }) {
      if (pair[0] != null) {
        said++;
        same &= pair[0].equals(pair[1]);
      }
    }
    PublicLinkSpec link = spec.publicLink();
    if (link != null) {
      said++;
      same &= link.enabled() == old.publicLinkEnabled();
      if (link.limit() != null) {
        Integer liveLimit = old.publicLinkLimitEnabled() ? old.publicLinkLimit() : null;
        same &= Objects.equals(link.limit().max(), liveLimit);
      }
    }
    return said > 0 && same;
  }

  /**
   * The name as a YAML double-quoted scalar (JSON's escapes are YAML's), so that the key can be
   * pasted as shown.
   */
  private static String quoted(String name) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\"";
  }
}
