package dev.flightplan.api;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds a path with a query string the way App Store Connect reads it ({@code style=form,
 * explode=false}): names and values percent-encoded (brackets too: {@code filter%5Bapps%5D=123}),
 * multiple values joined by a literal comma. Parameters keep the order they were added in; a null
 * value leaves the parameter out.
 */
public final class Query {
  /**
   * The path, then the query as it grows: built once, without copying the parts again (a plan makes
   * 100,000).
   */
  private final StringBuilder text;

  private final int pathLength;
  private final boolean pathHasQuery;

  private Query(String path) {
    this.text = new StringBuilder(path.length() + 112).append(Objects.requireNonNull(path, "path"));
    this.pathLength = path.length();
    this.pathHasQuery = path.contains("?");
  }

  public static Query of(String path) {
    return new Query(path);
  }

  /**
   * Adds {@code name=value}; a Collection value becomes its elements joined by commas. Null values
   * are skipped.
   */
  public Query param(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      return this;
    }
    String encoded =
        value instanceof Collection<?> c
            ? c.stream().map(v -> encode(String.valueOf(v))).collect(Collectors.joining(","))
            : encode(String.valueOf(value));
    text.append(text.length() > pathLength || pathHasQuery ? '&' : '?')
        .append(encode(name))
        .append('=')
        .append(encoded);
    return this;
  }

  public String build() {
    return text.toString();
  }

  @Override
  public String toString() {
    return build();
  }

  /**
   * RFC 3986 percent-encoding of everything but unreserved characters and the comma (the list
   * separator).
   */
  static String encode(String s) {
    int i = 0;
    while (i < s.length() && unreserved(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s; // nothing to encode (ids, most names): no copy, a plan of 100,000 creates makes
      // half a million
    }
    StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (byte b : s.substring(i).getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (unreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static boolean unreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == ',';
  }
}
