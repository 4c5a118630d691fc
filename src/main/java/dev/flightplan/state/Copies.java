package dev.flightplan.state;

import dev.flightplan.config.GroupName;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The copies of one natural key that App Store Connect holds more than once, and which of them
 * flightplan keeps. The API refuses a second group of one name, or a second localization of one
 * locale, when the creates come one after the other, but two creates that run at once (two applies
 * racing) can both succeed. The copy kept is the same in every plan: the oldest group (App Store
 * Connect dates groups), otherwise the lowest id (it dates nothing else).
 */
public final class Copies {
  /** The oldest group first; groups created at the same time (or undated) by id. */
  public static final Comparator<LiveGroup> OLDEST_GROUP =
      Comparator.comparing(
              (LiveGroup g) -> instant(g.createdDate()),
              Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(LiveGroup::id);

  private Copies() {}

  /**
   * The items by key, in key order; each list holds the kept copy first (by {@code keptFirst}),
   * then the others.
   */
  public static <T> SortedMap<String, List<T>> byKey(
      Collection<T> items, Function<T, String> key, Comparator<T> keptFirst) {
    SortedMap<String, List<T>> out = new TreeMap<>();
    for (T item : items) {
      out.computeIfAbsent(key.apply(item), k -> new ArrayList<>(1)).add(item);
    }
    out.values().forEach(copies -> copies.sort(keptFirst));
    return out;
  }

  /** The kept copy of each key, in key order. */
  public static <T> List<T> kept(
      Collection<T> items, Function<T, String> key, Comparator<T> keptFirst) {
    return byKey(items, key, keptFirst).values().stream().map(copies -> copies.get(0)).toList();
  }

  /**
   * An ISO-8601 date with an offset ({@code Z} or {@code +00:00}, any fraction), or null when there
   * is none.
   */
  private static Instant instant(String date) {
    try {
      return date == null ? null : OffsetDateTime.parse(date).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The groups by name as App Store Connect compares names ({@link GroupName#key}: "Beta" and
   * "beta" are one name, held twice), the kept copy first.
   */
  public static SortedMap<String, List<LiveGroup>> groups(Collection<LiveGroup> groups) {
    return byKey(groups, g -> GroupName.key(g.name()), OLDEST_GROUP);
  }
}
