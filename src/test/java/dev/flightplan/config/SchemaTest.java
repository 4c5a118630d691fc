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

/**
 * The schema is valid draft 2020-12, documents itself for editors, and agrees with the example and
 * the model.
 */
class SchemaTest {
  private static final Path SCHEMA = Path.of("schema", "testflight.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schema() throws Exception {
    return JSON.readTree(SCHEMA.toFile());
  }

  @Test
  void isValidDraft202012() throws Exception {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    JsonSchema meta =
        factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    JsonNode schema = schema();
    assertThat(meta.validate(schema)).isEmpty();
    assertThat(meta.validate(JSON.readTree("{\"type\": 12}")))
        .as("the meta-schema really checks")
        .isNotEmpty();
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$id").asText()).isNotBlank();
    assertThat(schema.path("title").asText()).isNotBlank();
    assertThat(schema.path("$defs").fieldNames())
        .toIterable()
        .contains("email", "group", "tester", "manage");
  }

  @Test
  void theExampleValidatesAgainstItDirectly() throws Exception {
    Object yaml = new Yaml().load(Files.readString(ExampleConfigTest.EXAMPLE));
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema());
    assertThat(schema.validate(JSON.valueToTree(yaml))).isEmpty();
  }

  @Test
  void theExampleTellsEditorsWhereTheSchemaIs() throws Exception {
    String first = Files.readAllLines(ExampleConfigTest.EXAMPLE).get(0);
    assertThat(first).isEqualTo("# yaml-language-server: $schema=../schema/testflight.schema.json");
    assertThat(
            ExampleConfigTest.EXAMPLE
                .resolveSibling("../schema/testflight.schema.json")
                .normalize())
        .isEqualTo(SCHEMA);
  }

  @Test
  void everyObjectIsClosedAndEveryPropertyDescribed() throws Exception {
    List<String> problems = new ArrayList<>();
    walk(schema(), "#", problems);
    assertThat(problems).isEmpty();
  }

  /**
   * Every mapping the file may hold is either closed (its keys listed, each described, nothing else
   * allowed) or a map whose keys are checked ({@code propertyNames}, e.g. locales). Subschemas
   * under {@code if}, {@code then}, {@code else} and {@code not} only state rules about keys
   * described elsewhere, so they are not shapes.
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
      node.get("properties")
          .fields()
          .forEachRemaining(
              p -> {
                if (p.getValue().path("description").asText().isBlank()) {
                  problems.add(at + "/properties/" + p.getKey() + ": no description");
                }
              });
    } else if (object
        && !(node.has("propertyNames") && node.path("additionalProperties").isObject())) {
      problems.add(at + ": an object that is neither closed nor a map with checked keys");
    } else if (!object && node.has("properties")) {
      problems.add(at + ": properties without type: object");
    }
    node.fields()
        .forEachRemaining(
            e -> {
              if (!List.of("if", "then", "else", "not").contains(e.getKey())) {
                walk(e.getValue(), at + "/" + e.getKey(), problems);
              }
            });
  }

  /** Editors show {@code errorMessage} as it is: an object would read "[object Object]". */
  @Test
  void customMessagesAreStrings() throws Exception {
    List<String> found = new ArrayList<>();
    List<JsonNode> todo = new ArrayList<>(List.of(schema()));
    while (!todo.isEmpty()) {
      JsonNode node = todo.remove(todo.size() - 1);
      if (node.has("errorMessage")) {
        found.add(
            node.get("errorMessage").isTextual() ? "text" : node.get("errorMessage").toString());
      }
      node.elements().forEachRemaining(todo::add);
    }
    assertThat(found).hasSizeGreaterThanOrEqualTo(8).containsOnly("text");
  }

  @Test
  void theWalkFindsOpenObjects() {
    List<String> problems = new ArrayList<>();
    walk(
        JSON.createObjectNode().put("type", "object").set("properties", JSON.createObjectNode()),
        "#",
        problems);
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

  /**
   * Each closed mapping of the file has exactly the keys of the record it becomes (less what the
   * loader adds).
   */
  @Test
  void objectsHaveTheKeysOfTheirRecords() throws Exception {
    JsonNode defs = schema().path("$defs");
    assertThat(keys(defs.at("/localization")))
        .containsExactlyInAnyOrderElementsOf(components(LocalizationSpec.class, "locale"));
    assertThat(keys(defs.at("/reviewDetail")))
        .containsExactlyInAnyOrderElementsOf(components(ReviewDetailSpec.class));
    assertThat(keys(defs.at("/secretRef")))
        .containsExactlyInAnyOrderElementsOf(components(SecretRef.class));
    assertThat(keys(defs.at("/invitation")))
        .containsExactlyInAnyOrderElementsOf(components(InvitationPolicy.class));
    assertThat(keys(defs.at("/publicLink")))
        .containsExactlyInAnyOrderElementsOf(components(PublicLinkSpec.class));
    assertThat(keys(defs.at("/criterion")))
        .containsExactlyInAnyOrderElementsOf(components(CriterionSpec.class));
    assertThat(keys(defs.at("/buildRef")))
        .containsExactlyInAnyOrderElementsOf(components(BuildRef.class));
    List<String> spec = new ArrayList<>(components(BuildRef.class));
    spec.addAll(components(BuildSpec.class, "ref"));
    assertThat(keys(defs.at("/buildSpec"))).containsExactlyInAnyOrderElementsOf(spec);
    // One title per locale: `title` in the file, `titles` in the record.
    assertThat(keys(defs.at("/invocation"))).containsExactly("url", "title");
    assertThat(components(InvocationSpec.class)).containsExactly("url", "titles");
    assertThat(keys(defs.at("/group"))).containsAll(components(GroupSpec.class));
    assertThat(keys(defs.at("/tester"))).containsAll(components(TesterSpec.class));
    assertThat(keys(defs.at("/app"))).containsAll(components(AppSpec.class));
  }

  @Test
  void defaultsAndRangesMatchTheModel() throws Exception {
    JsonNode defs = schema().path("$defs");
    assertThat(defs.at("/invitation/properties/onAdd/default").asBoolean())
        .isEqualTo(InvitationPolicy.DEFAULT.onAdd());
    assertThat(defs.at("/invitation/properties/resendAfterDays/minimum").asInt()).isEqualTo(1);
    assertThat(defs.at("/invitation/properties/resendAfterDays/maximum").asInt()).isEqualTo(90);
    assertThat(defs.at("/publicLink/properties/limit/minimum").asInt()).isEqualTo(1);
    assertThat(defs.at("/publicLink/properties/limit/maximum").asInt()).isEqualTo(10000);
    assertThat(defs.at("/buildSpec/properties/appClipInvocations/maxItems").asInt()).isEqualTo(3);
    assertThat(values(defs.at("/platform/enum")))
        .containsExactly("IOS", "MAC_OS", "TV_OS", "VISION_OS");
    assertThat(defs.at("/platform/default").asText()).isEqualTo("IOS");
    assertThat(values(defs.at("/criterion/properties/deviceFamily/enum")))
        .containsExactly("IPHONE", "IPAD", "APPLE_TV", "APPLE_WATCH", "MAC", "VISION");
    for (String text :
        List.of(
            "/localization/properties/description",
            "/localization/properties/tvOsPrivacyPolicy",
            "/app/properties/licenseAgreement",
            "/reviewDetail/properties/notes",
            "/buildSpec/properties/whatToTest/additionalProperties")) {
      assertThat(defs.at(text + "/maxLength").asInt()).as(text).isEqualTo(4000);
    }
  }

  @Test
  void patternsAcceptAndReject() throws Exception {
    Map<String, Map<String, Boolean>> cases =
        Map.of(
            "locale",
                Map.of(
                    "en-US",
                    true,
                    "de",
                    true,
                    "zh-Hans",
                    true,
                    "pt-BR",
                    true,
                    "es-419",
                    true,
                    "zh-Hans-CN",
                    true,
                    "en_US",
                    false,
                    "english",
                    false,
                    "e",
                    false,
                    "en-",
                    false),
            "appVersion",
                Map.of(
                    "2.3", true, "2", true, "2.10.1", true, "2.3.1.4", false, "v2.3", false, "2.",
                    false),
            "httpUrl",
                Map.of(
                    "https://example.com",
                    true,
                    "http://example.com:8080/p?q=1#f",
                    true,
                    "example.com",
                    false,
                    "ftp://example.com",
                    false,
                    "https://",
                    false,
                    "https://exa mple.com",
                    false),
            "email", Map.of("beta@example.com", true, "beta", false));
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    cases.forEach(
        (def, values) -> {
          JsonSchema schema;
          try {
            schema =
                factory.getSchema(
                    JSON.readTree("{\"$ref\": \"" + SCHEMA.toUri() + "#/$defs/" + def + "\"}"));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          values.forEach(
              (value, ok) ->
                  assertThat(schema.validate(JSON.getNodeFactory().textNode(value)).isEmpty())
                      .as(def + " " + value)
                      .isEqualTo(ok));
        });
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.path("properties").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** A record's component names in order, without its position and the names given. */
  /**
   * The record's components, less {@code except} and the positions the loader adds ({@code pos},
   * {@code ...At}).
   */
  private static List<String> components(Class<? extends Record> type, String... except) {
    List<String> names = new ArrayList<>();
    for (var c : type.getRecordComponents()) {
      boolean position =
          c.getName().equals("pos") || c.getGenericType().getTypeName().contains("SourcePos");
      if (!position && !List.of(except).contains(c.getName())) {
        names.add(c.getName());
      }
    }
    return names;
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
    JsonSchema email =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(JSON.readTree("{\"$ref\": \"" + SCHEMA.toUri() + "#/$defs/email\"}"));
    Map<String, Boolean> cases =
        Map.of(
            "carol@example.com", true,
            "first.last+tag@sub.example.co.uk", true,
            "carol", false,
            "carol@example", false,
            "carol@.example.com", false,
            "carol @example.com", false,
            "carol@@example.com", false,
            "@example.com", false);
    cases.forEach(
        (value, ok) ->
            assertThat(email.validate(JSON.getNodeFactory().textNode(value)).isEmpty())
                .as(value)
                .isEqualTo(ok));
  }

  private static List<String> values(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
