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
 * The decoded query parameters of one request, in the order they were sent, plus the raw query
 * string (kept so that paging links repeat exactly what the client asked for). Each name appears at
 * most once: the spec uses {@code style=form, explode=false}, so several values are sent
 * comma-separated in one parameter.
 */
final class Query {
  private final String raw;
  private final Map<String, String> params;

  private Query(String raw, Map<String, String> params) {
    this.raw = raw;
    this.params = Collections.unmodifiableMap(params);
  }

  /** Parses a raw (URL-encoded) query; null or empty gives an empty query. */
  static Query parse(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair);
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
        if (params.putIfAbsent(name, value) != null) {
          throw ApiException.invalidParameter(
              name,
              "The parameter '"
                  + name
                  + "' was given more than once; send several values comma-separated.");
        }
      }
    }
    return new Query(rawQuery == null ? "" : rawQuery, params);
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
    return params.keySet();
  }

  boolean has(String name) {
    return params.containsKey(name);
  }

  /** The decoded value, or null when absent. */
  String get(String name) {
    return params.get(name);
  }

  /** The comma-separated values of a parameter (trimmed, empty ones dropped); empty when absent. */
  List<String> list(String name) {
    String value = params.get(name);
    if (value == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (String part : value.split(",")) {
      String trimmed = part.trim();
      if (!trimmed.isEmpty()) {
        values.add(trimmed);
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
