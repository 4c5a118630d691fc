package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Quote;
import dev.flightplan.diag.SourcePos;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the schema validator's messages into sentences about the YAML file, at the position of the
 * key or value concerned. What is allowed comes from the schema itself (allowed keys, enum values,
 * pattern explanations in {@code patternErrorMessage}, object titles); only the wording lives here.
 *
 * <p>Where the generic sentence would not help, the schema says what to write in {@code
 * errorMessage} (the editors' convention, a string, used for every failure of that schema object
 * but unknown keys). It words the rules written as {@code if/then/else} (exactly one of number and
 * latest, of env and file), and keeps a password that was written in the file out of the message: a
 * custom sentence never repeats the value.
 */
final class SchemaMessages {
  private static final Set<String> YAML11_BOOLEANS = Set.of("yes", "no", "on", "off", "y", "n");

  private final JsonNode schema;
  private final KeyHints hints;
  private final PositionMap positions;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /**
   * Pointers of the values the schema rejected (and of unknown keys), for the semantic rules to
   * skip.
   */
  private final Set<String> invalid = new HashSet<>();

  private final Set<String> unreadable;

  /**
   * {@code unreadable}: pointers already reported while reading the YAML; the schema's view of them
   * is noise.
   */
  SchemaMessages(JsonNode schema, PositionMap positions, Set<String> unreadable) {
    this.schema = schema;
    this.hints = new KeyHints(schema);
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
    // A value of the wrong type fails its other keywords too ("1" for version is no integer and not
    // 1): keep only
    // the type error, which is the one that explains the rest.
    Set<String> wrongType = new HashSet<>();
    for (ValidationMessage m : messages) {
      if (m.getType().equals("type")) {
        wrongType.add(pointer(m.getInstanceLocation()));
      }
    }
    // "nam: QA" is one mistake, not two: drop "missing required key name" when an unknown key there
    // suggests it.
    Set<String> misspelt = new HashSet<>();
    for (ValidationMessage m : messages) {
      if (m.getType().equals("additionalProperties")) {
        String at = pointer(m.getInstanceLocation());
        hints
            .suggestion(m.getProperty(), owner(m))
            .ifPresent(s -> misspelt.add(Pointer.child(at, s)));
      }
    }
    for (ValidationMessage m : messages) {
      String at = pointer(m.getInstanceLocation());
      boolean explained =
          !m.getType().equals("type")
              && (wrongType.contains(at)
                  || m.getType().equals("required") && misspeltRequirement(m, at, misspelt));
      if (!explained && !unreadable.contains(at)) {
        add(m, at);
      }
    }
  }

  /**
   * Whether a missing key is explained by a misspelt one: the key itself, or, for the {@code else}
   * of an {@code if: {required: [k]}} ("no number, so latest is required"), the key {@code k}
   * ("numbr: 45").
   */
  private boolean misspeltRequirement(ValidationMessage m, String at, Set<String> misspelt) {
    if (misspelt.contains(Pointer.child(at, m.getProperty()))) {
      return true;
    }
    String location = pointer(m.getSchemaLocation().getFragment());
    if (!location.endsWith("/else/required")) {
      return false;
    }
    JsonNode condition =
        schema.at(Pointer.parent(Pointer.parent(location))).path("if").path("required");
    for (JsonNode key : condition) {
      if (misspelt.contains(Pointer.child(at, key.asText()))) {
        return true;
      }
    }
    return false;
  }

  /** The schema keyword a message comes from, e.g. the {@code enum} array. */
  private JsonNode keyword(ValidationMessage m) {
    return schema.at(pointer(m.getSchemaLocation().getFragment()));
  }

  /** The schema object holding that keyword: its properties, title, patternErrorMessage. */
  private JsonNode owner(ValidationMessage m) {
    return schema.at(Pointer.parent(pointer(m.getSchemaLocation().getFragment())));
  }

  /** The schema's own sentence for failures of {@code owner} ({@code errorMessage}), or null. */
  private static String custom(JsonNode owner) {
    return owner.path("errorMessage").textValue();
  }

