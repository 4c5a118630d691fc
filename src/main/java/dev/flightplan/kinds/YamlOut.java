package dev.flightplan.kinds;

/**
 * What a kind writes its part of a pulled desired-state file with: lines at the file's indents,
 * texts and scalars quoted as YAML needs. The pull package implements it and owns every byte of the
 * format.
 */
public interface YamlOut {
  /** The indent of an app's keys. */
  String IN_APP = "    ";

  /** The indent of the items (or keys) under an app's key. */
  String ITEM = "      ";

  /** The indent of an item's keys. */
  String IN_ITEM = "        ";

  /** One line as it is. */
  void line(String s);

  /**
   * {@code key: value} at {@code indent}: plain or quoted on one line, or a literal block for text
   * of several lines.
   */
  void text(String indent, String key, String value);

  /** {@link #text}, only when {@code value} is not null. */
  default void optionalText(String indent, String key, String value) {
    if (value != null) {
      text(indent, key, value);
    }
  }

  /** {@code s} as a plain scalar where YAML reads it back as the same string, quoted otherwise. */
  String scalar(String s);
}
