package dev.flightplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.config.SecretRef;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls keep their bodies as compact JSON text: the same text Jackson writes, and the same tree
 * back.
 */
class ApiCallTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "Zoë Ñúñez",
        "quote \" and backslash \\ and slash /",
        "tab\tnew\nline\rcr",
        "\u0001\u001f control",
        "emoji 🚀 and \u2028 separator",
        "{r12}",
        "{secret:env DEMO_PASSWORD}",
        ""
      })
  void compactTextIsWhatJacksonWrites(String text) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("firstName", text);
    attrs.put("publicLinkEnabled", true);
    attrs.put("publicLinkLimit", 250);
    attrs.put("big", 12_345_678_901L);
    attrs.put("list", List.of(text, 1, false));
    ObjectNode body =
        JsonApi.create(
            "betaTesters",
            attrs,
            Map.of(
                "betaGroups",
                List.of(new Linkage("betaGroups", "{r1}"), new Linkage("betaGroups", text))));
    body.withObjectProperty("data").putNull("nothing");
    body.withObjectProperty("data").put("ratio", 0.25);
    body.withObjectProperty("data").put("huge", new BigInteger("123456789012345678901234567890"));
    assertThat(ApiCall.compact(body)).isEqualTo(body.toString());
  }

  @Test
  void theBodyComesBackAsAFreshEqualTree() throws Exception {
    JsonNode body =
        JSON.readTree(
            "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\"QA\",\"feedbackEnabled\":true}}}");
    ApiCall call =
        new ApiCall("POST", "/v1/betaGroups", body, "r1", "create group \"QA\"", List.of());
    assertThat(call.bodyJson()).isEqualTo(body.toString());
    assertThat(call.body()).isEqualTo(body).isNotSameAs(call.body());
    ((ObjectNode) call.body().get("data")).put("type", "changed");
    assertThat(call.body()).isEqualTo(body);
    assertThat(call.inPhase(Phase.GROUP_CREATE_INTERNAL).tolerating("X"))
        .isEqualTo(
            new ApiCall(
                "POST",
                "/v1/betaGroups",
                null,
                "r1",
                "create group \"QA\"",
                List.of(),
                List.of("X"),
                Phase.GROUP_CREATE_INTERNAL,
                body.toString(),
                List.of(),
                null,
                null,
                List.of()));
    assertThat(new ApiCall("DELETE", "/v1/x", null, null, "x", List.of()).body()).isNull();
  }

  @Test
  void aBodyIsAnObject() {
    assertThatThrownBy(
            () ->
                new ApiCall(
                    "POST", "/v1/x", null, null, "x", List.of(), List.of(), null, "[1]", List.of(),
                    null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void needsAreReadFromTheStructureNeverFromTheText() throws Exception {
    // user text that looks like references is just text
    JsonNode body =
        JSON.readTree(
            "{\"data\":[{\"type\":\"betaTesters\",\"id\":\"\"},{\"type\":\"betaTesters\",\"id\":\"{r9}\"}]}");
    ApiCall call =
        new ApiCall(
                "POST",
                "/v1/betaGroups/{id}/relationships/betaTesters",
                body,
                null,
                "add {r8}",
                List.of())
            .withIdInPath(Id.produced("r3"))
            .substituting(List.of(Substitution.id(Substitution.linkageId(0), "r7")));
    assertThat(call.needs()).containsExactly("r3", "r7");
    assertThat(call.template()).isEqualTo("POST /v1/betaGroups/{id}/relationships/betaTesters");
    assertThat(
            new ApiCall(
                    "POST",
                    "/v1/betaGroups/g1/relationships/betaTesters",
                    body,
                    null,
                    "add",
                    List.of())
                .needs())
        .isEmpty();
  }

  @Test
  void aProducedIdInThePathHasItsPlaceholderAndOnlyThen() {
    ApiCall known = new ApiCall("PATCH", "/v1/betaGroups/g1", null, null, "x", List.of());
    assertThatThrownBy(() -> known.withIdInPath(Id.produced("r1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no {id} id segment");
    assertThat(ApiCall.hasPlaceholder("/v1/betaGroups/{id}/relationships/betaTesters")).isTrue();
    assertThat(ApiCall.hasPlaceholder("/v1/betaGroups?filter%5Bname%5D=%7Bid%7D")).isFalse();
    assertThat(ApiCall.withId("/v1/betaGroups/{id}/relationships/betaTesters", "g7"))
        .isEqualTo("/v1/betaGroups/g7/relationships/betaTesters");
    assertThat(ApiCall.withId("/v1/betaTesters/{id}?fields%5BbetaTesters%5D=state", "t1"))
        .isEqualTo("/v1/betaTesters/t1?fields%5BbetaTesters%5D=state");
  }

  @Test
  void aSecretGoesOnlyToTheDemoPasswordOfAReviewDetailUpdate() throws Exception {
    JsonNode body =
        JSON.readTree(
            "{\"data\":{\"type\":\"betaAppReviewDetails\",\"id\":\"a1\",\"attributes\":"
                + "{\"notes\":\"\",\"demoAccountPassword\":\"\"}}}");
    SecretRef secret = new SecretRef("DEMO_PASSWORD", null, null);
    ApiCall review =
        new ApiCall("PATCH", "/v1/betaAppReviewDetails/a1", body, null, "update", List.of());
    assertThat(
            review
                .substituting(List.of(Substitution.secret(Substitution.SECRET_FIELD, secret)))
                .secrets())
        .containsExactly(secret);
    assertThatThrownBy(
            () ->
                review.substituting(List.of(Substitution.secret("/data/attributes/notes", secret))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a secret goes only to");
    ApiCall description =
        new ApiCall("PATCH", "/v1/betaAppLocalizations/l1", body, null, "update", List.of());
    assertThatThrownBy(
            () ->
                description.substituting(
                    List.of(Substitution.secret(Substitution.SECRET_FIELD, secret))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a secret goes only to");
  }
}
