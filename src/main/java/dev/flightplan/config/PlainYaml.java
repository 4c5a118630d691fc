package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The common case of {@link YamlReader}, read from the parser's events straight into the JSON tree
 * and its positions, without SnakeYAML's node tree: one document of plain keys and untagged values,
 * with no anchor, alias or merge key. That tree held a node, two marks and two comment lists per
 * value: a file of 100,000 testers took more than 512 MB of heap to compose, and composing was 40 %
 * of loading one of 10,000.
 *
 * <p>Anything else (anchors, aliases, merges, tags, complex or duplicate keys, a number out of
 * range, a YAML error, an empty file or a second document) makes {@link #read} answer null, and the
 * caller reads the file again the general way, which reports every problem as before: for a file
 * within that subset, both give the same tree and the same positions.
 */
final class PlainYaml {
  private static final JsonNodeFactory JSON = YamlScalars.JSON;

  /** The document is outside the subset read here; nothing about it has been reported. */
  private static final class NotPlain extends Exception {
    private static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super(null, null, false, false);
    }
  }

  private final Parser parser;
  private final Resolver resolver;
  private final PositionMap positions;
  private final int depthLimit;

  /**
   * The tokens to the value being read (names, and Integer indices): a number's pointer is made
   * from them.
   */
  private final java.util.ArrayList<Object> path = new java.util.ArrayList<>();

  private PlainYaml(Parser parser, Resolver resolver, PositionMap positions, int depthLimit) {
    this.parser = parser;
    this.resolver = resolver;
    this.positions = positions;
    this.depthLimit = depthLimit;
  }

  /**
   * The document's tree, its positions recorded in {@code positions}; null when it is not plain
   * (see above).
   */
  static JsonNode read(
      String text, LoaderOptions options, Resolver resolver, PositionMap positions) {
    Parser parser = new ParserImpl(new StreamReader(text), options);
    try {
      return new PlainYaml(parser, resolver, positions, options.getNestingDepthLimit()).document();
    } catch (NotPlain | RuntimeException e) {
      // a YAMLException, or anything else odd: the general reader says what it is
      return null;
    }
  }

  private JsonNode document() throws NotPlain {
    expect(Event.ID.StreamStart);
    if (parser.checkEvent(Event.ID.StreamEnd)) {
      throw NotPlain.INSTANCE;
    }
    expect(Event.ID.DocumentStart);
    JsonNode root = value(null, null, 0, 0);
    if (root.isNull()) {
      throw NotPlain.INSTANCE;
    }
    expect(Event.ID.DocumentEnd);
    expect(Event.ID.StreamEnd);
    return root;
  }

  /**
   * Reads the next value and adds its position (and, for a mapping entry, {@code name} and the
   * {@code key}'s) to {@code parent}; the root's go to the position map.
   */
  private JsonNode value(PositionTree parent, String name, long key, int depth) throws NotPlain {
    Event event = parser.getEvent();
    if (!(event instanceof NodeEvent node) || node.getAnchor() != null) {
      throw NotPlain.INSTANCE;
    }
    long at = pack(event.getStartMark());
    JsonNode result;
    PositionTree tree = null;
    if (event instanceof ScalarEvent scalar) {
      ScalarNode resolved = scalar(scalar);
      if (resolved.getTag().equals(Tag.MERGE)) {
        throw NotPlain.INSTANCE;
      }
      try {
        result = YamlScalars.value(resolved);
      } catch (YamlScalars.OutOfRange e) {
        throw NotPlain.INSTANCE;
      }
      if (result.isNumber()) {
        positions.putWritten(pointer(), scalar.getValue());
      }
    } else {
      CollectionStartEvent start = (CollectionStartEvent) event;
      if (untagged(start.getTag()) == null || depth + 1 > depthLimit) {
        throw NotPlain.INSTANCE;
      }
      boolean isMapping = event.is(Event.ID.MappingStart);
      tree = isMapping ? PositionTree.mapping() : PositionTree.sequence();
      result = isMapping ? mapping(tree, depth + 1) : sequence(tree, depth + 1);
    }
    if (parent == null) {
      positions.putTree(at, tree);
    } else {
      parent.add(name, key, at, tree);
    }
    return result;
  }

  private ObjectNode mapping(PositionTree tree, int depth) throws NotPlain {
    ObjectNode object = JSON.objectNode();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event event = parser.getEvent();
      // only a plain << resolves to a merge key: other keys need no resolving, they are names as
      // written
      if (!(event instanceof ScalarEvent key)
          || key.getAnchor() != null
          || untagged(key.getTag()) == null
          || key.getValue().startsWith("<") && scalar(key).getTag().equals(Tag.MERGE)
          || object.has(key.getValue())) {
        throw NotPlain.INSTANCE;
      }
      String name = key.getValue();
      path.add(name);
      object.set(name, value(tree, name, pack(key.getStartMark()), depth));
      path.remove(path.size() - 1);
    }
    parser.getEvent();
    return object;
  }

  private ArrayNode sequence(PositionTree tree, int depth) throws NotPlain {
    ArrayNode array = JSON.arrayNode();
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      path.add(array.size());
      array.add(value(tree, null, 0, depth));
      path.remove(path.size() - 1);
    }
    parser.getEvent();
    return array;
  }

  /** The pointer of the value being read. */
  private String pointer() {
    String pointer = Pointer.ROOT;
    for (Object token : path) {
      pointer =
          token instanceof String name
              ? Pointer.child(pointer, name)
              : Pointer.child(pointer, (Integer) token);
    }
    return pointer;
  }

  private static long pack(org.yaml.snakeyaml.error.Mark mark) {
    return PositionTree.pack(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** The scalar as the composer would make it, tag resolved; explicit tags are not plain. */
  private ScalarNode scalar(ScalarEvent event) throws NotPlain {
    if (untagged(event.getTag()) == null) {
      throw NotPlain.INSTANCE;
    }
    Tag tag =
        resolver.resolve(
            NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
    return new ScalarNode(
        tag,
        true,
        event.getValue(),
        event.getStartMark(),
        event.getEndMark(),
        event.getScalarStyle());
  }

  /** "" for a node without a tag (or the non-specific {@code !}); null for any other tag. */
  private static String untagged(String tag) {
    return tag == null || tag.equals("!") ? "" : null;
  }

  private void expect(Event.ID id) throws NotPlain {
    if (!parser.checkEvent(id)) {
      throw NotPlain.INSTANCE;
    }
    parser.getEvent();
  }
}
