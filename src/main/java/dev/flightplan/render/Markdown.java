package dev.flightplan.render;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GitHub-flavoured Markdown pieces: escaping user text, fences that user text cannot close, counts. */
final class Markdown {
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|~])");
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private Markdown() {}

  /** User text inside a paragraph, list item or table cell: characters Markdown or HTML would act on are escaped. */
  static String escape(String text) {
    return SPECIAL.matcher(text.replace("\n", " ")).replaceAll("\\\\$1");
  }

  /** A code fence longer than any run of backticks in {@code content}, so content can never end the block. */
  static String fence(CharSequence content) {
    int longest = 0;
    Matcher m = BACKTICKS.matcher(content);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  /** 4980 → "4,980". */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String plural(long n, String singular, String plural) {
    return count(n) + " " + (n == 1 ? singular : plural);
  }
}
