package dev.flightplan.api;

import static dev.flightplan.api.ScriptedServer.Reply.empty;
import static dev.flightplan.api.ScriptedServer.Reply.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The client's part of safe writes: a read-only client refuses every write before it leaves, a
 * DELETE whose first answer was lost and whose repeat finds nothing was done by the first, and
 * {@link AscClient#write} tells 202 from 204.
 */
@IntegrationTest
class SafeWriteTest {
  private static final JsonNode BODY = Json.NODES.objectNode().put("data", "x");

  @Test
  void aReadOnlyClientRefusesEveryWriteBeforeSendingIt() throws Exception {
    try (Harness h = new Harness()) {
      AscClient readOnly =
          AscClient.create(
              TestKeys.credentials(),
              h.options(h.server, RetryPolicy.defaults()).withReadOnly(true));
      for (String method : new String[] {"POST", "PATCH", "DELETE"}) {
        assertThatThrownBy(() -> readOnly.write(method, "/v1/betaGroups", BODY))
            .isInstanceOf(ReadOnlyException.class)
            .hasMessage(
                method
                    + " /v1/betaGroups: refused, the client is read-only (--read-only): nothing was sent")
            .satisfies(e -> assertThat(((ApiException) e).outcomeUnknown()).isFalse());
      }
      assertThat(h.requests()).isEmpty();
      readOnly.close();
    }
  }

  @Test
  void aDeleteRepeatedAfterALostAnswerThatFindsNothingIsDone() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(error(503, "UNAVAILABLE", "later"), error(404, "NOT_FOUND", "gone"));
      AscClient.Answer answer = h.client.write("DELETE", "/v1/betaGroups/g1", null);
      assertThat(answer.status()).isEqualTo(204);
      assertThat(h.requests()).hasSize(2);
      assertThat(h.log)
          .anyMatch(
              l ->
                  l.contains(
                      "404 after an attempt whose answer was lost; that attempt deleted it"));
    }
  }

  @Test
  void aDeleteThatFindsNothingAtOnceIsStillA404() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(error(404, "NOT_FOUND", "gone"));
      assertThatThrownBy(() -> h.client.write("DELETE", "/v1/betaGroups/g1", null))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void writeReportsAcceptedAsItsOwnStatus() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(empty(202));
      assertThat(h.client.write("DELETE", "/v1/apps/1/relationships/betaTesters", BODY).status())
          .isEqualTo(202);
    }
  }

  @Test
  void aCreateWhoseAnswerIsLostIsNotRepeatedAndSaysSo() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(error(500, "UNEXPECTED_ERROR", "oops"));
      assertThatThrownBy(() -> h.client.write("POST", "/v1/betaGroups", BODY))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.outcomeUnknown()).isTrue())
          .hasMessageContaining("the outcome is unknown");
      assertThat(h.requests()).hasSize(1);
    }
  }
}
