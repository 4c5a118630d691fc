package dev.flightplan.api;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds a path with a query string the way App Store Connect reads it ({@code style=form, explode=false}): names
 * and values percent-encoded (brackets too: {@code filter%5Bapps%5D=123}), multiple values joined by a literal
 * comma. Parameters keep the order they were added in; a null value leaves the parameter out.
 */
public final class Query {
  private final String path;
  private final StringBuilder query = new StringBuilder();

  private Query(String path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  public static Query of(String path) {
    return new Query(path);
  }

  /** Adds {@code name=value}; a Collection value becomes its elements joined by commas. Null values are skipped. */
  public Query param(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      return this;
    }
    String encoded =
        value instanceof Collection<?> c
            ? c.stream().map(v -> encode(String.valueOf(v))).collect(Collectors.joining(","))
            : encode(String.valueOf(value));
    query.append(query.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encoded);
    return this;
  }

  public String build() {
    if (query.length() == 0) {
      return path;
    }
    return path + (path.contains("?") ? "&" : "?") + query;
  }

  @Override
  public String toString() {
    return build();
  }

  /** RFC 3986 percent-encoding of everything but unreserved characters and the comma (the list separator). */
  static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == ',') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
