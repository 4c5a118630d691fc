package dev.flightplan.kinds;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a list into consecutive batches of at most {@code size} elements (none for an empty list).
 */
final class Batches {
  private Batches() {}

  static <T> List<List<T>> of(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
    }
    return out;
  }
}
