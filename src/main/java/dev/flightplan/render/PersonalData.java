package dev.flightplan.render;

import java.util.Set;

/**
 * What a view that may be posted publicly (the Markdown view, in a pull-request comment) hides
 * unless asked ({@code --show-personal-data}): every email address, wherever it is ({@link
 * EmailMask}), and the values of the attributes that hold a person's name or phone number ({@link
 * #ATTRIBUTES}), shown as their first character and {@code ***} ({@code Carol} → {@code C***}).
 * Masking is idempotent. Either way, what is shown is also escaped for terminals ({@link
 * TerminalText}): the document is printed on one before it is posted.
 */
record PersonalData(boolean shown) {
  /** A tester's names, and the name and phone number of the contact App Review calls. */
  static final Set<String> ATTRIBUTES =
      Set.of("firstName", "lastName", "contactFirstName", "contactLastName", "contactPhone");

  /** Free text (an address, a reason, a note): emails masked unless shown, then escaped. */
  String text(String s) {
    return TerminalText.escape(emails(s));
  }

  /** {@code s} with its email addresses masked unless shown, not escaped. */
  String emails(String s) {
    return shown ? s : EmailMask.mask(s);
  }

  /** The value of attribute {@code name}: masked when it holds personal data, unless shown. */
  Object attribute(String name, Object value) {
    return !shown && value instanceof String s && ATTRIBUTES.contains(name) ? mask(s) : value;
  }

  /** {@code Carol} → {@code C***}; an empty text stays empty. */
  static String mask(String s) {
    return s.isEmpty() ? s : s.substring(0, s.offsetByCodePoints(0, 1)) + "***";
  }
}
