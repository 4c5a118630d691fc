package dev.flightplan.sandbox;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code filter[...]} and {@code sort} semantics every collection shares: any of the
 * comma-separated values.
 */
final class Filters {
  private Filters() {}

  /**
   * Keeps records whose value is one of the filter's values; keeps everything when the filter is
   * absent.
   */
  static <T> Predicate<T> matches(Query q, String filter, Function<T, String> value) {
    String name = "filter[" + filter + "]";
    List<String> wanted = q.list(name);
    return t -> !q.has(name) || wanted.contains(value.apply(t));
  }

  /**
   * Keeps records whose email (or Apple ID) is one of the filter's values, ignoring case: the team
   * has one tester and one user per address, whatever its case. Keeps everything when the filter is
   * absent.
   */
  static <T> Predicate<T> matchesEmail(Query q, String filter, Function<T, String> email) {
    String name = "filter[" + filter + "]";
    if (!q.has(name)) {
      return t -> true;
    }
    Set<String> wanted = new HashSet<>();
    q.list(name).forEach(v -> wanted.add(SandboxState.emailKey(v)));
    return t -> email.apply(t) != null && wanted.contains(SandboxState.emailKey(email.apply(t)));
  }

  /** Keeps records having any of the filter's values among theirs. */
  static <T> Predicate<T> matchesAny(Query q, String filter, Function<T, List<String>> values) {
    String name = "filter[" + filter + "]";
    List<String> wanted = q.list(name);
    return t -> !q.has(name) || values.apply(t).stream().anyMatch(wanted::contains);
  }

  /**
   * The order the request's {@code sort} keys ask for ({@code -} for descending), stable otherwise.
   */
  static <T> Comparator<T> order(List<String> keys, Map<String, Comparator<T>> byKey) {
    Comparator<T> order = (a, b) -> 0;
    for (String key : keys) {
      boolean descending = key.startsWith("-");
      Comparator<T> by = byKey.get(descending ? key.substring(1) : key);
      order = order.thenComparing(descending ? by.reversed() : by);
    }
    return order;
  }
}
