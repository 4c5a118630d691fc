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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The JSON Schema of the desired-state file ({@code schema/testflight.schema.json}), loaded and
 * compiled once. It is the single statement of the file's shape; editors use the same file.
 */
final class ConfigSchema {
  static final String RESOURCE = "/schema/testflight.schema.json";

  /**
   * The one load, run by whichever comes first: {@link #prepare}'s thread or the first {@link
   * #get}; the other waits for it.
   */
  private static final FutureTask<ConfigSchema> LOADING = new FutureTask<>(ConfigSchema::load);

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

  /**
   * Starts loading the schema on a thread of its own, so that a command that will load a file has
   * the schema ready by then: compiling it, and initialising the Jackson and validator classes it
   * needs, is about half of what a short {@code validate} does after the JVM starts (BENCHMARKS.md,
   * "Start-up"), and the command line is parsed and the file read meanwhile, on the other CPU. The
   * thread runs {@code first} before, on the same grounds.
   */
  static void prepare(Runnable first) {
    Thread thread =
        new Thread(
            () -> {
              try {
                first.run();
              } finally {
                LOADING.run();
              }
            },
            "flightplan-schema");
    thread.setDaemon(true);
    thread.start();
  }

  static ConfigSchema get() {
    // runs the load here unless it has begun elsewhere; then waits for it to end
    LOADING.run();
    try {
      return LOADING.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the schema " + RESOURCE, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
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
