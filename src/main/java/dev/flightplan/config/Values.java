package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.diag.Quote;

/** How values and types are named in messages, in YAML's words: mapping, list, empty value. */
final class Values {
  private Values() {}

  /** {@code string "yes"}, {@code integer 12}, {@code a mapping}, ... */
  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "an empty value";
    }
    if (value.isTextual()) {
      return "string " + Quote.of(value.asText());
    }
    if (value.isIntegralNumber()) {
      return "integer " + value.asText();
    }
    if (value.isNumber()) {
      return "number " + value.asText();
    }
    if (value.isBoolean()) {
      return "boolean " + value.asText();
    }
    return value.isArray() ? "a list" : "a mapping";
  }

  /** A value as written: strings quoted, numbers and booleans bare. */
  static String plain(JsonNode value) {
    if (value == null || value.isNull()) {
      return "an empty value";
    }
    if (value.isTextual()) {
      return Quote.of(value.asText());
    }
    return value.isContainerNode() ? describe(value) : value.asText();
  }

  /** A JSON Schema type in YAML's words, with its article. */
  static String typeName(String schemaType) {
    return switch (schemaType) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "string" -> "a string";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "a boolean";
      case "null" -> "empty";
      default -> schemaType;
    };
  }
}
