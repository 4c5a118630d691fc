package dev.flightplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.engine.PlanSchemaAssert;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.planfile.PlanFile.PlanFileException;
import dev.flightplan.planfile.PlanFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the JSON view for the terminal view's cases; each document is valid against the
 * schema, and reading it back and rendering it again gives the same bytes (what apply reads is what
 * plan wrote).
 */
class JsonPlanViewTest {
  static Stream<Arguments> plans() {
    return Stream.concat(
        PlanCases.arguments(), Stream.of(Arguments.of("partial", PlanCases.partial())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void rendersGoldenValidAndRoundTrips(String name, PlanCases.Case c) throws PlanFileException {
    String json = render(c.saved());
    Golden.check("plan/" + name + ".json", json);
    PlanSchemaAssert.assertValidPlan(json);
    SavedPlan back = PlanFiles.parse(name + ".json", json);
    assertThat(render(back)).isEqualTo(json);
    assertThat(back.fingerprints()).isEqualTo(c.saved().fingerprints());
    assertThat(back.plan().calls()).isEqualTo(c.plan().calls());
  }

  @Test
  void actionsAreTerraformsLists() {
    JsonNode replace =
        PlanSchemaAssert.assertValidPlan(render(PlanCases.byName("replace").saved()));
    JsonNode change = replace.path("resource_changes").path(0).path("change");
    assertThat(change.path("actions").toString()).isEqualTo("[\"delete\",\"create\"]");
    assertThat(change.path("replace_paths").toString()).isEqualTo("[[\"internal\"]]");
    assertThat(replace.path("summary").toString())
        .isEqualTo(
            "{\"add\":1,\"change\":0,\"destroy\":1,\"replace\":1,\"send\":0,\"api_calls\":2}");
    JsonNode prune = PlanSchemaAssert.assertValidPlan(render(PlanCases.byName("prune").saved()));
    assertThat(
            prune.findValues("actions").stream()
                .map(JsonNode::toString)
                .distinct()
                .sorted()
                .toList())
        .containsExactly("[\"create\"]", "[\"delete\"]", "[\"send\"]", "[\"update\"]");
  }

  @Test
  void aFailedPlanIsAValidDocumentThatCannotBeApplied() {
    Diagnostics errors =
        Diagnostics.of(
            List.of(
                Diagnostic.error(
                    new SourcePos("testflight.yaml", 3, 5),
                    "group \"QA\" is protected",
                    "keep it")));
    StringWriter out = new StringWriter();
    new JsonPlanView(new PrintWriter(out))
        .renderFailure(
            PlanCases.VERSION, PlanCases.CONFIG, List.of("com.example.app"), false, errors);
    Golden.check("plan/failed.json", out.toString());
    PlanSchemaAssert.assertValidPlan(out.toString());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PlanFiles.parse("failed.json", out.toString()))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("failed");
  }

  static String render(SavedPlan saved) {
    StringWriter out = new StringWriter();
    new JsonPlanView(new PrintWriter(out)).render(saved);
    return out.toString();
  }
}
