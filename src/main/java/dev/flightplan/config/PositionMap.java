package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;

/**
 * Where each part of the desired-state tree was written: for every JSON pointer, the position of
 * its value and, for mapping entries, of its key. A value reached through an alias has the position
 * of the anchored node. For values YAML read as numbers it also keeps the text as written, so that
 * {@code version: 2.10} can be read as "2.10" and not as the number 2.1.
 *
 * <p>A plain document ({@link PlainYaml}) keeps its positions in a {@link PositionTree} instead of
 * a map entry per pointer; the maps then hold only what is added later (rows of included tester
 * lists) and numbers as written.
 */
final class PositionMap {
  private final String file;
  private final Map<String, SourcePos> values = new HashMap<>();
  private final Map<String, SourcePos> keys = new HashMap<>();
  private final Map<String, String> written = new HashMap<>();
  private boolean plain;
  private PositionTree tree;
  private long treeRoot;

  PositionMap(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  SourcePos at(Mark mark) {
    return new SourcePos(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  void putValue(String pointer, Mark mark) {
    values.put(pointer, at(mark));
  }

  void putKey(String pointer, Mark mark) {
    keys.put(pointer, at(mark));
  }

  /** A value that was read from another file than this map's (a row of an included tester list). */
  void putValue(String pointer, SourcePos pos) {
    values.put(pointer, pos);
  }

  /**
   * The positions of a plain document: {@code root} is where its value starts, {@code tree}
   * everything in it.
   */
  void putTree(long root, PositionTree tree) {
    this.plain = true;
    this.treeRoot = root;
    this.tree = tree;
  }

  void putWritten(String pointer, String text) {
    written.put(pointer, text);
  }

  /** Everything recorded, for tests comparing two ways of reading the same file. */
  java.util.List<Map<String, ?>> recorded() {
    Map<String, SourcePos> allValues = new HashMap<>(values);
    Map<String, SourcePos> allKeys = new HashMap<>(keys);
    if (plain) {
      Map<String, Long> treeValues = new HashMap<>();
      Map<String, Long> treeKeys = new HashMap<>();
      treeValues.put(Pointer.ROOT, treeRoot);
      if (tree != null) {
        tree.collect(Pointer.ROOT, treeValues, treeKeys);
      }
      treeValues.forEach((p, pos) -> allValues.putIfAbsent(p, at(pos)));
      treeKeys.forEach((p, pos) -> allKeys.putIfAbsent(p, at(pos)));
    }
    return java.util.List.of(Map.copyOf(allValues), Map.copyOf(allKeys), Map.copyOf(written));
  }

  private SourcePos at(long pos) {
    return new SourcePos(file, PositionTree.line(pos), PositionTree.column(pos));
  }

  /**
   * Where the plain document put the value at {@code pointer} (its key when {@code key}); null when
   * nowhere.
   */
  private SourcePos inTree(String pointer, boolean key) {
    if (!plain) {
      return null;
    }
    if (pointer.isEmpty()) {
      return key ? null : at(treeRoot);
    }
    if (tree == null) {
      return null;
    }
    // walk the pointer's tokens (it starts with '/'), without splitting it
    PositionTree parent = tree;
    int from = 1;
    int slash = pointer.indexOf('/', from);
    while (slash >= 0) {
      int i = parent.find(pointer, from, slash);
      parent = i < 0 ? null : parent.child(i);
      if (parent == null) {
        return null;
      }
      from = slash + 1;
      slash = pointer.indexOf('/', from);
    }
    int i = parent.find(pointer, from, pointer.length());
    if (i < 0) {
      return null;
    }
    if (key) {
      return parent.isMapping() ? at(parent.key(i)) : null;
    }
    return at(parent.value(i));
  }

  /**
   * The text of the number at {@code pointer} exactly as the file wrote it; null when it is not a
   * number.
   */
  String written(String pointer) {
    return written.get(pointer);
  }

  /**
   * Where the value at {@code pointer} starts; the nearest known ancestor when the pointer is not
   * in the tree.
   */
  SourcePos value(String pointer) {
    String p = pointer;
    while (true) {
      SourcePos pos = values.get(p);
      if (pos == null) {
        pos = inTree(p, false);
      }
      if (pos != null) {
        return pos;
      }
      if (p.isEmpty()) {
        return new SourcePos(file, 1, 1);
      }
      p = Pointer.parent(p);
    }
  }

  /**
   * Where the key of the mapping entry at {@code pointer} is; its value's position for list items
   * and the root.
   */
  SourcePos key(String pointer) {
    SourcePos pos = keys.get(pointer);
    if (pos == null) {
      pos = inTree(pointer, true);
    }
    return pos != null ? pos : value(pointer);
  }
}
