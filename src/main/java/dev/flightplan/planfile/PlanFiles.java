package dev.flightplan.planfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flightplan.config.Limits;
import dev.flightplan.config.RegularFiles;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.planfile.PlanFile.PlanFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Saved plan files on disk: written whole or not at all, and read back with every way a file can be
 * wrong (not JSON, not a flightplan plan, another format version, not valid against
 * schema/plan.schema.json) turned into one clear {@link PlanFileException}. A plan of an older
 * format is refused with the command that makes it again.
 */
public final class PlanFiles {
  static final String SCHEMA_RESOURCE = "/schema/plan.schema.json";
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final int SHOWN_PROBLEMS = 3;
  private static final String MAJOR =
      SavedPlan.FORMAT_VERSION.substring(0, SavedPlan.FORMAT_VERSION.indexOf('.'));

  private PlanFiles() {}

  /**
   * Saves the plan document {@code text} to {@code file}, whole or not at all ({@link
   * RegularFiles#write}).
   */
  public static void write(Path file, String text) throws IOException {
    RegularFiles.write(file, text);
  }

  /**
   * The saved plan in {@code file}; every way the file can be wrong is a {@link PlanFileException}.
   */
  public static SavedPlan read(Path file) throws PlanFileException {
    String name = file.toString();
    String text;
    try {
      // only a regular file, and not without end: a pipe or a device given by mistake fails at once
      text = RegularFiles.utf8(RegularFiles.read(file, Limits.MAX_PLAN_BYTES));
    } catch (IOException e) {
      throw new PlanFileException("cannot read the plan " + name + ": " + RegularFiles.reason(e));
    }
    return parse(name, text);
  }

  /** The saved plan in {@code text}; {@code name} is how messages call the file. */
  public static SavedPlan parse(String name, String text) throws PlanFileException {
    String notAPlan = name + " is not a flightplan plan file";
    String yamlHint =
        name.toLowerCase(Locale.ROOT).matches(".*\\.ya?ml$")
            ? "; to apply a desired-state file, use apply -f " + name
            : "; make one with: flightplan plan -o " + name;
    JsonNode doc;
    try {
      doc = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new PlanFileException(
          notAPlan + ": it is not JSON (line " + e.getLocation().getLineNr() + ")" + yamlHint);
    }
    if (doc == null || !doc.isObject()) {
      throw new PlanFileException(notAPlan + ": it is not a JSON object" + yamlHint);
    }
    if (!doc.has("flightplan_version")) {
      String what =
          doc.has("terraform_version") ? "it is a Terraform plan" : "it has no flightplan_version";
      throw new PlanFileException(notAPlan + ": " + what + yamlHint);
    }
    String format = doc.path("format_version").asText("");
    if (format.matches("1\\.[0-9]+")) {
      // format 1 marked ids and secrets inside request text, which apply no longer interprets: made
      // again, it is safe
      throw new PlanFileException(
          name
              + " was saved by an older flightplan (plan format "
              + format
              + "), which this one"
              + " no longer applies; make the plan again with: flightplan plan -o "
              + name);
    }
    if (!format.matches(MAJOR + "\\.[0-9]+")) {
      throw new PlanFileException(
          name
              + " has format_version \""
              + format
              + "\"; this flightplan reads plan format "
              + MAJOR
              + ".x");
    }
    List<String> problems =
        schema().validate(doc).stream()
            .map(ValidationMessage::getMessage)
            .sorted()
            .limit(SHOWN_PROBLEMS)
            .toList();
    if (!problems.isEmpty()) {
      throw new PlanFileException(
          name
              + " is not a valid flightplan plan (was it edited?): "
              + String.join("; ", problems));
    }
    try {
      return PlanFile.read(doc);
    } catch (PlanFileException e) {
      throw new PlanFileException(name + " is not a valid flightplan plan: " + e.getMessage());
    }
  }

  private static final class Holder {
    static final JsonSchema SCHEMA = load();
  }

  /**
   * The compiled schema/plan.schema.json, also used by tests to check every JSON plan they produce.
   */
  public static JsonSchema schema() {
    return Holder.SCHEMA;
  }

  private static JsonSchema load() {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ROOT)
            .build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    try (InputStream in = PlanFiles.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in != null) {
        return factory.getSchema(MAPPER.readTree(in), config);
      }
      Path file = Path.of("schema", "plan.schema.json");
      if (Files.isRegularFile(file)) {
        return factory.getSchema(MAPPER.readTree(file.toFile()), config);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled schema " + SCHEMA_RESOURCE, e);
    }
    throw new IllegalStateException(
        "the schema " + SCHEMA_RESOURCE + " is missing from the classpath");
  }
}
