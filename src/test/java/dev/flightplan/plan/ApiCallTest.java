package dev.flightplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Calls keep their bodies as compact JSON text: the same text Jackson writes, and the same tree back. */
class ApiCallTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "plain", "Zoë Ñúñez", "quote \" and backslash \\ and slash /", "tab\tnew\nline\rcr", "\u0001\u001f control",
      "emoji 🚀 and \u2028 separator", "{r12}", "{secret:env DEMO_PASSWORD}", ""})
  void compactTextIsWhatJacksonWrites(String text) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("firstName", text);
    attrs.put("publicLinkEnabled", true);
    attrs.put("publicLinkLimit", 250);
    attrs.put("big", 12_345_678_901L);
    attrs.put("list", List.of(text, 1, false));
    ObjectNode body = JsonApi.create("betaTesters", attrs,
        Map.of("betaGroups", List.of(new Linkage("betaGroups", "{r1}"), new Linkage("betaGroups", text))));
    body.with("data").putNull("nothing");
    body.with("data").put("ratio", 0.25);
    body.with("data").put("huge", new BigInteger("123456789012345678901234567890"));
    assertThat(ApiCall.compact(body)).isEqualTo(body.toString());
  }

  @Test
  void theBodyComesBackAsAFreshEqualTree() throws Exception {
    JsonNode body = JSON.readTree("{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\"QA\",\"feedbackEnabled\":true}}}");
    ApiCall call = new ApiCall("POST", "/v1/betaGroups", body, "r1", "create group \"QA\"", List.of());
    assertThat(call.bodyJson()).isEqualTo(body.toString());
    assertThat(call.body()).isEqualTo(body).isNotSameAs(call.body());
    ((ObjectNode) call.body().get("data")).put("type", "changed");
    assertThat(call.body()).isEqualTo(body);
    assertThat(call.inPhase(Phase.GROUP_CREATE_INTERNAL).tolerating("X")).isEqualTo(
        new ApiCall("POST", "/v1/betaGroups", "r1", "create group \"QA\"", List.of(), List.of("X"), Phase.GROUP_CREATE_INTERNAL,
            body.toString(), null));
    assertThat(new ApiCall("DELETE", "/v1/x", null, null, "x", List.of()).body()).isNull();
  }

  @Test
  void aBodyIsAnObject() {
    assertThatThrownBy(() -> new ApiCall("POST", "/v1/x", null, "x", List.of(), List.of(), null, "[1]", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void needsAreTheReferencesInPathAndBody() throws Exception {
    JsonNode body = JSON.readTree("{\"data\":[{\"type\":\"betaTesters\",\"id\":\"{r7}\"},{\"type\":\"betaTesters\",\"id\":\"t1\"}]}");
    ApiCall call = new ApiCall("POST", "/v1/betaGroups/{r3}/relationships/betaTesters", body, null, "add", List.of());
    assertThat(call.needs()).containsExactly("r3", "r7");
    assertThat(call.template()).isEqualTo("POST /v1/betaGroups/{id}/relationships/betaTesters");
  }
}
