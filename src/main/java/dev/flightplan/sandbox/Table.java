package dev.flightplan.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The records of one resource type by id, in insertion order (a replaced record keeps its place), which is what
 * makes cursor paging by offset stable. Unknown ids in {@link #get} are the API's 404 for that type.
 */
final class Table<T> {
  private final String type;
  private final Function<T, String> idOf;
  private final Map<String, T> rows = new LinkedHashMap<>();

  Table(String type, Function<T, String> idOf) {
    this.type = type;
    this.idOf = idOf;
  }

  T get(String id) {
    T row = id == null ? null : rows.get(id);
    if (row == null) {
      throw ApiException.notFound(type, id);
    }
    return row;
  }

  T orNull(String id) {
    return id == null ? null : rows.get(id);
  }

  List<T> all() {
    return List.copyOf(rows.values());
  }

  List<T> where(Predicate<T> condition) {
    return rows.values().stream().filter(condition).toList();
  }

  T first(Predicate<T> condition) {
    return rows.values().stream().filter(condition).findFirst().orElse(null);
  }

  void put(T row) {
    rows.put(idOf.apply(row), row);
  }

  void remove(String id) {
    rows.remove(id);
  }

  void removeIf(Predicate<T> condition) {
    rows.values().removeIf(condition);
  }
}
