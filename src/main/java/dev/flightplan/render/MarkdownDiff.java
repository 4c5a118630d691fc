package dev.flightplan.render;

import dev.flightplan.plan.Action;
import java.util.List;

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
   * Appends one action as a block ({@link DiffLines}): a comment with what and why, then the object
   * with signed lines.
   */
  void action(Action action) {
    for (DiffLines.Line line : DiffLines.of(action)) {
      if (line instanceof DiffLines.Header h) {
        body.append("# ")
            .append(personal.text(h.what()))
            .append(' ')
            .append(h.verb())
            .append(h.reason() != null ? ": " + personal.text(h.reason()) : "")
            .append('\n');
      } else if (line instanceof DiffLines.Open o) {
        body.append(o.kind().symbol()).append(' ').append(personal.text(o.what())).append(" {\n");
      } else if (line instanceof DiffLines.Attribute a) {
        line(
            a.sign(), Values.pad(a.name(), a.width()), personal.attribute(a.name(), a.value()), "");
      } else if (line instanceof DiffLines.Kept k) {
        line(" ", Values.pad(k.name(), k.width()), personal.attribute(k.name(), k.value()), "");
      } else if (line instanceof DiffLines.Changed c) {
        String name = Values.pad(c.name(), c.width());
        line(
            "-",
            name,
            personal.attribute(c.name(), c.before()),
            c.forcesReplacement() ? "  # forces replacement" : "");
        line("+", name, personal.attribute(c.name(), c.after()), "");
      } else if (line instanceof DiffLines.Members m) {
        body.append("~     ").append(Values.pad(m.name(), m.width())).append(" = [\n");
        items("+", m.added(), "added");
        items("-", m.removed(), "removed");
        body.append("      ]\n");
      } else if (line instanceof DiffLines.Close) {
        body.append("  }\n");
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
      // masked before it is cut: an address cut short (carol@example) no longer looks like one
      String masked = personal.emails(s);
      int end =
          masked.offsetByCodePoints(
              0, Math.min(LONG_STRING, masked.codePointCount(0, masked.length())));
      return personal.text(Values.format(masked.substring(0, end)))
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
}
