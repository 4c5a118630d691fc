package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Whether a value is one the desired-state file accepts, by the patterns of its schema: for code
 * that writes the file ({@code pull}) and must leave out what the file cannot hold rather than
 * write a file that does not load.
 */
public final class SchemaPatterns {
  private SchemaPatterns() {}

  /**
   * Whether {@code value} matches the pattern (and fits the maximum length) of the schema object at
   * {@code pointer} (a JSON pointer into the schema, e.g. {@code /$defs/email} or {@code
   * /$defs/reviewDetail/properties/contactPhone}, local references followed); true when that object
   * has no pattern.
   */
  public static boolean accepts(String pointer, String value) {
    JsonNode schema = ConfigSchema.get().document();
    JsonNode node = schema.at(pointer);
    for (int hops = 0;
        hops < 10 && !node.has("pattern") && node.path("$ref").asText().startsWith("#");
        hops++) {
      node = schema.at(node.get("$ref").asText().substring(1));
    }
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("no such place in the schema: " + pointer);
    }
    if (node.has("maxLength")
        && value.codePointCount(0, value.length()) > node.get("maxLength").asInt()) {
      return false;
    }
    return !node.has("pattern")
        || Pattern.compile(node.get("pattern").asText()).matcher(value).find();
  }

  /**
   * The schema's {@code $id}, which a written file names in its {@code yaml-language-server} line.
   */
  public static String schemaId() {
    return ConfigSchema.get().document().path("$id").asText();
  }
}
