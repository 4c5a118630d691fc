package dev.flightplan.config;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON pointers (RFC 6901) naming a place in the desired-state tree, e.g. {@code
 * /apps/0/groups/1/name}; the root is the empty string. They are the common key between the YAML
 * positions and the schema validator's messages.
 */
final class Pointer {
  static final String ROOT = "";

  private Pointer() {}

  static String child(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? ROOT : pointer.substring(0, slash);
  }

  /** The unescaped tokens of a pointer; none for the root. */
  static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  /** The last token, unescaped; empty for the root. */
  static String last(String pointer) {
    List<String> tokens = tokens(pointer);
    return tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
  }

  static boolean isIndex(String token) {
    return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
  }
}
