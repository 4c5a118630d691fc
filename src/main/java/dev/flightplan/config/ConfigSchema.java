package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The JSON Schema of the desired-state file ({@code schema/testflight.schema.json}), loaded and
 * compiled once. It is the single statement of the file's shape; editors use the same file.
 */
final class ConfigSchema {
  static final String RESOURCE = "/schema/testflight.schema.json";

  private static final class Holder {
    static final ConfigSchema INSTANCE = load();
  }

  private final JsonNode document;
  private final JsonSchema schema;

  private ConfigSchema(JsonNode document) {
    this.document = document;
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(java.util.Locale.ROOT)
            .build();
    // errorMessage and patternErrorMessage are for editors (and SchemaMessages, which reads them
    // from the document): declared as keywords that do not validate, instead of the unknown
    // keywords the validator would collect as annotations, which builds an ObjectMapper to print
    // them
    JsonMetaSchema meta =
        JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keyword(new NonValidationKeyword("errorMessage"))
            .keyword(new NonValidationKeyword("patternErrorMessage"))
            .build();
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.metaSchema(meta))
            .getSchema(document, config);
  }

  static ConfigSchema get() {
    return Holder.INSTANCE;
  }

  /** The schema as JSON, to look up the keyword a validation message came from. */
  JsonNode document() {
    return document;
  }

  Set<ValidationMessage> validate(JsonNode instance) {
    return schema.validate(instance);
  }

  private static ConfigSchema load() {
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        return new ConfigSchema(mapper.readTree(in));
      }
      // Running from a checkout without the packaged resource (an IDE): read it beside the sources.
      Path file = Path.of("schema", "testflight.schema.json");
      if (Files.isRegularFile(file)) {
        return new ConfigSchema(mapper.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled schema " + RESOURCE, e);
    }
    throw new IllegalStateException("the schema " + RESOURCE + " is missing from the classpath");
  }
}
