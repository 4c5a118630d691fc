package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.flightplan.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the schema validator's messages into sentences about the YAML file, at the position of the key or value
 * concerned. What is allowed comes from the schema itself (allowed keys, enum values, pattern explanations in
 * {@code patternErrorMessage}, object titles); only the wording lives here.
 */
final class SchemaMessages {
  private static final Set<String> YAML11_BOOLEANS =
      Set.of("yes", "no", "on", "off", "y", "n");

  private final JsonNode schema;
  private final PositionMap positions;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  /** Pointers of the values the schema rejected (and of unknown keys), for the semantic rules to skip. */
  private final Set<String> invalid = new HashSet<>();
  private final Set<String> unreadable;

  /** {@code unreadable}: pointers already reported while reading the YAML; the schema's view of them is noise. */
  SchemaMessages(JsonNode schema, PositionMap positions, Set<String> unreadable) {
    this.schema = schema;
    this.positions = positions;
    this.unreadable = unreadable;
    this.invalid.addAll(unreadable);
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  Set<String> invalid() {
    return invalid;
  }

  void addAll(Collection<ValidationMessage> messages) {
    // A value of the wrong type fails its other keywords too ("1" for version is no integer and not 1): keep only
    // the type error, which is the one that explains the rest.
    Set<String> wrongType = new HashSet<>();
    for (ValidationMessage m : messages) {
      if (m.getType().equals("type")) {
        wrongType.add(pointer(m.getInstanceLocation()));
      }
    }
    // "nam: QA" is one mistake, not two: drop "missing required key name" when an unknown key there suggests it.
    Set<String> misspelt = new HashSet<>();
    for (ValidationMessage m : messages) {
      if (m.getType().equals("additionalProperties")) {
        String at = pointer(m.getInstanceLocation());
        suggestion(m.getProperty(), owner(m)).ifPresent(s -> misspelt.add(Pointer.child(at, s)));
      }
    }
    for (ValidationMessage m : messages) {
      String at = pointer(m.getInstanceLocation());
      boolean explained = !m.getType().equals("type")
          && (wrongType.contains(at)
              || m.getType().equals("required") && misspelt.contains(Pointer.child(at, m.getProperty())));
      if (!explained && !unreadable.contains(at)) {
        add(m, at);
      }
    }
  }

  /** The schema keyword a message comes from, e.g. the {@code enum} array. */
  private JsonNode keyword(ValidationMessage m) {
    return schema.at(pointer(m.getSchemaLocation().getFragment()));
  }

  /** The schema object holding that keyword: its properties, title, patternErrorMessage. */
  private JsonNode owner(ValidationMessage m) {
    return schema.at(Pointer.parent(pointer(m.getSchemaLocation().getFragment())));
  }

  private static java.util.Optional<String> suggestion(String key, JsonNode owner) {
    return Suggest.closest(key, allowedKeys(owner));
  }

  private static List<String> allowedKeys(JsonNode owner) {
    List<String> allowed = new ArrayList<>();
    owner.path("properties").fieldNames().forEachRemaining(allowed::add);
    return allowed;
  }

  private void add(ValidationMessage m, String at) {
    JsonNode keyword = keyword(m);
    JsonNode owner = owner(m);
    JsonNode value = m.getInstanceNode();
    String label = label(at);
    if (!m.getType().equals("required") && !m.getType().endsWith("Properties")) {
      invalid.add(at);
    }
    switch (m.getType()) {
      case "additionalProperties", "unevaluatedProperties" -> unknownKey(at, m.getProperty(), owner);
      case "required" -> error(at, noun(at, owner) + " is missing required key \"" + m.getProperty() + "\"", null);
      case "type" -> wrongType(at, label, keyword, value);
      case "enum" -> error(at, label + " must be one of: " + list(keyword) + "; got " + Values.plain(value), null);
      case "const" -> error(at, label + " must be " + Values.plain(keyword) + ", got " + Values.plain(value), null);
      case "pattern" -> {
        String rule = owner.path("patternErrorMessage").asText("must match the pattern " + keyword.asText());
        error(at, label + " " + rule + "; got " + Values.plain(value), null);
      }
      case "minItems" -> error(
          at,
          keyword.asInt() == 1 ? label + " must not be empty" : label + " must have at least " + keyword.asInt() + " entries",
          null);
      case "maxItems" -> error(at, label + " must have at most " + keyword.asInt() + " entries", null);
      case "minLength" -> error(at, label + " must be at least " + keyword.asInt() + " characters long", null);
      case "maxLength" -> error(at, label + " must be at most " + keyword.asInt() + " characters long", null);
      case "minimum" -> error(at, label + " must be at least " + keyword.asText() + ", got " + Values.plain(value), null);
      case "maximum" -> error(at, label + " must be at most " + keyword.asText() + ", got " + Values.plain(value), null);
      default -> error(at, label + ": " + afterPointer(m.getMessage()), null);
    }
  }

  private void unknownKey(String at, String key, JsonNode owner) {
    String keyPointer = Pointer.child(at, key);
    invalid.add(keyPointer);
    List<String> allowed = allowedKeys(owner);
    String summary = "unknown key " + Values.quote(key);
    String hint = null;
    var suggestion = suggestion(key, owner);
    if (suggestion.isPresent()) {
      summary += "; did you mean " + Values.quote(suggestion.get()) + "?";
    } else if (!allowed.isEmpty()) {
      hint = "allowed here: " + String.join(", ", allowed);
    }
    diagnostics.add(Diagnostic.error(positions.key(keyPointer), summary, hint));
  }

  private void wrongType(String at, String label, JsonNode expected, JsonNode value) {
    List<String> types = new ArrayList<>();
    if (expected.isArray()) {
      expected.forEach(t -> types.add(Values.typeName(t.asText())));
    } else {
      types.add(Values.typeName(expected.asText()));
    }
    String hint = null;
    if (value.isTextual() && (types.contains("a boolean") && value.asText().matches("(?i)true|false")
        || types.contains("an integer") && value.asText().matches("[-+]?[0-9]+"))) {
      hint = "remove the quotes";
    } else if (types.contains("a boolean") && value.isTextual()
        && YAML11_BOOLEANS.contains(value.asText().toLowerCase(Locale.ROOT))) {
      hint = "write true or false";
    } else if (types.contains("a string") && (value.isNumber() || value.isBoolean())) {
      hint = "quote it to make it a string: \"" + value.asText() + "\"";
    } else if (types.contains("a list") && value.isNull()) {
      hint = "write [] for an empty list";
    }
    error(at, label + " must be " + String.join(" or ", types) + ", got " + Values.describe(value), hint);
  }

  private void error(String at, String summary, String hint) {
    diagnostics.add(Diagnostic.error(positions.value(at), summary, hint));
  }

  /** How a place in the file is called in a message: {@code "internal"}, {@code entry 2 of "testers"}, the file. */
  static String label(String pointer) {
    List<String> tokens = Pointer.tokens(pointer);
    if (tokens.isEmpty()) {
      return "the file";
    }
    String last = tokens.get(tokens.size() - 1);
    if (Pointer.isIndex(last) && tokens.size() > 1) {
      return "entry " + (Integer.parseInt(last) + 1) + " of " + Values.quote(tokens.get(tokens.size() - 2));
    }
    return Values.quote(last);
  }

  /** What a mapping is called: its schema title (app, group, tester, ...), or its label. */
  private static String noun(String pointer, JsonNode owner) {
    if (pointer.isEmpty()) {
      return "the file";
    }
    String title = owner.path("title").asText("");
    return title.isEmpty() ? label(pointer) : title;
  }

  private static String list(JsonNode values) {
    List<String> items = new ArrayList<>();
    values.forEach(v -> items.add(v.isTextual() ? v.asText() : Values.plain(v)));
    return String.join(", ", items);
  }

  /** The validator's own wording without the location it starts with; positions say where. */
  private static String afterPointer(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }

  static String pointer(JsonNodePath path) {
    String p = Pointer.ROOT;
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      p = element instanceof Integer index ? Pointer.child(p, index) : Pointer.child(p, String.valueOf(element));
    }
    return p;
  }
}
