package dev.flightplan.render;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub-flavoured Markdown pieces: escaping user text, fences that user text cannot close, counts.
 */
final class Markdown {
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|~&])");
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private Markdown() {}

  /**
   * User text inside a paragraph, list item, table cell or summary: characters a terminal would act
   * on, line breaks included, are escaped first ({@link TerminalText}), so the text stays on its
   * line; then the characters Markdown or HTML would act on ({@code &} too: an entity such as
   * {@code &#x202e;} would bring back what was escaped).
   */
  static String escape(String text) {
    return SPECIAL.matcher(TerminalText.escape(text)).replaceAll("\\\\$1");
  }

  /**
   * {@code text} as an inline code span in a table cell, on one line, that nothing in it can end:
   * its backtick runs are shorter than the span's, and a pipe is escaped (GitHub splits cells at a
   * pipe even inside code).
   */
  static String cellCode(String text) {
    String t = TerminalText.escape(text).replace("|", "\\|");
    String ticks = "`".repeat(longestRun(t) + 1);
    String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
    return ticks + pad + t + pad + ticks;
  }

  /**
   * A code fence longer than any run of backticks in {@code content}, so content can never end the
   * block.
   */
  static String fence(CharSequence content) {
    return "`".repeat(Math.max(3, longestRun(content) + 1));
  }

  private static int longestRun(CharSequence content) {
    int longest = 0;
    Matcher m = BACKTICKS.matcher(content);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return longest;
  }

  /** 4980 → "4,980". */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String plural(long n, String singular, String plural) {
    return count(n) + " " + (n == 1 ? singular : plural);
  }
}
