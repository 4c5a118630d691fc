package dev.flightplan.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The value rules the API applies to text attributes, each refusing with 409 {@code
 * ENTITY_ERROR.ATTRIBUTE.INVALID} and the attribute's pointer. Limits are Apple's for TestFlight
 * test information (4,000 characters for the beta app description and "What to Test"); the same
 * limit on the tvOS privacy policy and review notes is our assumption.
 */
final class Values {
  static final int MAX_TEXT = 4000;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
  // Language, then optional script and region subtags: en-US, zh-Hans, pt-BR, es-419. Apple checks
  // its own list.
  private static final Pattern LOCALE =
      Pattern.compile("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$");

  private Values() {}

  static void email(String value, String pointer) {
    if (value != null && !EMAIL.matcher(value).matches()) {
      throw ApiException.attributeInvalid(pointer, "'" + value + "' is not a valid email address.");
    }
  }

  /** An absolute http or https URL with a host. */
  static void webUrl(String value, String pointer) {
    if (value != null && !url(value, "http", "https")) {
      throw ApiException.attributeInvalid(
          pointer, "'" + value + "' is not a valid http or https URL.");
    }
  }

  /** An absolute https URL with a host, as App Clip invocation URLs must be. */
  static void httpsUrl(String value, String pointer) {
    if (value != null && !url(value, "https")) {
      throw ApiException.attributeInvalid(pointer, "'" + value + "' is not an absolute https URL.");
    }
  }

  static void maxLength(String value, int max, String pointer) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw ApiException.attributeInvalid(
          pointer,
          "The value is "
              + value.codePointCount(0, value.length())
              + " characters long; at most "
              + max
              + " are allowed.");
    }
  }

  static void locale(String value, String pointer) {
    if (!LOCALE.matcher(value).matches()) {
      throw ApiException.attributeInvalid(
          pointer, "'" + value + "' is not a valid locale, such as en-US or zh-Hans.");
    }
  }

  static void notBlank(String value, String pointer) {
    if (value != null && value.isBlank()) {
      throw ApiException.attributeInvalid(pointer, "The value must not be blank.");
    }
  }

  private static boolean url(String value, String... schemes) {
    try {
      URI uri = new URI(value);
      if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isEmpty()) {
        return false;
      }
      for (String scheme : schemes) {
        if (scheme.equalsIgnoreCase(uri.getScheme())) {
          return true;
        }
      }
      return false;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