  private void add(ValidationMessage m, String at) {
    JsonNode keyword = keyword(m);
    JsonNode owner = owner(m);
    JsonNode value = m.getInstanceNode();
    String label = inMap(m) ? mapEntryLabel(at) : label(at);
    if (!m.getType().equals("required") && !m.getType().endsWith("Properties")) {
      invalid.add(at);
    }
    String custom = m.getType().endsWith("Properties") ? null : custom(owner);
    if (custom != null) {
      customError(m, at, label, custom);
      return;
    }
    switch (m.getType()) {
      case "additionalProperties", "unevaluatedProperties" ->
          unknownKey(at, m.getProperty(), owner);
      case "propertyNames" -> badKey(at, m.getProperty(), keyword);
      case "required" ->
          error(at, noun(at, owner) + " is missing required key \"" + m.getProperty() + "\"", null);
      case "type" ->
          wrongType(at, label, keyword, value, owner.path("patternErrorMessage").textValue());
      case "enum" ->
          error(
              at,
              label + " must be one of: " + list(keyword) + "; got " + Values.plain(value),
              null);
      case "const" ->
          error(
              at,
              label + " must be " + Values.plain(keyword) + ", got " + Values.plain(value),
              null);
      case "pattern" -> {
        String rule =
            owner.path("patternErrorMessage").asText("must match the pattern " + keyword.asText());
        // a number in quotes where a number or a word (limit: none) is allowed
        boolean quotedNumber =
            owner.path("type").toString().contains("\"integer\"")
                && value.asText().matches("[-+]?[0-9]+");
        error(
            at,
            label + " " + rule + "; got " + Values.plain(value),
            quotedNumber ? "remove the quotes" : null);
      }
      case "minItems", "minProperties" -> error(at, atLeast(label, keyword.asInt()), null);
      case "maxItems" ->
          error(
              at,
              label + " must have at most " + keyword.asInt() + " entries; it has " + value.size(),
              null);
      case "minLength" ->
          error(at, label + " must be at least " + keyword.asInt() + " characters long", null);
      case "maxLength" -> {
        int length = value.asText().codePointCount(0, value.asText().length());
        error(
            at,
            label + " must be at most " + keyword.asInt() + " characters long; it has " + length,
            null);
      }
      case "minimum" ->
          error(
              at,
              label + " must be at least " + keyword.asText() + ", got " + Values.plain(value),
              null);
      case "maximum" ->
          error(
              at,
              label + " must be at most " + keyword.asText() + ", got " + Values.plain(value),
              null);
      default -> error(at, label + ": " + afterPointer(m.getMessage()), null);
    }
  }

  private static String atLeast(String label, int entries) {
    return entries == 1
        ? label + " must not be empty"
        : label + " must have at least " + entries + " entries";
  }

  /**
   * A failure the schema words itself. A {@code not: {required: [k]}} is reported at the key {@code
   * k} that must not be there; the value is never shown (it may be a password written where a
   * reference belongs).
   */
  private void customError(ValidationMessage m, String at, String label, String custom) {
    SourcePos pos = positions.value(at);
    if (m.getType().equals("not")) {
      for (JsonNode key : keyword(m).path("required")) {
        if (m.getInstanceNode().has(key.asText())) {
          pos = positions.key(Pointer.child(at, key.asText()));
          break;
        }
      }
    }
    diagnostics.add(Diagnostic.error(pos, label + " " + custom));
  }

  private void unknownKey(String at, String key, JsonNode owner) {
    String keyPointer = Pointer.child(at, key);
    invalid.add(keyPointer);
    List<String> allowed = hints.allowed(owner);
    String summary = "unknown key " + Quote.of(key);
    String hint = null;
    var suggestion = hints.suggestion(key, owner);
    var home = hints.home(key, owner);
    if (suggestion.isPresent()) {
      summary += "; did you mean " + Quote.of(suggestion.get()) + "?";
    } else if (home.isPresent()) {
      summary += " here";
      hint = "it belongs in " + home.get();
    } else if (!allowed.isEmpty()) {
      hint = "allowed here: " + String.join(", ", allowed);
    }
    diagnostics.add(Diagnostic.error(positions.key(keyPointer), summary, hint));
  }

