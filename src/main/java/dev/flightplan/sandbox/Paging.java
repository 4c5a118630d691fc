package dev.flightplan.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cursor paging as Apple does it: {@code limit} (defaulting small), an opaque {@code cursor}
 * carried in the {@code links.next} URL, and the list's total. The cursor encodes an offset into a
 * list kept in a stable order, which is all an in-memory emulator needs.
 */
final class Paging {
  /**
   * Page size when a collection request sends no {@code limit}; small like Apple's, so clients send
   * one.
   */
  static final int DEFAULT_PAGE_LIMIT = 20;

  /** The largest {@code limit} Apple allows on the collections the sandbox serves. */
  static final int MAX_PAGE_LIMIT = 200;

  /** Linkages shown in an included relationship when no {@code limit[rel]} is sent. */
  static final int DEFAULT_INCLUDE_LIMIT = 10;

  private static final Pattern CURSOR = Pattern.compile("\\{\"offset\":\"(\\d{1,9})\"}");

  private Paging() {}

  /**
   * One page of a list: its items, the list's total, the limit used, and the offset of the next
   * page or -1.
   */
  record Page<T>(List<T> items, int total, int limit, int nextOffset) {
    Page {
      items = List.copyOf(items);
    }

    boolean hasNext() {
      return nextOffset >= 0;
    }
  }

  /** Parses an integer limit parameter in 1..max; absent gives {@code defaultValue}. */
  static int limit(Query query, String name, int max, int defaultValue) {
    String value = query.get(name);
    if (value == null) {
      return Math.min(defaultValue, max);
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter(
          name, "'" + value + "' is not a valid value for '" + name + "': not an integer");
    }
    if (parsed < 1 || parsed > max) {
      throw ApiException.invalidParameter(
          name,
          "'"
              + parsed
              + "' is not a valid value for '"
              + name
              + "'. The value must be between 1 and "
              + max);
    }
    return parsed;
  }

  /** The offset a {@code cursor} parameter stands for; 0 when absent. */
  static int offset(Query query) {
    String cursor = query.get("cursor");
    if (cursor == null) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      Matcher m = CURSOR.matcher(decoded);
      if (m.matches()) {
        return Integer.parseInt(m.group(1));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the same answer as a well-encoded but meaningless cursor
    }
    throw ApiException.invalidParameter(
        "cursor", "'" + cursor + "' is not a valid cursor for this request");
  }

  static String cursor(int offset) {
    String json = "{\"offset\":\"" + offset + "\"}";
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The page of {@code all} that the request's {@code limit} and {@code cursor} select. */
  static <T> Page<T> page(List<T> all, Query query) {
    int limit = limit(query, "limit", MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT);
    int from = Math.min(offset(query), all.size());
    int to = Math.min(from + limit, all.size());
    return new Page<>(all.subList(from, to), all.size(), limit, to < all.size() ? to : -1);
  }

  /**
   * The first {@code limit} items of a relationship, for an included relationship's {@code data}.
   */
  static <T> Page<T> head(List<T> all, int limit) {
    int to = Math.min(limit, all.size());
    return new Page<>(all.subList(0, to), all.size(), limit, to < all.size() ? to : -1);
  }
}
