package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Quote;
import dev.flightplan.diag.SourcePos;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads the single YAML document of a file into a Jackson tree, recording where every key and value
 * was written. YAML-level problems (syntax, duplicate keys, a second document, unknown tags) become
 * diagnostics; the schema and the semantic rules are checked elsewhere on the tree this produces.
 */
final class YamlReader {
  /**
   * The document as JSON (null when there is none to validate), where its parts are, YAML-level
   * problems, and the pointers whose value could not be read (already reported, so the schema's
   * complaints about them are noise).
   */
  record Result(
      JsonNode root, PositionMap positions, List<Diagnostic> diagnostics, Set<String> unreadable) {}

  private static final JsonNodeFactory JSON = YamlScalars.JSON;

  private final PositionMap positions;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> unreadable = new HashSet<>();
  private final AliasBudget aliases = new AliasBudget();
  private final MergeKeys merges;

  private YamlReader(String file) {
    this.positions = new PositionMap(file);
    this.merges = new MergeKeys(aliases, positions, diagnostics);
  }

  static Result read(String file, String text) {
    // most files are plain: read them without SnakeYAML's node tree (PlainYaml says why), the rest
    // as below
    PositionMap plainPositions = new PositionMap(file);
    JsonNode plain = PlainYaml.read(text, options(), new CoreSchemaResolver(), plainPositions);
    if (plain != null) {
      return new Result(plain, plainPositions, List.of(), Set.of());
    }
    return general(file, text);
  }

  /** Any document, through SnakeYAML's node tree: aliases, merges and every problem reported. */
  static Result general(String file, String text) {
    YamlReader reader = new YamlReader(file);
    JsonNode root = reader.document(text);
    return new Result(
        root, reader.positions, List.copyOf(reader.diagnostics), Set.copyOf(reader.unreadable));
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    // every byte of a file is at least one code point, so a file within the byte limit is within
    // this one too
    options.setCodePointLimit(Limits.MAX_FILE_BYTES);
    // merges and aliases are expanded here, counted (AliasBudget), not by SnakeYAML, which could
    // only count aliases
    options.setMergeOnCompose(false);
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    return options;
  }

