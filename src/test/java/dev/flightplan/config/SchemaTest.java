package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The schema is valid draft 2020-12, documents itself for editors, and agrees with the example and the model. */
class SchemaTest {
  private static final Path SCHEMA = Path.of("schema", "testflight.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schema() throws Exception {
    return JSON.readTree(SCHEMA.toFile());
  }

  @Test
  void isValidDraft202012() throws Exception {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    JsonSchema meta = factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    JsonNode schema = schema();
    assertThat(meta.validate(schema)).isEmpty();
    assertThat(meta.validate(JSON.readTree("{\"type\": 12}"))).as("the meta-schema really checks").isNotEmpty();
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$id").asText()).isNotBlank();
    assertThat(schema.path("title").asText()).isNotBlank();
    assertThat(schema.path("$defs").fieldNames()).toIterable().contains("email", "group", "tester", "manage");
  }

  @Test
  void theExampleValidatesAgainstItDirectly() throws Exception {
    Object yaml = new Yaml().load(Files.readString(ExampleConfigTest.EXAMPLE));
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema());
    assertThat(schema.validate(JSON.valueToTree(yaml))).isEmpty();
  }

  @Test
  void theExampleTellsEditorsWhereTheSchemaIs() throws Exception {
    String first = Files.readAllLines(ExampleConfigTest.EXAMPLE).get(0);
    assertThat(first).isEqualTo("# yaml-language-server: $schema=../schema/testflight.schema.json");
    assertThat(ExampleConfigTest.EXAMPLE.resolveSibling("../schema/testflight.schema.json").normalize())
        .isEqualTo(SCHEMA);
  }

  @Test
  void everyObjectIsClosedAndEveryPropertyDescribed() throws Exception {
    List<String> problems = new ArrayList<>();
    walk(schema(), "#", problems);
    assertThat(problems).isEmpty();
  }

  /**
   * Every mapping the file may hold is either closed (its keys listed, each described, nothing else allowed) or a
   * map whose keys are checked ({@code propertyNames}, e.g. locales). Subschemas under {@code if}, {@code then},
   * {@code else} and {@code not} only state rules about keys described elsewhere, so they are not shapes.
   */
  private static void walk(JsonNode node, String at, List<String> problems) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at + "/" + i, problems);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    boolean object = "object".equals(node.path("type").asText());
    if (object && node.has("properties")) {
      if (!node.path("additionalProperties").equals(JSON.getNodeFactory().booleanNode(false))) {
        problems.add(at + ": additionalProperties is not false");
      }
      node.get("properties").fields().forEachRemaining(p -> {
        if (p.getValue().path("description").asText().isBlank()) {
          problems.add(at + "/properties/" + p.getKey() + ": no description");
        }
      });
    } else if (object && !(node.has("propertyNames") && node.path("additionalProperties").isObject())) {
      problems.add(at + ": an object that is neither closed nor a map with checked keys");
    } else if (!object && node.has("properties")) {
      problems.add(at + ": properties without type: object");
    }
    node.fields().forEachRemaining(e -> {
      if (!List.of("if", "then", "else", "not").contains(e.getKey())) {
        walk(e.getValue(), at + "/" + e.getKey(), problems);
      }
    });
  }

  @Test
  void theWalkFindsOpenObjects() {
    List<String> problems = new ArrayList<>();
    walk(JSON.createObjectNode().put("type", "object").set("properties", JSON.createObjectNode()), "#", problems);
    walk(JSON.createObjectNode().put("type", "object"), "#", problems);
    assertThat(problems).hasSize(2);
  }

  @Test
  void manageDefaultsAndValuesMatchTheModel() throws Exception {
    JsonNode manage = schema().at("/$defs/manage/properties");
    assertThat(manage.at("/groups/default").asText())
        .isEqualTo(Manage.DEFAULT.groups().name().toLowerCase(Locale.ROOT));
    assertThat(manage.at("/testers/default").asText())
        .isEqualTo(Manage.DEFAULT.testers().name().toLowerCase(Locale.ROOT));
    assertThat(values(manage.at("/groups/enum"))).containsExactly("listed", "all");
    assertThat(values(manage.at("/testers/enum"))).containsExactly("additive", "exclusive");
    for (String g : values(manage.at("/groups/enum"))) {
      Manage.GroupsMode.valueOf(g.toUpperCase(Locale.ROOT));
    }
    for (String t : values(manage.at("/testers/enum"))) {
      Manage.TestersMode.valueOf(t.toUpperCase(Locale.ROOT));
    }
  }

  @Test
  void theJarShipsTheSameSchema() throws Exception {
    try (InputStream in = SchemaTest.class.getResourceAsStream(ConfigSchema.RESOURCE)) {
      assertThat(in).as("classpath " + ConfigSchema.RESOURCE).isNotNull();
      assertThat(JSON.readTree(in)).isEqualTo(schema());
    }
  }

  @Test
  void emailPatternAcceptsAndRejects() throws Exception {
    JsonSchema email = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(JSON.readTree("{\"$ref\": \"" + SCHEMA.toUri() + "#/$defs/email\"}"));
    Map<String, Boolean> cases = Map.of(
        "carol@example.com", true,
        "first.last+tag@sub.example.co.uk", true,
        "carol", false,
        "carol@example", false,
        "carol@.example.com", false,
        "carol @example.com", false,
        "carol@@example.com", false,
        "@example.com", false);
    cases.forEach((value, ok) ->
        assertThat(email.validate(JSON.getNodeFactory().textNode(value)).isEmpty()).as(value).isEqualTo(ok));
  }

  private static List<String> values(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
