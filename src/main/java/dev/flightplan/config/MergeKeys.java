package dev.flightplan.config;

import dev.flightplan.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML merge keys ({@code <<: *defaults}, {@code <<: [*a, *b]}): the entries a mapping takes from
 * the mappings it merges, as YAML's merge key type says: its own keys win, then the merged mappings
 * in the order listed (each with the mappings it merges itself), the first to set a key winning.
 * Done here rather than by SnakeYAML so that every entry a merge copies counts in the {@link
 * AliasBudget}: SnakeYAML copies them uncounted.
 */
final class MergeKeys {
  /** How deep merged mappings may merge others in turn; a real file needs one or two. */
  private static final int MAX_DEPTH = 50;

  private final AliasBudget aliases;
  private final PositionMap positions;
  private final List<Diagnostic> diagnostics;

  MergeKeys(AliasBudget aliases, PositionMap positions, List<Diagnostic> diagnostics) {
    this.aliases = aliases;
    this.positions = positions;
    this.diagnostics = diagnostics;
  }

  /**
   * Adds {@code node}'s own entries (all but {@code <<}) to {@code own} and returns the entries its
   * merge keys add: each with a plain key that no earlier entry set.
   */
  List<NodeTuple> entries(MappingNode node, List<NodeTuple> own) {
    List<Node> sources = split(node, own);
    if (sources.isEmpty()) {
      return List.of();
    }
    Set<String> keys = new HashSet<>();
    own.forEach(t -> keys.add(t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null));
    List<NodeTuple> merged = new ArrayList<>();
    Set<Node> path = Collections.newSetFromMap(new IdentityHashMap<>());
    path.add(node);
    for (Node source : sources) {
      merge(source, keys, merged, path);
    }
    return merged;
  }

  private void merge(Node source, Set<String> keys, List<NodeTuple> out, Set<Node> path) {
    for (Node item : source instanceof SequenceNode list ? list.getValue() : List.of(source)) {
      if (!(item instanceof MappingNode mapping)) {
        error(
            item,
            "'<<' merges a mapping, or a list of mappings, into this one; this is a "
                + YamlReader.kind(item));
        continue;
      }
      if (path.size() > MAX_DEPTH || !path.add(mapping)) {
        error(
            item,
            path.size() > MAX_DEPTH
                ? "merge keys nest more than " + MAX_DEPTH + " mappings deep"
                : "a merge key cannot merge a mapping that contains it");
        continue;
      }
      aliases.written(mapping);
      aliases.beginRepeat(mapping);
      try {
        List<NodeTuple> own = new ArrayList<>();
        List<Node> nested = split(mapping, own);
        for (NodeTuple tuple : own) {
          if (tuple.getKeyNode() instanceof ScalarNode key && keys.add(key.getValue())) {
            aliases.count(key);
            out.add(tuple);
          }
        }
        nested.forEach(n -> merge(n, keys, out, path));
      } finally {
        aliases.endRepeat();
        path.remove(mapping);
      }
    }
  }

  /**
   * Adds the entries of {@code node} that are not merge keys to {@code own}; returns what its merge
   * keys merge.
   */
  private static List<Node> split(MappingNode node, List<NodeTuple> own) {
    List<Node> sources = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getTag().equals(Tag.MERGE)) {
        sources.add(tuple.getValueNode());
      } else {
        own.add(tuple);
      }
    }
    return sources;
  }

  private void error(Node at, String summary) {
    diagnostics.add(Diagnostic.error(positions.at(at.getStartMark()), summary, null));
  }
}