  private JsonNode document(String text) {
    LoaderOptions options = options();
    Parser parser = new ParserImpl(new StreamReader(text), options);
    Composer composer = new Composer(parser, new CoreSchemaResolver(), options);
    Node node;
    try {
      if (!composer.checkNode()) {
        emptyFile();
        return null;
      }
      node = composer.getNode();
      if (!parser.checkEvent(Event.ID.StreamEnd)) {
        error(
            positions.at(parser.peekEvent().getStartMark()),
            "a second YAML document; the file must hold exactly one",
            "remove this '---' and what follows, or move it to its own file");
      }
    } catch (MarkedYAMLException e) {
      diagnostics.add(YamlSyntax.diagnostic(positions, e));
      return null;
    } catch (ReaderException e) {
      error(
          position(text, e.getPosition()),
          String.format(
              "invalid YAML: the control character U+%04X is not allowed", e.getCodePoint()),
          "YAML files are text; remove it or write it as an escape in a double-quoted string");
      return null;
    } catch (YAMLException e) {
      error(new SourcePos(positions.file(), 1, 1), "cannot read the YAML: " + e.getMessage(), null);
      return null;
    }
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
      emptyFile();
      return null;
    }
    try {
      return convert(node, Pointer.ROOT);
    } catch (AliasBudget.Exceeded e) {
      error(
          positions.at(e.anchor.getStartMark()),
          e.getMessage(),
          "each use of an alias repeats everything under its anchor, aliases inside it included; write the values out,"
              + " or use fewer aliases");
      return null;
    }
  }

  /** The line and column of the code point at {@code index}, counted as SnakeYAML counts them. */
  private SourcePos position(String text, int index) {
    int line = 1;
    int column = 1;
    int[] codePoints = text.codePoints().limit(Math.max(0, index)).toArray();
    for (int c : codePoints) {
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourcePos(positions.file(), line, column);
  }

  private void emptyFile() {
    error(
        new SourcePos(positions.file(), 1, 1),
        "the file is empty",
        "it needs at least `version: 1` and an `apps:` list");
  }

  private JsonNode convert(Node node, String pointer) {
    boolean alias = aliases.enter(node);
    try {
      return convertNode(node, pointer);
    } finally {
      aliases.leave(alias);
    }
  }

  private JsonNode convertNode(Node node, String pointer) {
    positions.putValue(pointer, node.getStartMark());
    checkTag(node);
    if (node instanceof ScalarNode scalar) {
      JsonNode value;
      try {
        value = YamlScalars.value(scalar);
      } catch (YamlScalars.OutOfRange e) {
        error(positions.at(node.getStartMark()), e.getMessage(), "quote it if it is text");
        unreadable.add(pointer);
        return JSON.nullNode();
      }
      if (value.isNumber()) {
        positions.putWritten(pointer, scalar.getValue());
      }
      return value;
    }
    if (!onPath.add(node)) {
      error(
          positions.at(node.getStartMark()),
          "an alias cannot refer to a node that contains it",
          null);
      unreadable.add(pointer);
      return JSON.nullNode();
    }
    try {
      return node instanceof MappingNode mapping
          ? mapping(mapping, pointer)
          : sequence((SequenceNode) node, pointer);
    } finally {
      onPath.remove(node);
    }
  }

  private ObjectNode mapping(MappingNode node, String pointer) {
    ObjectNode object = JSON.objectNode();
    Map<String, Mark> seen = new HashMap<>();
    List<NodeTuple> own = new ArrayList<>();
    List<NodeTuple> merged = merges.entries(node, own);
    for (NodeTuple tuple : own) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        error(
            positions.at(keyNode.getStartMark()),
            "a key must be a plain name, not a " + kind(keyNode),
            null);
        continue;
      }
      String key = scalarKey.getValue();
      Mark first = seen.putIfAbsent(key, keyNode.getStartMark());
      if (first != null) {
        error(
            positions.at(keyNode.getStartMark()),
            "duplicate key " + Quote.of(key),
            "first set at line " + (first.getLine() + 1));
        continue;
      }
      entry(object, pointer, scalarKey, tuple.getValueNode());
    }
    for (NodeTuple tuple : merged) {
      aliases.beginRepeat(node);
      try {
        entry(object, pointer, (ScalarNode) tuple.getKeyNode(), tuple.getValueNode());
      } finally {
        aliases.endRepeat();
      }
    }
    return object;
  }

  private void entry(ObjectNode object, String pointer, ScalarNode key, Node value) {
    String child = Pointer.child(pointer, key.getValue());
    positions.putKey(child, key.getStartMark());
    object.set(key.getValue(), convert(value, child));
  }

  private ArrayNode sequence(SequenceNode node, String pointer) {
    ArrayNode array = JSON.arrayNode();
    List<Node> items = node.getValue();
    for (int i = 0; i < items.size(); i++) {
      array.add(convert(items.get(i), Pointer.child(pointer, i)));
    }
    return array;
  }

  private void checkTag(Node node) {
    Tag tag = node.getTag();
    if (!tag.startsWith(Tag.PREFIX) && !tag.getValue().equals("!")) {
      error(
          positions.at(node.getStartMark()),
          "unsupported YAML tag " + Quote.of(tag.getValue()),
          "remove the tag; the file needs only plain YAML");
    }
  }

  static String kind(Node node) {
    return node instanceof MappingNode
        ? "mapping"
        : node instanceof SequenceNode ? "list" : "value";
  }

  private void error(SourcePos pos, String summary, String hint) {
    diagnostics.add(Diagnostic.error(pos, summary, hint));
  }
}
