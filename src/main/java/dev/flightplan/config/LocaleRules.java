package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.diag.Quote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules about locale keys that JSON Schema cannot say. YAML already refuses the same key twice,
 * but {@code en-us} and {@code en-US} are the same locale to App Store Connect: that is an error. A
 * locale in another case than App Store Connect writes it ({@code en-us}, {@code zh-hans}) is a
 * warning, since the live locale will be compared ignoring case anyway.
 */
final class LocaleRules {
  private final Checks checks;

  LocaleRules(Checks checks) {
    this.checks = checks;
  }

  /**
   * Checks the keys of a mapping keyed by locale at {@code at}; anything else was reported by the
   * schema.
   */
  void keys(JsonNode map, String at) {
    Map<String, String> folded = new HashMap<>();
    Iterator<String> names = Checks.map(map).fieldNames();
    while (names.hasNext()) {
      String locale = names.next();
      String keyAt = Pointer.child(at, locale);
      if (!checks.valid(at) || !checks.valid(keyAt)) {
        continue;
      }
      String other = folded.putIfAbsent(locale.toLowerCase(Locale.ROOT), locale);
      if (other != null) {
        checks.error(
            checks.positions().key(keyAt),
            "locale "
                + Quote.of(locale)
                + " differs from locale "
                + Quote.of(other)
                + " only by case",
            "they are the same locale; "
                + Quote.of(other)
                + " is at line "
                + checks.positions().key(Pointer.child(at, other)).line());
        continue;
      }
      String canonical = canonical(locale);
      if (!canonical.equals(locale)) {
        checks.warning(
            checks.positions().key(keyAt),
            "locale "
                + Quote.of(locale)
                + " is written "
                + Quote.of(canonical)
                + " in App Store Connect",
            "write " + canonical);
      }
    }
  }

  /**
   * A locale in App Store Connect's spelling: language lower case, script capitalised, region upper
   * case.
   */
  static String canonical(String locale) {
    List<String> parts = new ArrayList<>();
    String[] subtags = locale.split("-");
    for (int i = 0; i < subtags.length; i++) {
      String tag = subtags[i];
      if (i == 0) {
        parts.add(tag.toLowerCase(Locale.ROOT));
      } else if (tag.length() == 4) {
        parts.add(
            tag.substring(0, 1).toUpperCase(Locale.ROOT)
                + tag.substring(1).toLowerCase(Locale.ROOT));
      } else {
        parts.add(tag.toUpperCase(Locale.ROOT));
      }
    }
    return String.join("-", parts);
  }
}
