package dev.flightplan.render;

import dev.flightplan.diag.Quote;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Formats attribute values the way the terminal view shows them: strings quoted (backslashes and
 * quotes escaped, then what {@link TerminalText} escapes), lists in brackets.
 */
final class Values {
  private Values() {}

  static String format(Object value) {
    if (value == null) {
      return "(unset)";
    }
    if (value instanceof dev.flightplan.plan.Sensitive) {
      return "(sensitive value)";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Values::format).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(value);
  }

  /** {@code name} followed by spaces to {@code width} characters, for aligned attribute names. */
  static String pad(String name, int width) {
    return name + " ".repeat(Math.max(0, width - name.length()));
  }

  static String quote(String s) {
    // TerminalText shows newline and tab as \n and \t, as Quote.of writes them: only the other
    // controls are left to it
    return TerminalText.escape(Quote.of(s));
  }
}
