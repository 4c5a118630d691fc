package dev.flightplan.api;

import static dev.flightplan.api.ScriptedServer.Reply.error;
import static dev.flightplan.api.ScriptedServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@IntegrationTest
class ErrorDecodingTest {
  private static final String DUPLICATE_NAME =
      """
      {"errors":[{"id":"e1","status":"409","code":"ENTITY_ERROR.ATTRIBUTE.INVALID",
        "title":"An attribute value is invalid.","detail":"A group with this name already exists",
        "source":{"pointer":"/data/attributes/name"},"links":{"about":"x"},"meta":{"unknown":true}}],
       "somethingNew":1}""";

  private static JsonNode groupBody() {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("name", "QA");
    return JsonApi.create("betaGroups", attrs, Map.of("app", new Linkage("apps", "a1")));
  }

  @Test
  void aConflictNamesMethodPathStatusCodeDetailAndPointer() throws Exception {
    try (Harness h = new Harness().enqueue(json(409, DUPLICATE_NAME))) {
      ConflictException e =
          catchThrowableOfType(
              ConflictException.class, () -> h.client.post("/v1/betaGroups", groupBody()));

      assertThat(e)
          .hasMessage(
              "POST /v1/betaGroups: 409 ENTITY_ERROR.ATTRIBUTE.INVALID: A group with this name already exists"
                  + " (/data/attributes/name)");
      assertThat(e.status()).isEqualTo(409);
      assertThat(e.code()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID");
      assertThat(e.title()).isEqualTo("An attribute value is invalid.");
      assertThat(e.detail()).isEqualTo("A group with this name already exists");
      assertThat(e.method()).isEqualTo("POST");
      assertThat(e.path()).isEqualTo("/v1/betaGroups");
      assertThat(e.retryable()).isFalse();
      assertThat(e.outcomeUnknown()).isFalse();
      assertThat(e.hasCode("ENTITY_ERROR")).isTrue();
      assertThat(e.hasCode("ENTITY_ERROR.ATTR")).isFalse();
      assertThat(e.errors())
          .containsExactly(
              new ApiError(
                  "409",
                  "ENTITY_ERROR.ATTRIBUTE.INVALID",
                  "An attribute value is invalid.",
                  "A group with this name already exists",
                  "/data/attributes/name",
                  null));
      assertThat(h.requests()).hasSize(1);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "400, dev.flightplan.api.ApiException",
    "403, dev.flightplan.api.ForbiddenException",
    "404, dev.flightplan.api.NotFoundException",
    "409, dev.flightplan.api.ConflictException",
    "410, dev.flightplan.api.ApiException",
    "422, dev.flightplan.api.UnprocessableException",
  })
  void eachStatusHasItsExceptionAndIsNotRetried(int status, String type) throws Exception {
    try (Harness h = new Harness().enqueue(error(status, "SOME.CODE", "why"))) {
      assertThatThrownBy(() -> h.client.get("/v1/apps/a1"))
          .isExactlyInstanceOf(Class.forName(type))
          .hasMessage("GET /v1/apps/a1: " + status + " SOME.CODE: why")
          .satisfies(e -> assertThat(((ApiException) e).retryable()).isFalse());
      assertThat(h.requests()).hasSize(1);
      assertThat(h.sleeps).isEmpty();
    }
  }

  @Test
  void aSourceParameterIsNamed() throws Exception {
    String body =
        "{\"errors\":[{\"status\":\"400\",\"code\":\"PARAMETER_ERROR.ILLEGAL\",\"title\":\"t\","
            + "\"detail\":\"A given parameter is not allowed\",\"source\":{\"parameter\":\"filter[foo]\"}}]}";
    try (Harness h = new Harness().enqueue(json(400, body))) {
      assertThatThrownBy(
              () ->
                  h.client.get(
                      Query.of("/v1/betaTesters")
                          .param("filter[email]", "ann@example.com")
                          .build()))
          .hasMessage(
              "GET /v1/betaTesters: 400 PARAMETER_ERROR.ILLEGAL: A given parameter is not allowed"
                  + " (parameter filter[foo])");
    }
  }

  @Test
  void theQueryStringStaysOutOfMessagesBecauseItCanHoldEmails() throws Exception {
    try (Harness h = new Harness().enqueue(error(404, "NOT_FOUND", "gone"))) {
      ApiException e =
          catchThrowableOfType(
              ApiException.class,
              () ->
                  h.client.get(
                      Query.of("/v1/betaTesters")
                          .param("filter[email]", "ann@example.com")
                          .build()));
      assertThat(e.getMessage()).doesNotContain("ann").doesNotContain("example.com");
      assertThat(e.path()).isEqualTo("/v1/betaTesters");
      assertThat(String.join("\n", h.log)).doesNotContain("ann");
    }
  }

  @Test
  void allErrorsAndAssociatedErrorsAreInTheMessage() throws Exception {
    String body =
        """
        {"errors":[{"status":"409","code":"STATE_ERROR","title":"Submit for review errors found","detail":"Fix these",
          "meta":{"associatedErrors":{"/v1/builds/b1":[{"status":"409","code":"ENTITY_ERROR.ATTRIBUTE.REQUIRED",
            "title":"t","detail":"Beta App Description is missing."}]}}},
         {"status":"409","code":"OTHER","title":"Only a title"}]}""";
    try (Harness h = new Harness().enqueue(json(409, body))) {
      assertThatThrownBy(() -> h.client.post("/v1/betaAppReviewSubmissions", groupBody()))
          .hasMessage(
              "POST /v1/betaAppReviewSubmissions: 409 STATE_ERROR: Fix these; OTHER: Only a title;"
                  + " ENTITY_ERROR.ATTRIBUTE.REQUIRED: Beta App Description is missing.");
    }
  }

  @Test
  void aNonJsonErrorBodyStillGivesStatusAndExcerpt() throws Exception {
    String html =
        "<html><body><h1>502 Bad Gateway</h1>\n<p>upstream eyJhbGciOi.eyJpc3Mi.c2lnbmF0dXJl failed</p></body></html>";
    try (Harness h =
        new Harness(RetryPolicy.none()).enqueue(ScriptedServer.Reply.text(502, html))) {
      ServerErrorException e =
          catchThrowableOfType(ServerErrorException.class, () -> h.client.get("/v1/apps"));
      assertThat(e)
          .hasMessage("GET /v1/apps: 502 Bad Gateway: 502 Bad Gateway upstream <token> failed");
      assertThat(e.errors()).isEmpty();
      assertThat(e.code()).isNull();
      assertThat(e.retryable()).isTrue();
    }
  }

  @Test
  void anEmptyErrorBodyIsSaidToBeEmpty() throws Exception {
    try (Harness h = new Harness().enqueue(ScriptedServer.Reply.empty(405))) {
      assertThatThrownBy(() -> h.client.delete("/v1/apps/a1", null))
          .isExactlyInstanceOf(ApiException.class)
          .hasMessage("DELETE /v1/apps/a1: 405 Method Not Allowed (empty body)");
    }
  }

  @Test
  void aSuccessBodyThatIsNotJsonIsRejected() throws Exception {
    try (Harness h = new Harness().enqueue(ScriptedServer.Reply.text(200, "<html>login</html>"))) {
      assertThatThrownBy(() -> h.client.get("/v1/apps"))
          .isInstanceOf(UnexpectedResponseException.class)
          .hasMessage("GET /v1/apps: 200 with a body that is not JSON: login");
    }
  }
}
