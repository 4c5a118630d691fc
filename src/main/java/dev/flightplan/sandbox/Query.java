package dev.flightplan.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of one request, in the order they were sent, plus the raw query string (kept
 * so that paging links repeat exactly what the client asked for). Each name appears at most once:
 * the spec uses {@code style=form, explode=false}, so several values are sent separated by literal
 * commas in one parameter; an encoded comma ({@code %2C}) belongs to its value, as App Store
 * Connect reads it. Values are kept as sent (still encoded) and decoded when asked for.
 */
final class Query {
  private final String raw;
  private final Map<String, String> encoded;

  private Query(String raw, Map<String, String> encoded) {
    this.raw = raw;
    this.encoded = Collections.unmodifiableMap(encoded);
  }

  /** Parses a raw (URL-encoded) query; null or empty gives an empty query. */
  static Query parse(String rawQuery) {
    Map<String, String> encoded = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        decode(value, name); // a badly encoded value is refused whether or not it is read
        if (encoded.putIfAbsent(name, value) != null) {
          throw ApiException.invalidParameter(
              name,
              "The parameter '"
                  + name
                  + "' was given more than once; send several values comma-separated.");
        }
      }
    }
    return new Query(rawQuery == null ? "" : rawQuery, encoded);
  }

  private static String decode(String text, String parameter) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(
          parameter, "The parameter '" + parameter + "' is not properly URL-encoded.");
    }
  }

  String raw() {
    return raw;
  }

  Set<String> names() {
    return encoded.keySet();
  }

  boolean has(String name) {
    return encoded.containsKey(name);
  }

  /** The decoded value, or null when absent. */
  String get(String name) {
    String value = encoded.get(name);
    return value == null ? null : decode(value, name);
  }

  /**
   * The values of a parameter, split on its literal commas and then each decoded (so a {@code %2C}
   * stays inside its value); whitespace around a value as sent is trimmed, an encoded space is
   * kept, empty values are dropped. Empty when absent.
   */
  List<String> list(String name) {
    String value = encoded.get(name);
    if (value == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (String part : value.split(",")) {
      String trimmed = part.trim();
      if (!trimmed.isEmpty()) {
        values.add(decode(trimmed, name));
      }
    }
    return values;
  }

  /** The raw query without the {@code cursor} parameter, for building the next page's link. */
  String rawWithoutCursor() {
    List<String> kept = new ArrayList<>();
    for (String pair : raw.split("&")) {
      if (!pair.isEmpty() && !pair.equals("cursor") && !pair.startsWith("cursor=")) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }
}
