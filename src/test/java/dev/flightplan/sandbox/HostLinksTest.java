package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Links are built from the address the client used: a client that reaches the sandbox through a
 * port forward or a proxy (another Host) gets {@code self}, {@code next} and {@code related} links
 * through it, and keeps paging there.
 */
@IntegrationTest
class HostLinksTest extends SandboxTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonNode get(String pathAndQuery, String host, String extraHeaders) throws Exception {
    RawRequest.Answer answer =
        RawRequest.send(
            server.baseUri(),
            "GET "
                + pathAndQuery
                + " HTTP/1.1\r\nAuthorization: "
                + client.bearer()
                + "\r\nConnection: close"
                + extraHeaders,
            null,
            host);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  /** Every string under {@code links} anywhere in the document. */
  private static List<String> links(JsonNode node) {
    List<String> found = new ArrayList<>();
    node.findValues("links")
        .forEach(
            l ->
                l.elements()
                    .forEachRemaining(
                        v -> {
                          if (v.isTextual()) {
                            found.add(v.asText());
                          }
                        }));
    return found;
  }

  @Test
  void linksNameTheHostTheClientUsed() throws Exception {
    JsonNode page = get("/v1/betaTesters?limit=1&include=betaGroups", "forward.example:9443", "");
    assertThat(page.path("links").path("next").asText())
        .startsWith("http://forward.example:9443/v1/betaTesters?")
        .contains("cursor=");
    assertThat(links(page))
        .isNotEmpty()
        .allMatch(l -> l.startsWith("http://forward.example:9443/v1/"));
    // following next through the forward (here: the same server under that name) pages on
    String next =
        page.path("links").path("next").asText().substring("http://forward.example:9443".length());
    JsonNode second = get(next, "forward.example:9443", "");
    assertThat(second.path("data").path(0).path("id").asText())
        .isNotEqualTo(page.path("data").path(0).path("id").asText());
    assertThat(links(second)).allMatch(l -> l.startsWith("http://forward.example:9443/v1/"));
  }

  @Test
  void aProxyThatTerminatesTlsGetsHttpsLinks() throws Exception {
    JsonNode page = get("/v1/apps", "asc.proxy.example", "\r\nX-Forwarded-Proto: https");
    assertThat(links(page))
        .isNotEmpty()
        .allMatch(l -> l.startsWith("https://asc.proxy.example/v1/"));
  }

  @Test
  void anUnusableHostFallsBackToTheListeningAddress() throws Exception {
    JsonNode page = get("/v1/apps", "evil.example/path?x=", "");
    assertThat(links(page)).isNotEmpty().allMatch(l -> l.startsWith(server.baseUri() + "/v1/"));
  }

  @Test
  void aCreatedResourceIsNamedThroughTheHostToo() throws Exception {
    byte[] body =
        Docs.group(Docs.WEATHER, "Through the forward", "").getBytes(StandardCharsets.UTF_8);
    RawRequest.Answer answer =
        RawRequest.send(
            server.baseUri(),
            "POST /v1/betaGroups HTTP/1.1\r\nAuthorization: "
                + client.bearer()
                + "\r\nConnection: close"
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length,
            body,
            "[::1]:8443");
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(links(JSON.readTree(answer.body())))
        .isNotEmpty()
        .allMatch(l -> l.startsWith("http://[::1]:8443/v1/"));
  }
}
