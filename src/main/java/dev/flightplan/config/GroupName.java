package dev.flightplan.config;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Group names as App Store Connect compares them: one app cannot hold two groups whose names differ
 * only by case or by Unicode normalisation ("Beta" and "beta"; "Café" written with a composed "é"
 * and with "e" plus a combining accent). {@link #key} is the form both compare in; the name itself
 * is always sent as the file writes it.
 */
public final class GroupName {
  private GroupName() {}

  /**
   * The name in NFC with a locale-independent case fold (upper then lower case in {@link
   * Locale#ROOT}, which folds "ß" to "ss" and the Greek final sigma to sigma as Unicode's full case
   * folding does), normalised again, since a case mapping can leave a letter decomposed ("İ"
   * lower-cases to "i" and a combining dot).
   */
  public static String key(String name) {
    String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
    return Normalizer.normalize(fold(composed), Normalizer.Form.NFC);
  }

  /** Whether App Store Connect sees {@code a} and {@code b} as the same name. */
  public static boolean same(String a, String b) {
    return key(a).equals(key(b));
  }

  /**
   * How two names that App Store Connect sees as the same differ: "case", "Unicode normalisation"
   * or "case and Unicode normalisation"; null when they are equal, char for char.
   */
  public static String difference(String a, String b) {
    if (a.equals(b)) {
      return null;
    }
    if (Normalizer.normalize(a, Normalizer.Form.NFC)
        .equals(Normalizer.normalize(b, Normalizer.Form.NFC))) {
      return "Unicode normalisation";
    }
    return fold(a).equals(fold(b)) ? "case" : "case and Unicode normalisation";
  }

  private static String fold(String s) {
    return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
