package dev.flightplan.render;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.ActionKind;
import dev.flightplan.plan.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The lines of one app's compact view ({@link PlanDigest}), shared by the text and Markdown views,
 * which lay them out and colour them each their own way. A line has the sign the full views use
 * ({@code +}, {@code ~}, {@code -/+}, {@code -}, {@code >}; a blank for a line that is neither;
 * empty for a heading or an empty line), a depth (0: a kind of object or a group, 1: an example),
 * and text, whose user-written parts went through {@code userText}.
 */
final class DigestLines {
  /** One line; {@code sign} empty and {@code text} empty is an empty line. */
  record Line(String sign, int depth, String text) {}

  private final UnaryOperator<String> userText;
  private final List<Line> lines = new ArrayList<>();

  private DigestLines(UnaryOperator<String> userText) {
    this.userText = userText;
  }

  static List<Line> of(PlanDigest.AppDigest app, UnaryOperator<String> userText) {
    DigestLines d = new DigestLines(userText);
    app.buckets().forEach(d::bucket);
    if (!app.groups().isEmpty()) {
      d.lines.add(new Line("", 0, ""));
      d.lines.add(new Line("", 0, "testers by group:"));
      app.groups().forEach(d::members);
    }
    return List.copyOf(d.lines);
  }

  private void bucket(PlanDigest.Bucket b) {
    String sign = b.kind().symbol();
    lines.add(
        new Line(
            sign,
            0,
            b.type() + ": " + Markdown.count(b.count()) + " " + label(b.kind(), b.type())));
    b.examples().forEach(a -> lines.add(new Line(sign, 1, quoted(a.address().key()) + detail(a))));
    more(b.count() - b.examples().size(), "");
  }

  private void members(PlanDigest.Members m) {
    List<String> parts = new ArrayList<>();
    if (m.added() > 0) {
      parts.add(Markdown.count(m.added()) + " added");
    }
    if (m.removed() > 0) {
      parts.add(Markdown.count(m.removed()) + " removed");
    }
    lines.add(new Line("~", 0, quoted(m.group()) + ": " + String.join(", ", parts)));
    m.addedExamples().forEach(e -> lines.add(new Line("+", 1, quoted(e))));
    more(m.added() - m.addedExamples().size(), " added");
    m.removedExamples().forEach(e -> lines.add(new Line("-", 1, quoted(e))));
    more(m.removed() - m.removedExamples().size(), " removed");
  }

  private void more(int hidden, String what) {
    if (hidden > 0) {
      lines.add(new Line(" ", 1, "… and " + Markdown.count(hidden) + " more" + what));
    }
  }

  private String quoted(String s) {
    return "\"" + userText.apply(s) + "\"";
  }

  /**
   * What an example changes: the attributes of an update (a set's members counted), what forces a
   * replacement.
   */
  private static String detail(Action a) {
    if (a instanceof Action.Update u) {
      return ": " + u.changes().stream().map(DigestLines::change).collect(Collectors.joining(", "));
    }
    if (a instanceof Action.Replace r && !r.forcedBy().isEmpty()) {
      return ": forced by " + String.join(", ", r.forcedBy());
    }
    return "";
  }

  private static String change(Change c) {
    if (c instanceof Change.Members m) {
      return m.attribute()
          + (m.added().isEmpty() ? "" : " +" + Markdown.count(m.added().size()))
          + (m.removed().isEmpty() ? "" : " -" + Markdown.count(m.removed().size()));
    }
    return c.attribute();
  }

  static String label(ActionKind kind, String type) {
    return switch (kind) {
      case CREATE -> "to create";
      case UPDATE -> "to update in place";
      case REPLACE -> "to replace";
      case DELETE ->
          "tester".equals(type)
              ? "to remove from the app"
              : "build".equals(type) ? "to expire" : "to destroy";
      case SEND -> "to send";
    };
  }
}
