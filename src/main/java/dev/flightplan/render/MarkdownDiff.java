package dev.flightplan.render;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Change;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The body of a {@code diff} code block in the Markdown view: actions as Terraform-like blocks with
 * the sign in the first column, so GitHub colours them ({@code +} created, {@code -} deleted or old
 * value, {@code ~} updated, {@code -/+} replaced). Lists show at most {@code listItems} entries and
 * strings at most {@link #LONG_STRING} characters, each cut saying how much was left out; {@code
 * personal} masks personal data and escapes user text.
 */
final class MarkdownDiff {
  static final int LONG_STRING = 200;
  private static final int INLINE_LIST = 3;

  private final StringBuilder body;
  private final int listItems;
  private final PersonalData personal;

  MarkdownDiff(StringBuilder body, int listItems, PersonalData personal) {
    this.body = body;
    this.listItems = listItems;
    this.personal = personal;
  }

  /**
   * Appends one action as a block: a comment with what and why, then the object with signed lines.
   */
  void action(Action action) {
    String what = personal.text(action.address().local());
    boolean explain = PlanTextView.explains(action);
    body.append("# ")
        .append(what)
        .append(' ')
        .append(PlanTextView.verb(action))
        .append(explain ? ": " + personal.text(action.reason()) : "")
        .append('\n');
    body.append(action.kind().symbol()).append(' ').append(what).append(" {\n");
    switch (action.kind()) {
      case CREATE -> attributes(((Action.Create) action).after(), "+");
      case DELETE -> attributes(((Action.Delete) action).before(), "-");
      case UPDATE -> changes(((Action.Update) action).changes());
      case REPLACE -> replacement((Action.Replace) action);
      case SEND -> attributes(((Action.Send) action).details(), " ");
    }
    body.append("  }\n");
  }

  private void attributes(Attributes attrs, String sign) {
    int width = attrs.values().keySet().stream().mapToInt(String::length).max().orElse(0);
    attrs
        .values()
        .forEach(
            (name, value) -> line(sign, pad(name, width), personal.attribute(name, value), ""));
  }

  private void changes(List<Change> changes) {
    int width = changes.stream().mapToInt(c -> c.attribute().length()).max().orElse(0);
    for (Change change : changes) {
      String name = pad(change.attribute(), width);
      if (change instanceof Change.Value v) {
        line("-", name, personal.attribute(change.attribute(), v.before()), "");
        line("+", name, personal.attribute(change.attribute(), v.after()), "");
      } else if (change instanceof Change.Members m) {
        body.append("~     ").append(name).append(" = [\n");
        items("+", m.added(), "added");
        items("-", m.removed(), "removed");
        body.append("      ]\n");
      }
    }
  }

  private void replacement(Action.Replace r) {
    LinkedHashSet<String> names = new LinkedHashSet<>(r.before().values().keySet());
    names.addAll(r.after().values().keySet());
    int width = names.stream().mapToInt(String::length).max().orElse(0);
    for (String name : names) {
      Object before = personal.attribute(name, r.before().get(name));
      Object after = personal.attribute(name, r.after().get(name));
      if (Objects.equals(r.before().get(name), r.after().get(name))) {
        line(" ", pad(name, width), after, "");
      } else {
        line(
            "-",
            pad(name, width),
            before,
            r.forcedBy().contains(name) ? "  # forces replacement" : "");
        line("+", pad(name, width), after, "");
      }
    }
  }

  private void line(String sign, String name, Object value, String comment) {
    if (value instanceof List<?> list && list.size() > INLINE_LIST) {
      body.append(sign).append("     ").append(name).append(" = [").append(comment).append('\n');
      items(sign, list, null);
      body.append(sign.isBlank() ? " " : sign).append("     ]\n");
    } else {
      body.append(sign)
          .append("     ")
          .append(name)
          .append(" = ")
          .append(value(value))
          .append(comment)
          .append('\n');
    }
  }

  private void items(String sign, List<?> items, String what) {
    for (Object item : items.subList(0, Math.min(listItems, items.size()))) {
      body.append(sign).append("         ").append(value(item)).append(",\n");
    }
    int hidden = items.size() - listItems;
    if (hidden > 0) {
      body.append(sign)
          .append("         # … and ")
          .append(Markdown.count(hidden))
          .append(" more")
          .append(what == null ? "" : " " + what)
          .append('\n');
    }
  }

  private String value(Object value) {
    if (value instanceof String s && s.length() > LONG_STRING) {
      return personal.text(Values.format(s.substring(0, LONG_STRING)))
          + "… ("
          + Markdown.count(s.length())
          + " characters)";
    }
    if (value instanceof List<?> list && list.size() > listItems) {
      return personal.text(Values.format(list.subList(0, listItems)))
          + " … and "
          + Markdown.count(list.size() - listItems)
          + " more";
    }
    return personal.text(Values.format(value));
  }

  private static String pad(String name, int width) {
    return name + " ".repeat(Math.max(0, width - name.length()));
  }
}
