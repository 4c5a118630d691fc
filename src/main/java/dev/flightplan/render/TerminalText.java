package dev.flightplan.render;

/**
 * Text written by users or sent by a server, made safe to print on a terminal or into a log: every
 * character that a terminal acts on, or that hides or reorders what is shown, becomes a visible
 * escape, so a name can neither clear the screen, set a link or a window title, nor forge a line of
 * its own. {@code \n}, {@code \r}, {@code \t} and {@code \e} (ESC) stand for themselves; the others
 * are shown as a backslash, {@code u} and four hexadecimal digits (U+202E as backslash-u202e): C0
 * and C1 controls and DEL, the bidirectional marks, embeddings, overrides and isolates (U+061C,
 * U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), and the line and paragraph separators (U+2028,
 * U+2029). Everything else is left as it is, backslashes included; quoted values double their
 * backslashes first ({@link Values#quote}), so there an escape cannot be confused with what was
 * written.
 */
public final class TerminalText {
  private TerminalText() {}

  /**
   * {@code text} with every unsafe character escaped; the same string when there is none; null for
   * null.
   */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!unsafe(c)) {
        sb.append(c);
        continue;
      }
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\u001b' -> sb.append("\\e");
        default -> sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /** Whether {@code text} holds a character {@link #escape} would replace. */
  public static boolean isSafe(String text) {
    return text == null || firstUnsafe(text) < 0;
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (unsafe(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  // every character concerned is in the Basic Multilingual Plane, so chars (not code points)
  // suffice
  private static boolean unsafe(char c) {
    return c < 0x20
        || c >= 0x7f && c <= 0x9f
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || c >= '\u202a' && c <= '\u202e'
        || c >= '\u2066' && c <= '\u2069'
        || c == '\u2028'
        || c == '\u2029';
  }
}
