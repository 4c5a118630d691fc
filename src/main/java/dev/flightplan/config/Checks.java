package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Quote;
import dev.flightplan.diag.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the semantic rules share: the tree's positions, the values the schema already rejected (to
 * be skipped, so one mistake gives one message), and the diagnostics found so far. Each rule reads
 * values only through here.
 */
final class Checks {
  private final JsonNode schema;
  private final PositionMap positions;
  private final Set<String> invalid;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  Checks(JsonNode schema, PositionMap positions, Set<String> invalid) {
    this.schema = schema;
    this.positions = positions;
    this.invalid = invalid;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  PositionMap positions() {
    return positions;
  }

  /** Whether the value at {@code at} passed the schema (or is absent). */
  boolean valid(String at) {
    return !invalid.contains(at);
  }

  /** The node if it is a list; otherwise an empty node, the schema having reported it. */
  static JsonNode list(JsonNode node) {
    return node.isArray() ? node : MissingNode.getInstance();
  }

  /** The node if it is a mapping; otherwise an empty node, the schema having reported it. */
  static JsonNode map(JsonNode node) {
    return node.isObject() ? node : MissingNode.getInstance();
  }

  /**
   * Records {@code key} as seen at {@code at} (a pointer, in {@code seen}); if it was seen before,
   * reports {@code summary} and returns false. The message and both positions are worked out only
   * then: a file of 10,000 testers checks some 30,000 keys and repeats none.
   */
  boolean unique(Map<String, String> seen, String key, String at, Supplier<String> summary) {
    String firstAt = seen.putIfAbsent(key, at);
    if (firstAt == null) {
      return true;
    }
    SourcePos first = positions.value(firstAt);
    SourcePos pos = positions.value(at);
    error(
        pos,
        summary.get(),
        first.file().equals(pos.file()) ? "first at line " + first.line() : "first at " + first);
    return false;
  }

  /**
   * The string at {@code parent/field}, or null when absent, not a string, or rejected by the
   * schema.
   */
  String text(JsonNode parent, String parentAt, String field) {
    return text(parent.path(field), Pointer.child(parentAt, field));
  }

  String text(JsonNode node, String at) {
    return node.isTextual() && valid(at) ? node.asText() : null;
  }

  /**
   * A value the schema takes as a string or a number (versions, build numbers), as the file wrote
   * it: {@code 2.10} is "2.10". A number must still read like the strings the definition {@code
   * def} allows ({@code 1e3} is no version); if not, that is reported and null returned. Null too
   * when absent or rejected by the schema.
   */
  String written(JsonNode parent, String parentAt, String field, String def) {
    String at = Pointer.child(parentAt, field);
    JsonNode node = parent.path(field);
    if (!valid(at) || !(node.isTextual() || node.isNumber())) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    String text = positions.written(at) != null ? positions.written(at) : node.asText();
    JsonNode rule = schema.at("/$defs/" + def);
    if (!text.matches(rule.path("pattern").asText(".*"))) {
      invalid.add(at);
      error(
          positions.value(at),
          Quote.of(field)
              + " "
              + rule.path("patternErrorMessage").asText("is not valid")
              + "; got "
              + text,
          null);
      return null;
    }
    return text;
  }

  void error(SourcePos pos, String summary, String hint) {
    diagnostics.add(Diagnostic.error(pos, summary, hint));
  }

  void warning(SourcePos pos, String summary, String hint) {
    diagnostics.add(Diagnostic.warning(pos, summary, hint));
  }
}
