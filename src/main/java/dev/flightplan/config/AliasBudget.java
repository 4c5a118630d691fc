package dev.flightplan.config;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What YAML aliases ({@code *name}) and merge keys ({@code <<}) repeat, counted as the reader
 * expands them, and stopped past {@link Limits#MAX_ALIAS_VALUES} values or {@link
 * Limits#MAX_ALIAS_CHARS} characters of text. SnakeYAML composes an alias as a second reference to
 * its anchor's node, so a file of a few hundred bytes can hold nine aliases of nine aliases of ...
 * and expand to billions of values; counting as they expand stops it after at most the limit, in a
 * fraction of a second.
 *
 * <p>The reader visits nodes in document order and an anchor comes before its aliases, so the first
 * visit of an anchored node is its own place in the file, and every later one is an alias:
 * everything visited inside it counts.
 */
final class AliasBudget {
  /**
   * The budget ran out while {@code anchor}'s node (the outermost repeat under way) was expanded.
   */
  static final class Exceeded extends RuntimeException {
    final Node anchor;

    Exceeded(Node anchor, String message) {
      super(message, null, false, false);
      this.anchor = anchor;
    }
  }

  private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private int repeating;
  private Node outermost;
  private long values;
  private long chars;

  /**
   * Enters {@code node}; true when this visit is an alias of it, to be closed with {@link #leave}.
   */
  boolean enter(Node node) {
    boolean alias = node.getAnchor() != null && !seen.add(node);
    if (alias) {
      beginRepeat(node);
    }
    count(node);
    return alias;
  }

  void leave(boolean alias) {
    if (alias) {
      endRepeat();
    }
  }

  /**
   * Marks {@code node} as visited at its own place without expanding it (a mapping merged where it
   * is written).
   */
  void written(Node node) {
    if (node.getAnchor() != null) {
      seen.add(node);
    }
  }

  /**
   * What follows, until {@link #endRepeat}, repeats what {@code origin} holds (values a merge key
   * copies).
   */
  void beginRepeat(Node origin) {
    if (repeating++ == 0) {
      outermost = origin;
    }
  }

  void endRepeat() {
    repeating--;
  }

  /** Counts {@code node} when it is part of a repeat. */
  void count(Node node) {
    if (repeating == 0) {
      return;
    }
    values++;
    if (node instanceof ScalarNode scalar) {
      chars += scalar.getValue().length();
    }
    if (values > Limits.MAX_ALIAS_VALUES) {
      throw exceeded(String.format(java.util.Locale.ROOT, "%,d values", Limits.MAX_ALIAS_VALUES));
    }
    if (chars > Limits.MAX_ALIAS_CHARS) {
      throw exceeded(Limits.bytes(Limits.MAX_ALIAS_CHARS) + " of text");
    }
  }

  private Exceeded exceeded(String limit) {
    String what =
        outermost.getAnchor() != null
            ? "repeating &" + outermost.getAnchor()
            : "merging into this mapping";
    return new Exceeded(
        outermost,
        "aliases repeat more than "
            + limit
            + " in all (here, while "
            + what
            + ");"
            + " flightplan expands at most that many");
  }
}
