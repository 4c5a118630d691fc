package dev.flightplan.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The records of one resource type by id, in insertion order (a replaced record keeps its place),
 * which is what makes cursor paging by offset stable. Unknown ids in {@link #get} are the API's 404
 * for that type. Every put and removal is told to {@link Changes}, under the type's name.
 */
final class Table<T> {
  private final String type;
  private final Class<T> rowType;
  private final Function<T, String> idOf;
  private final Changes changes;
  private final Map<String, T> rows = new LinkedHashMap<>();

  Table(String type, Class<T> rowType, Function<T, String> idOf, Changes changes) {
    this.type = type;
    this.rowType = rowType;
    this.idOf = idOf;
    this.changes = changes;
  }

  String type() {
    return type;
  }

  Class<T> rowType() {
    return rowType;
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
    String id = idOf.apply(row);
    rows.put(id, row);
    changes.put(type, id, row);
  }

  void remove(String id) {
    if (rows.remove(id) != null) {
      changes.remove(type, id);
    }
  }

  void removeIf(Predicate<T> condition) {
    rows.entrySet()
        .removeIf(
            e -> {
              boolean remove = condition.test(e.getValue());
              if (remove) {
                changes.remove(type, e.getKey());
              }
              return remove;
            });
  }

  /** A row read back from the journal: put as it was, whatever its declared type. */
  void putRow(Object row) {
    put(rowType.cast(row));
  }
}
