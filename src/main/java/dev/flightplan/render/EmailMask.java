package dev.flightplan.render;

import java.util.regex.Pattern;

/**
 * Masks email addresses for output that may be public (a pull-request comment, an issue): the first
 * character of the local part, then {@code ***}, then the domain: {@code carol@example.com} →
 * {@code c***@example.com}. Every address in the text is masked, not only testers' (names, notes,
 * diagnostics and reasons can all contain one). Masking is idempotent.
 */
public final class EmailMask {
  private static final String LOCAL = "A-Za-z0-9._%+'-";
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<!["
              + LOCAL
              + "])(["
              + LOCAL
              + "])["
              + LOCAL
              + "]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

  private EmailMask() {}

  public static String mask(String text) {
    return text == null ? null : EMAIL.matcher(text).replaceAll("$1***@$2");
  }

  /** Whether {@code text} holds an unmasked address. */
  public static boolean containsEmail(String text) {
    return text != null && EMAIL.matcher(text).find();
  }
}
