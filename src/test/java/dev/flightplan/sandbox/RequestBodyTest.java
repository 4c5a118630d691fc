package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sandbox reads a request body only for an authenticated caller, and never more of it than
 * {@link Dispatcher#MAX_BODY}: a body announced over the cap is refused by its Content-Length
 * before any of it is read, a chunked one as soon as it passes the cap; the answer is an error
 * document like Apple's. The requests announce bodies they never send: a server that read them
 * first would wait until the test times out.
 */
@Timeout(60)
@IntegrationTest
class RequestBodyTest extends SandboxTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  private String bearer() {
    return "Authorization: " + client.bearer();
  }

  private static JsonNode error(RawRequest.Answer answer) throws IOException {
    return JSON.readTree(answer.body()).path("errors").path(0);
  }

  @Test
  void anUnauthenticatedRequestIsRefusedBeforeItsBodyIsRead() throws IOException {
    List<Exchange> seen = new ArrayList<>();
    server.addListener(seen::add);
    RawRequest.Answer answer =
        RawRequest.send(
            server.baseUri(),
            "POST /v1/betaGroups HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 500000",
            null);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(error(answer).path("code").asText()).isEqualTo("NOT_AUTHORIZED");
    assertThat(seen).singleElement().satisfies(e -> assertThat(e.requestBody()).isNull());
  }

  @Test
  void aBodyAnnouncedOverTheCapIsRefusedBeforeItIsRead() throws IOException {
    RawRequest.Answer answer =
        RawRequest.send(
            server.baseUri(),
            "POST /v1/betaGroups HTTP/1.1\r\n"
                + bearer()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + (Dispatcher.MAX_BODY + 1),
            null);
    assertThat(answer.status()).isEqualTo(413);
    JsonNode error = error(answer);
    assertThat(error.path("status").asText()).isEqualTo("413");
    assertThat(error.path("code").asText()).isEqualTo("REQUEST_ENTITY_TOO_LARGE");
    assertThat(error.path("detail").asText())
        .isEqualTo("The request body is larger than the 1 MiB this API accepts.");
    assertThat(server.requestCounts()).containsEntry("POST /v1/betaGroups", 1L);
  }

  @Test
  void aChunkedBodyIsCutOffAtTheCap() throws IOException {
    RawRequest.Answer answer =
        RawRequest.send(
            server.baseUri(),
            "PATCH /v1/betaGroups/"
                + lookup.group("QA")
                + " HTTP/1.1\r\n"
                + bearer()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
            RawRequest.chunked(Dispatcher.MAX_BODY + 16 * 1024));
    assertThat(answer.status()).isEqualTo(413);
    assertThat(error(answer).path("code").asText()).isEqualTo("REQUEST_ENTITY_TOO_LARGE");
  }

  @Test
  void aChunkedBodyWithinTheCapIsRead() throws IOException {
    // spaces only: read whole, and then refused as no JSON:API document, as any such body is
    RawRequest.Answer answer =
        RawRequest.send(
            server.baseUri(),
            "PATCH /v1/betaGroups/"
                + lookup.group("QA")
                + " HTTP/1.1\r\n"
                + bearer()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
            RawRequest.chunked(Dispatcher.MAX_BODY));
    assertThat(answer.status()).isNotEqualTo(413).isBetween(400, 499);
  }
}