  /** A mapping key that is not the kind of key the mapping takes (a locale that is no locale). */
  private void badKey(String at, String key, JsonNode names) {
    String keyPointer = Pointer.child(at, key);
    invalid.add(keyPointer);
    JsonNode rule = hints.resolve(names);
    String what = rule.path("patternErrorMessage").asText("is not allowed here");
    diagnostics.add(
        Diagnostic.error(positions.key(keyPointer), "key " + Quote.of(key) + " " + what, null));
  }

  /**
   * {@code rule}: the schema's wording of what a value that is a number or a word must be (its
   * patternErrorMessage).
   */
  private void wrongType(String at, String label, JsonNode expected, JsonNode value, String rule) {
    List<String> types = new ArrayList<>();
    if (expected.isArray()) {
      expected.forEach(t -> types.add(Values.typeName(t.asText())));
    } else {
      types.add(Values.typeName(expected.asText()));
    }
    String hint = null;
    if (value.isTextual()
        && (types.contains("a boolean") && value.asText().matches("(?i)true|false")
            || types.contains("an integer") && value.asText().matches("[-+]?[0-9]+"))) {
      hint = "remove the quotes";
    } else if (types.contains("a boolean")
        && value.isTextual()
        && YAML11_BOOLEANS.contains(value.asText().toLowerCase(Locale.ROOT))) {
      hint = "write true or false";
    } else if (types.contains("a string") && (value.isNumber() || value.isBoolean())) {
      hint = "quote it to make it a string: \"" + value.asText() + "\"";
    } else if (types.contains("a list") && value.isNull()) {
      hint = "write [] for an empty list";
    }
    // a number or a word (limit: 500 or limit: none): the schema's own sentence says which
    if (rule != null && types.contains("an integer") && types.contains("a string")) {
      error(
          at,
          label + " " + rule + "; got " + Values.describe(value),
          value.isNull() ? "leave the key out to leave it as it is" : hint);
      return;
    }
    error(
        at,
        label + " must be " + String.join(" or ", types) + ", got " + Values.describe(value),
        hint);
  }

  private void error(String at, String summary, String hint) {
    diagnostics.add(Diagnostic.error(positions.value(at), summary, hint));
  }

  /**
   * How a place in the file is called in a message: {@code "internal"}, {@code entry 2 of
   * "testers"}, the file.
   */
  static String label(String pointer) {
    List<String> tokens = Pointer.tokens(pointer);
    if (tokens.isEmpty()) {
      return "the file";
    }
    String last = tokens.get(tokens.size() - 1);
    if (Pointer.isIndex(last) && tokens.size() > 1) {
      return "entry "
          + (Integer.parseInt(last) + 1)
          + " of "
          + Quote.of(tokens.get(tokens.size() - 2));
    }
    return Quote.of(last);
  }

  /**
   * Whether the failing schema applies to the values of a map (a "What to Test" text, keyed by
   * locale).
   */
  private boolean inMap(ValidationMessage m) {
    return pointer(m.getSchemaLocation().getFragment()).matches(".*/additionalProperties/[^/]+$");
  }

  /** {@code "whatToTest" in en-US}: a map's value is called by the map and its key. */
  private static String mapEntryLabel(String pointer) {
    List<String> tokens = Pointer.tokens(pointer);
    if (tokens.size() < 2) {
      return label(pointer);
    }
    return Quote.of(tokens.get(tokens.size() - 2)) + " in " + tokens.get(tokens.size() - 1);
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
      p =
          element instanceof Integer index
              ? Pointer.child(p, index)
              : Pointer.child(p, String.valueOf(element));
    }
    return p;
  }
}
