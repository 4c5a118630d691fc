package dev.flightplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.flightplan.planfile.PlanFiles;
import java.util.List;

/** Checks JSON plans against schema/plan.schema.json: every test that produces one calls this. */
public final class PlanSchemaAssert {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlanSchemaAssert() {}

  /** Parses {@code json} and asserts that it is a valid plan document; returns the tree. */
  public static JsonNode assertValidPlan(String json) {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + e.getOriginalMessage() + "\n" + json, e);
    }
    List<String> problems =
        PlanFiles.schema().validate(doc).stream().map(ValidationMessage::getMessage).toList();
    assertThat(problems).as("violations of schema/plan.schema.json in\n%s", json).isEmpty();
    return doc;
  }
}
