package dev.flightplan.api;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;

/**
 * Builds a path with a query string the way App Store Connect reads it ({@code style=form,
 * explode=false}): names and values percent-encoded (brackets too: {@code filter%5Bapps%5D=123}),
 * the values of a Collection joined by a literal comma. A comma inside one value is encoded ({@code
 * %2C}): App Store Connect splits a parameter on its literal commas, so a group named "QA, nightly"
 * would otherwise be read as two names. Parameters keep the order they were added in; a null value
 * leaves the parameter out.
 */
public final class Query {
  /**
   * The path, then the query as it grows: built once, without copying the parts again (a plan makes
   * 100,000; room for a tester create's read-back query, so that it does not grow).
   */
  private final StringBuilder text;

  private final int pathLength;
  private final boolean pathHasQuery;

  private Query(String path) {
    this.text = new StringBuilder(path.length() + 160).append(Objects.requireNonNull(path, "path"));
    this.pathLength = path.length();
    this.pathHasQuery = path.contains("?");
  }

  public static Query of(String path) {
    return new Query(path);
  }

  /**
   * Adds {@code name=value}; a Collection value becomes its elements joined by literal commas (the
   * only way to send several values: a comma in a single value is sent encoded). Null values are
   * skipped.
   */
  public Query param(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      return this;
    }
    text.append(text.length() > pathLength || pathHasQuery ? '&' : '?');
    appendEncoded(text, name);
    text.append('=');
    if (value instanceof Collection<?> c) {
      boolean first = true;
      for (Object v : c) {
        if (!first) {
          text.append(',');
        }
        first = false;
        appendEncoded(text, String.valueOf(v));
      }
    } else {
      appendEncoded(text, String.valueOf(value));
    }
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
   * RFC 3986 percent-encoding of everything but unreserved characters (the comma too: the list
   * separator is only ever written by {@link #param} between a Collection's elements).
   */
  static String encode(String s) {
    int i = 0;
    while (i < s.length() && unreserved(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s; // nothing to encode (ids, most names): no copy
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    appendEncoded(out, s);
    return out.toString();
  }

  /**
   * Appends {@link #encode}'s result to {@code out} without making it first (a plan of 100,000
   * creates encodes half a million values).
   */
  private static void appendEncoded(StringBuilder out, String s) {
    int i = 0;
    while (i < s.length() && unreserved(s.charAt(i))) {
      i++;
    }
    out.append(s, 0, i);
    if (i == s.length()) {
      return;
    }
    for (; i < s.length() && s.charAt(i) < 0x80; i++) { // ASCII (e-mail addresses): no bytes made
      appendByte(out, s.charAt(i));
    }
    if (i < s.length()) {
      for (byte b : s.substring(i).getBytes(StandardCharsets.UTF_8)) {
        appendByte(out, b & 0xff);
      }
    }
  }

  private static void appendByte(StringBuilder out, int c) {
    if (unreserved(c)) {
      out.append((char) c);
    } else {
      out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean unreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
