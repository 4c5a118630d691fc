package dev.flightplan.diag;

import java.util.Objects;

/**
 * A position in a user's file: 1-based line and column; {@code file} is the path as the user gave
 * it.
 */
public record SourcePos(String file, int line, int column) {
  public SourcePos {
    Objects.requireNonNull(file, "file");
  }

  /** A position that names only a file (no line known). */
  public static SourcePos ofFile(String file) {
    return new SourcePos(file, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
