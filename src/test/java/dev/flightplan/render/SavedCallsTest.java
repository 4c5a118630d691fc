package dev.flightplan.render;

import static dev.flightplan.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.Manage;
import dev.flightplan.config.ReviewDetailSpec;
import dev.flightplan.config.SecretRef;
import dev.flightplan.config.Secrets;
import dev.flightplan.engine.PlanSchemaAssert;
import dev.flightplan.kinds.reviewdetail.LiveReviewDetail;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.planfile.PlanFile.PlanFileException;
import dev.flightplan.planfile.PlanFiles;
import dev.flightplan.state.LiveApp;
import dev.flightplan.testing.LiveAppInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A saved plan keeps what apply puts into its calls and the order they need, as structure: the
 * references in paths and bodies, the one secret, and which calls follow which. What a hand-edited
 * plan cannot do: send a secret to any other field, put a value where the body holds no
 * placeholder, or make a call follow one that comes after it.
 */
class SavedCallsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIP = "https://clip.example.com/order";

  /**
   * New groups (one with a public link), a new tester in one, the demo password, an App Clip title
   * replaced.
   */
  private static SavedPlan saved() {
    LiveApp live =
        withInfo(
            live(
                List.of(),
                List.of(),
                List.of(
                    withClip(
                        build("b44", "2.3", "44", 10),
                        "bundle1",
                        invocation("i1", CLIP, "en-US", "t1", "Order")))),
            new LiveAppInfo(
                List.of(),
                null,
                new LiveReviewDetail("rd", null, null, null, null, false, null, null, null)));
    AppSpec app =
        withAppBuilds(
            desired(
                Manage.DEFAULT,
                List.of(
                    internal("QA"),
                    withLink(
                        withBuilds(group("Beta", "new@example.com"), ref("2.3", "44")),
                        true,
                        null)),
                List.of()),
            buildSpec(ref("2.3", "44"), invocationSpec(CLIP, "de-DE", "Bestellen")));
    AppSpec desired =
        withInfo(
            app,
            null,
            null,
            new ReviewDetailSpec(
                null,
                null,
                null,
                null,
                true,
                "demo",
                new SecretRef("DEMO_PASSWORD", null, POS),
                null,
                POS),
            null);
    Secrets secrets =
        Secrets.resolve(
                new DesiredState("testflight.yaml", 1, List.of(desired)),
                Map.of("DEMO_PASSWORD", "pw"))
            .secrets();
    Plan plan = dev.flightplan.testing.Fixtures.plan(desired, live, secrets, PlanOptions.DEFAULTS);
    assertThat(plan.diagnostics().items()).isEmpty();
    return PlanCases.saved(plan, live, PlanOptions.DEFAULTS, false);
  }

  @Test
  void referencesTheSecretAndDependenciesSurviveSavingAndReading() throws PlanFileException {
    SavedPlan saved = saved();
    List<ApiCall> calls = saved.plan().calls();
    assertThat(calls)
        .anyMatch(c -> c.pathRef() != null)
        .anyMatch(c -> !c.after().isEmpty())
        .anyMatch(c -> !c.secrets().isEmpty())
        .anyMatch(c -> c.substitutions().stream().anyMatch(s -> s.ref() != null));
    ApiCall removal =
        calls.stream()
            .filter(c -> c.purpose().startsWith("remove the en-US title"))
            .findFirst()
            .orElseThrow();
    ApiCall addition =
        calls.stream()
            .filter(c -> c.purpose().startsWith("add the de-DE title"))
            .findFirst()
            .orElseThrow();
    assertThat(removal.after()).containsExactly(addition.key());

    String json = JsonPlanViewTest.render(saved);
    PlanSchemaAssert.assertValidPlan(json);
    assertThat(json).doesNotContain("\"pw\"");
    assertThat(PlanFiles.parse("plan.json", json).plan().calls()).isEqualTo(calls);
  }

  @Test
  void aSecretGoesToNoOtherField() throws Exception {
    refused(
        call(
            "update reviewDetail",
            c -> {
              ((ObjectNode) c.at("/body/data/attributes")).put("notes", "");
              ((ObjectNode) c.at("/substitutions/0")).put("pointer", "/data/attributes/notes");
            }),
        "a secret goes only to /data/attributes/demoAccountPassword");
    refused(
        call(
            "enable the public link",
            c -> {
              ((ObjectNode) c.at("/body/data/attributes")).put("demoAccountPassword", "");
              ((ArrayNode) c.path("substitutions"))
                  .addObject()
                  .put("pointer", "/data/attributes/demoAccountPassword")
                  .putObject("secret")
                  .put("env", "DEMO_PASSWORD");
            }),
        "a secret goes only to /data/attributes/demoAccountPassword of PATCH /v1/betaAppReviewDetails/{id}");
  }

  @Test
  void aValueGoesOnlyWhereTheBodyHoldsItsPlaceholder() throws Exception {
    refused(
        call(
            "update reviewDetail",
            c -> ((ObjectNode) c.at("/body/data/attributes")).put("demoAccountPassword", "{r1}")),
        "holds no placeholder (\"\") at /data/attributes/demoAccountPassword");
    refused(
        call(
            "enable the public link",
            c -> ((ObjectNode) c.at("/substitutions/0")).put("pointer", "/data/type")),
        "holds no placeholder (\"\") at /data/type");
  }

  @Test
  void aCallFollowsOnlyCallsBeforeIt() throws Exception {
    refused(
        call(
            "remove the en-US title",
            c -> ((ArrayNode) c.path("after")).set(0, c.path("key").asText())),
        "must follow");
  }

  /**
   * The saved plan's JSON with the call whose purpose starts with {@code purpose} edited by {@code
   * edit}.
   */
  private static String call(String purpose, Consumer<JsonNode> edit) throws Exception {
    JsonNode doc = JSON.readTree(JsonPlanViewTest.render(saved()));
    for (JsonNode c : doc.path("api_calls")) {
      if (c.path("purpose").asText().startsWith(purpose)) {
        edit.accept(c);
        return JSON.writeValueAsString(doc);
      }
    }
    throw new AssertionError("no call " + purpose);
  }

  private static void refused(String json, String message) {
    assertThatThrownBy(() -> PlanFiles.parse("plan.json", json))
        .isInstanceOf(PlanFileException.class)
        .hasMessageStartingWith("plan.json is not a valid flightplan plan: ")
        .hasMessageContaining(message);
  }
}
