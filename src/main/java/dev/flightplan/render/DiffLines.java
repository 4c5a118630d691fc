package dev.flightplan.render;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.ActionKind;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Change;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The lines of one action's diff in the full views, shared by the text view ({@link PlanTextView})
 * and the Markdown view's diff block ({@link MarkdownDiff}), which lay them out each in its own
 * syntax: a heading saying what happens and why, the object's opening line, one line per attribute
 * (or per changed set), and the closing line. Values are the plan's, unformatted and unmasked:
 * formatting, masking and escaping are the views'. {@code width} is the length of the longest
 * attribute name in the block, to which the views pad names.
 */
final class DiffLines {
  private DiffLines() {}

  /** One line of an action's diff. */
  sealed interface Line {}

  /**
   * The comment that heads the block: the object's address ({@code what}), what happens to it, and
   * why ({@code reason}) when the heading gives it ({@link #explains}), else null.
   */
  record Header(String what, String verb, String reason) implements Line {}

  /** The object's opening line, with the action's symbol. */
  record Open(ActionKind kind, String what) implements Line {}

  /**
   * An attribute of an object created ({@code +}), deleted ({@code -}) or of a request sent (a
   * blank sign).
   */
  record Attribute(String sign, String name, int width, Object value) implements Line {}

  /** An attribute a replacement keeps as it is. */
  record Kept(String name, int width, Object value) implements Line {}

  /**
   * An attribute changed from {@code before} to {@code after}, in place or by a replacement, which
   * a change of it may force.
   */
  record Changed(String name, int width, Object before, Object after, boolean forcesReplacement)
      implements Line {}

  /** A set attribute's members added and removed (both sorted). */
  record Members(String name, int width, List<String> added, List<String> removed)
      implements Line {}

  /** The object's closing line. */
  record Close() implements Line {}

  /** The lines of {@code action}'s block, in order. */
  static List<Line> of(Action action) {
    List<Line> lines = new ArrayList<>();
    String what = action.address().local();
    lines.add(new Header(what, verb(action), explains(action) ? action.reason() : null));
    lines.add(new Open(action.kind(), what));
    switch (action.kind()) {
      case CREATE -> attributes(((Action.Create) action).after(), "+", lines);
      case DELETE -> attributes(((Action.Delete) action).before(), "-", lines);
      case UPDATE -> changes(((Action.Update) action).changes(), lines);
      case REPLACE -> replacement((Action.Replace) action, lines);
      case SEND -> attributes(((Action.Send) action).details(), " ", lines);
    }
    lines.add(new Close());
    return List.copyOf(lines);
  }

  /**
   * Whether an action's heading gives its reason: for what destroys, replaces or sends, for a
   * rename (other updates speak for themselves; a rename says whether it was declared, or is one of
   * case or Unicode form only, which the two names, alike on screen, may not show), and for an
   * update that only removes members (delete-like: a group's inactive-tester policy says each
   * member's activity there).
   */
  static boolean explains(Action action) {
    return action.reason() != null
        && (action.kind() == ActionKind.REPLACE
            || action.kind() == ActionKind.DELETE
            || action.kind() == ActionKind.SEND
            || action instanceof Action.Update u
                && (u.changes().stream().anyMatch(c -> c.attribute().equals("name"))
                    || onlyRemovesMembers(u)));
  }

  /**
   * An update that only removes members: delete-like (a group's inactive-tester policy says why).
   */
  private static boolean onlyRemovesMembers(Action.Update u) {
    return u.changes().stream()
        .allMatch(
            c -> c instanceof Change.Members m && m.added().isEmpty() && !m.removed().isEmpty());
  }

  /** What happens to the object: "will be created", "must be replaced", ... */
  static String verb(Action action) {
    boolean tester = "tester".equals(action.address().type());
    return switch (action.kind()) {
      case CREATE -> "will be created";
      case UPDATE -> "will be updated in place";
      case REPLACE -> "must be replaced";
      // a build is never deleted: its delete is the build expiry policy's expiring (kinds/expiry)
      case DELETE ->
          tester
              ? "will be removed from the app"
              : "build".equals(action.address().type()) ? "will be expired" : "will be destroyed";
      case SEND -> "will be sent";
    };
  }

  private static void attributes(Attributes attrs, String sign, List<Line> lines) {
    int width = attrs.values().keySet().stream().mapToInt(String::length).max().orElse(0);
    attrs.values().forEach((name, value) -> lines.add(new Attribute(sign, name, width, value)));
  }

  private static void changes(List<Change> changes, List<Line> lines) {
    int width = changes.stream().mapToInt(c -> c.attribute().length()).max().orElse(0);
    for (Change change : changes) {
      if (change instanceof Change.Value v) {
        lines.add(new Changed(v.attribute(), width, v.before(), v.after(), false));
      } else if (change instanceof Change.Members m) {
        lines.add(new Members(m.attribute(), width, m.added(), m.removed()));
      }
    }
  }

  private static void replacement(Action.Replace r, List<Line> lines) {
    LinkedHashSet<String> names = new LinkedHashSet<>(r.before().values().keySet());
    names.addAll(r.after().values().keySet());
    int width = names.stream().mapToInt(String::length).max().orElse(0);
    for (String name : names) {
      Object before = r.before().get(name);
      Object after = r.after().get(name);
      if (Objects.equals(before, after)) {
        lines.add(new Kept(name, width, after));
      } else {
        lines.add(new Changed(name, width, before, after, r.forcedBy().contains(name)));
      }
    }
  }
}
