package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;

/**
 * Where each part of the desired-state tree was written: for every JSON pointer, the position of its value and,
 * for mapping entries, of its key. A value reached through an alias has the position of the anchored node. For
 * values YAML read as numbers it also keeps the text as written, so that {@code version: 2.10} can be read as
 * "2.10" and not as the number 2.1.
 */
final class PositionMap {
  private final String file;
  private final Map<String, SourcePos> values = new HashMap<>();
  private final Map<String, SourcePos> keys = new HashMap<>();
  private final Map<String, String> written = new HashMap<>();

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

  void putWritten(String pointer, String text) {
    written.put(pointer, text);
  }

  /** Everything recorded, for tests comparing two ways of reading the same file. */
  java.util.List<Map<String, ?>> recorded() {
    return java.util.List.of(Map.copyOf(values), Map.copyOf(keys), Map.copyOf(written));
  }

  /** The text of the number at {@code pointer} exactly as the file wrote it; null when it is not a number. */
  String written(String pointer) {
    return written.get(pointer);
  }

  /** Where the value at {@code pointer} starts; the nearest known ancestor when the pointer is not in the tree. */
  SourcePos value(String pointer) {
    String p = pointer;
    while (true) {
      SourcePos pos = values.get(p);
      if (pos != null) {
        return pos;
      }
      if (p.isEmpty()) {
        return new SourcePos(file, 1, 1);
      }
      p = Pointer.parent(p);
    }
  }

  /** Where the key of the mapping entry at {@code pointer} is; its value's position for list items and the root. */
  SourcePos key(String pointer) {
    SourcePos pos = keys.get(pointer);
    return pos != null ? pos : value(pointer);
  }
}
