package dev.flightplan.pull;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@code pull} writes a string so that YAML reads back exactly that string: plain when that is
 * safe in both YAML 1.1 and 1.2 readers (editors, other tools), otherwise double-quoted with
 * escapes. Anything that a reader could take for something else is quoted: {@code yes}, {@code no},
 * {@code null}, {@code 123}, {@code 2.10}, {@code 0x1F}, {@code 12:30}, dates, and text starting
 * with an indicator ({@code - ? : , [ ] { } # & * ! | > ' " % @ `}) or a digit, or holding {@code
 * ": "}, {@code " #"}, line breaks or control characters. In flow collections ({@code { ... }},
 * {@code [ ... ]}) commas and brackets are quoted too.
 */
final class YamlScalars {
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "=", "<<");
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
  private static final Pattern FLOW_UNSAFE = Pattern.compile("[,\\[\\]{}]");

  private YamlScalars() {}

  /**
   * The string as a YAML scalar in block context (a mapping value or a list item on its own line).
   */
  static String block(String s) {
    return plainSafe(s, false) ? s : quoted(s);
  }

  /** The string as a YAML scalar inside a flow collection. */
  static String flow(String s) {
    return plainSafe(s, true) ? s : quoted(s);
  }

  /**
   * Multi-line text as a literal block ({@code |-} and the lines indented by {@code indent}), when
   * it reads back exactly; null when it does not (then write it quoted).
   */
  static String literal(String s, String indent) {
    if (!s.contains("\n")
        || s.endsWith("\n")
        || s.startsWith("\n")
        || s.startsWith(" ")
        || s.startsWith("\t")) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\n'
          && c != '\t'
          && (c < 0x20
              || c == 0x7F
              || c == '\u0085'
              || c == '\u2028'
              || c == '\u2029'
              || c == '\uFEFF')) {
        return null;
      }
    }
    StringBuilder out = new StringBuilder("|-");
    for (String line : s.split("\n", -1)) {
      out.append('\n');
      if (!line.isEmpty()) {
        out.append(indent).append(line);
      }
    }
    return out.toString();
  }

  static boolean plainSafe(String s, boolean flow) {
    if (s.isEmpty() || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return false;
    }
    char first = s.charAt(0);
    if (INDICATORS.indexOf(first) >= 0
        || Character.isDigit(first)
        || first == '+'
        || first == '.'
        || first == ' ') {
      return false;
    }
    if (s.endsWith(" ")
        || s.endsWith(":")
        || s.contains(": ")
        || s.contains(" #")
        || s.contains(":\t")) {
      return false;
    }
    if (flow && (FLOW_UNSAFE.matcher(s).find() || s.contains(":"))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20
          || c == 0x7F
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029'
          || c == '\uFEFF'
          || c == '\t') {
        return false;
      }
    }
    return !looksLikeNumberOrDate(s);
  }

  /** Numbers in any YAML schema (.5, 1_000, 0o17, .inf, 1:30 sexagesimal) and timestamps. */
  private static boolean looksLikeNumberOrDate(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    return t.matches("[-+]?(\\.inf|\\.nan)")
        || t.matches("[-+]?[0-9_][0-9_.:eoxa-f+-]*")
        || t.matches("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");
  }

  /**
   * A double-quoted scalar: backslash and quote escaped, control and line-break characters as
   * escapes.
   */
  static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20
              || c == 0x7F
              || c == '\u0085'
              || c == '\u2028'
              || c == '\u2029'
              || c == '\uFEFF') {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
