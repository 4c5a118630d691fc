package dev.flightplan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.Exchange;
import dev.flightplan.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shows that the contract check catches what it must and lets through only what its documentation
 * says.
 */
@IntegrationTest
class OpenApiContractTest {
  private static final Map<String, List<String>> REQUEST_HEADERS =
      Map.of("Authorization", List.of("Bearer x.y.z"));
  private static final Map<String, List<String>> JSON =
      Map.of("Content-Type", List.of("application/json"));
  private static final String LINKAGES =
      "{\"data\":[{\"type\":\"betaTesters\",\"id\":\"t1\"}],\"links\":{\"self\":\"http://h/v1/betaGroups/g/"
          + "relationships/betaTesters\"},\"meta\":{\"paging\":{\"total\":1,\"limit\":20}}}";

  @BeforeEach
  void needsTheSpec() {
    OpenApiContract.assumeAvailable();
  }

  private static Exchange get(String rawQuery, int status, String body) {
    return new Exchange(
        "GET",
        "/v1/betaGroups/g/relationships/betaTesters",
        rawQuery,
        REQUEST_HEADERS,
        null,
        status,
        body == null ? Map.of() : JSON,
        body);
  }

  @Test
  void acceptsAConformingExchangeAndTheCursorOfLinksNext() {
    assertThat(OpenApiContract.violations(get("limit=20", 200, LINKAGES))).isEmpty();
    assertThat(
            OpenApiContract.violations(get("limit=20&cursor=eyJvZmZzZXQiOiIyMCJ9", 200, LINKAGES)))
        .isEmpty();
  }

  @Test
  void catchesAResponseThatDriftsFromTheSchema() {
    String extraMember = LINKAGES.replace("\"id\":\"t1\"", "\"id\":\"t1\",\"attributes\":{}");
    assertThat(OpenApiContract.violations(get(null, 200, extraMember)))
        .singleElement()
        .asString()
        .startsWith("GET /v1/betaGroups/g/relationships/betaTesters -> 200: ");
    String numericStatus =
        "{\"errors\":[{\"status\":404,\"code\":\"NOT_FOUND\",\"title\":\"t\",\"detail\":\"d\"}]}";
    assertThat(OpenApiContract.violations(get(null, 404, numericStatus))).isNotEmpty();
    assertThat(OpenApiContract.violations(get(null, 418, "{\"errors\":[]}"))).isNotEmpty();
  }

  @Test
  void catchesASandboxThatAcceptsAnInvalidRequest() {
    assertThat(OpenApiContract.violations(get("limit=500", 200, LINKAGES))).isNotEmpty();
    assertThat(OpenApiContract.violations(get("filter%5Bcolour%5D=red", 200, LINKAGES)))
        .isNotEmpty();
  }

  @Test
  void aBodyRefusedBeforeItWasReadIsNotMissing() {
    String error =
        "{\"errors\":[{\"id\":\"1\",\"status\":\"401\",\"code\":\"NOT_AUTHORIZED\",\"title\":\"t\",\"detail\":\"d\"}]}";
    for (int status : List.of(401, 413)) {
      Exchange refused =
          new Exchange(
              "POST",
              "/v1/betaGroups",
              null,
              JSON,
              null,
              status,
              JSON,
              error.replace("401", "" + status));
      assertThat(OpenApiContract.requestViolations(refused)).as("%d", status).isEmpty();
    }
    Exchange accepted =
        new Exchange(
            "POST", "/v1/betaGroups", null, JSON, null, 422, JSON, error.replace("401", "422"));
    assertThat(OpenApiContract.requestViolations(accepted))
        .singleElement()
        .asString()
        .contains("body is required");
  }

  @Test
  void anInvalidRequestThatWasRefusedIsOnlyAClientConcern() {
    String error =
        "{\"errors\":[{\"id\":\"1\",\"status\":\"400\",\"code\":\"PARAMETER_ERROR.INVALID\",\"title\":\"t\","
            + "\"detail\":\"d\",\"source\":{\"parameter\":\"limit\"}}]}";
    Exchange refused = get("limit=500", 400, error);
    assertThat(OpenApiContract.violations(refused)).isEmpty();
    assertThat(OpenApiContract.requestViolations(refused))
        .singleElement()
        .asString()
        .contains("maximum");
  }
}
