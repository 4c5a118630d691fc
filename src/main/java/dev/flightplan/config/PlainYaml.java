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
 * The common case of {@link YamlReader}, read from the parser's events straight into the JSON tree and its
 * positions, without SnakeYAML's node tree: one document of plain keys and untagged values, with no anchor, alias
 * or merge key. That tree held a node, two marks and two comment lists per value: a file of 100,000 testers took
 * more than 512 MB of heap to compose, and composing was 40 % of loading one of 10,000.
 *
 * <p>Anything else (anchors, aliases, merges, tags, complex or duplicate keys, a number out of range, a YAML error,
 * an empty file or a second document) makes {@link #read} answer null, and the caller reads the file again the
 * general way, which reports every problem as before: for a file within that subset, both give the same tree and
 * the same positions.
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

  private PlainYaml(Parser parser, Resolver resolver, PositionMap positions, int depthLimit) {
    this.parser = parser;
    this.resolver = resolver;
    this.positions = positions;
    this.depthLimit = depthLimit;
  }

  /** The document's tree, its positions recorded in {@code positions}; null when it is not plain (see above). */
  static JsonNode read(String text, LoaderOptions options, Resolver resolver, PositionMap positions) {
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
    JsonNode root = value(Pointer.ROOT, 0);
    if (root.isNull()) {
      throw NotPlain.INSTANCE;
    }
    expect(Event.ID.DocumentEnd);
    expect(Event.ID.StreamEnd);
    return root;
  }

  private JsonNode value(String pointer, int depth) throws NotPlain {
    Event event = parser.getEvent();
    if (!(event instanceof NodeEvent node) || node.getAnchor() != null) {
      throw NotPlain.INSTANCE;
    }
    positions.putValue(pointer, event.getStartMark());
    if (event instanceof ScalarEvent scalar) {
      ScalarNode resolved = scalar(scalar);
      if (resolved.getTag().equals(Tag.MERGE)) {
        throw NotPlain.INSTANCE;
      }
      try {
        JsonNode value = YamlScalars.value(resolved);
        if (value.isNumber()) {
          positions.putWritten(pointer, scalar.getValue());
        }
        return value;
      } catch (YamlScalars.OutOfRange e) {
        throw NotPlain.INSTANCE;
      }
    }
    CollectionStartEvent start = (CollectionStartEvent) event;
    if (untagged(start.getTag()) == null || depth + 1 > depthLimit) {
      throw NotPlain.INSTANCE;
    }
    return event.is(Event.ID.MappingStart) ? mapping(pointer, depth + 1) : sequence(pointer, depth + 1);
  }

  private ObjectNode mapping(String pointer, int depth) throws NotPlain {
    ObjectNode object = JSON.objectNode();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event event = parser.getEvent();
      // only a plain << resolves to a merge key: other keys need no resolving, they are names as written
      if (!(event instanceof ScalarEvent key) || key.getAnchor() != null || untagged(key.getTag()) == null
          || key.getValue().startsWith("<") && scalar(key).getTag().equals(Tag.MERGE) || object.has(key.getValue())) {
        throw NotPlain.INSTANCE;
      }
      String child = Pointer.child(pointer, key.getValue());
      positions.putKey(child, key.getStartMark());
      object.set(key.getValue(), value(child, depth));
    }
    parser.getEvent();
    return object;
  }

  private ArrayNode sequence(String pointer, int depth) throws NotPlain {
    ArrayNode array = JSON.arrayNode();
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      array.add(value(Pointer.child(pointer, array.size()), depth));
    }
    parser.getEvent();
    return array;
  }

  /** The scalar as the composer would make it, tag resolved; explicit tags are not plain. */
  private ScalarNode scalar(ScalarEvent event) throws NotPlain {
    if (untagged(event.getTag()) == null) {
      throw NotPlain.INSTANCE;
    }
    Tag tag = resolver.resolve(NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
    return new ScalarNode(tag, true, event.getValue(), event.getStartMark(), event.getEndMark(), event.getScalarStyle());
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
