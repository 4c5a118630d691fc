package dev.flightplan.config;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The positions of one mapping or sequence of a plain document ({@link PlainYaml}), and of
 * everything in it: for each entry, in the order read, its name (mappings), where its key and its
 * value start, and the tree of its value when that is a container. Found by walking a pointer's
 * tokens, so reading a file makes no pointer string and no hash entry per value (they were a third
 * of a 10,000-tester load). Positions are packed as {@code line << 32 | column}, both from 1.
 */
final class PositionTree {
  private static final int INDEXED = 8;

  private String[] names;
  private long[] keys;
  private long[] values;
  private PositionTree[] children;
  private int size;
  private Map<String, Integer> index;

  private PositionTree(boolean mapping) {
    this.names = mapping ? new String[INDEXED] : null;
    this.keys = mapping ? new long[INDEXED] : null;
    this.values = new long[INDEXED];
    this.children = new PositionTree[INDEXED];
  }

  static PositionTree mapping() {
    return new PositionTree(true);
  }

  static PositionTree sequence() {
    return new PositionTree(false);
  }

  static long pack(int line, int column) {
    return (long) line << 32 | column;
  }

  static int line(long pos) {
    return (int) (pos >>> 32);
  }

  static int column(long pos) {
    return (int) pos;
  }

  boolean isMapping() {
    return names != null;
  }

  /**
   * Adds the next entry: {@code name} and {@code key} only in a mapping; {@code child} null for a
   * scalar.
   */
  void add(String name, long key, long value, PositionTree child) {
    if (size == values.length) {
      int grown = size * 2;
      values = Arrays.copyOf(values, grown);
      children = Arrays.copyOf(children, grown);
      if (names != null) {
        names = Arrays.copyOf(names, grown);
        keys = Arrays.copyOf(keys, grown);
      }
    }
    if (names != null) {
      names[size] = name;
      keys[size] = key;
    }
    values[size] = value;
    children[size] = child;
    size++;
    // a lookup before this entry built the index without it
    index = null;
  }

  /**
   * The entry that the escaped token {@code pointer[from, to)} names; -1 when there is none.
   * Allocates nothing for the common token (no {@code ~}, a mapping of few entries).
   */
  int find(String pointer, int from, int to) {
    if (pointer.indexOf('~', from) >= 0 && pointer.indexOf('~', from) < to
        || names != null && size > INDEXED) {
      return find(pointer.substring(from, to).replace("~1", "/").replace("~0", "~"));
    }
    int length = to - from;
    if (names == null) {
      // as Pointer.child writes indices: digits, no leading zero
      if (length == 0 || length > 9 || length > 1 && pointer.charAt(from) == '0') {
        return -1;
      }
      int index = 0;
      for (int c = from; c < to; c++) {
        char digit = pointer.charAt(c);
        if (digit < '0' || digit > '9') {
          return -1;
        }
        index = index * 10 + digit - '0';
      }
      return index < size ? index : -1;
    }
    for (int i = 0; i < size; i++) {
      if (names[i].length() == length && pointer.regionMatches(from, names[i], 0, length)) {
        return i;
      }
    }
    return -1;
  }

  /** The entry an unescaped pointer token names; -1 when there is none. */
  int find(String token) {
    if (names == null) {
      // as Pointer.child writes indices: digits, no leading zero
      if (token.isEmpty()
          || token.length() > 9
          || token.length() > 1 && token.charAt(0) == '0'
          || !Pointer.isIndex(token)) {
        return -1;
      }
      int i = Integer.parseInt(token);
      return i < size ? i : -1;
    }
    if (size > INDEXED) {
      if (index == null) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = size - 1; i >= 0; i--) {
          byName.put(names[i], i);
        }
        index = byName;
      }
      Integer i = index.get(token);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < size; i++) {
      if (names[i].equals(token)) {
        return i;
      }
    }
    return -1;
  }

  long key(int i) {
    return keys[i];
  }

  long value(int i) {
    return values[i];
  }

  PositionTree child(int i) {
    return children[i];
  }

  /** Every position below, by pointer, as the pointer-keyed maps held them: for tests. */
  void collect(String at, Map<String, Long> valuesOut, Map<String, Long> keysOut) {
    for (int i = 0; i < size; i++) {
      String child = names != null ? Pointer.child(at, names[i]) : Pointer.child(at, i);
      valuesOut.put(child, values[i]);
      if (names != null) {
        keysOut.put(child, keys[i]);
      }
      if (children[i] != null) {
        children[i].collect(child, valuesOut, keysOut);
      }
    }
  }
}
