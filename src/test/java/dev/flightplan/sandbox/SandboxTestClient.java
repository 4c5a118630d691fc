package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

/**
 * A minimal HTTP client for tests of the sandbox: sends requests with a fresh valid token (or a
 * given {@code Authorization} value) and parses JSON answers. Paths may carry a query; absolute
 * URLs (such as {@code links.next}) are used as they are.
 */
public final class SandboxTestClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxServer server;
  private final Clock clock;
  private final HttpClient http = HttpClient.newHttpClient();

  public SandboxTestClient(SandboxServer server, Clock clock) {
    this.server = server;
    this.clock = clock;
  }

  /**
   * One answer: status, headers, raw body (null when empty) and the body parsed as JSON (null when
   * empty).
   */
  public record Reply(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The {@code code} of the first error, for error answers. */
    public String errorCode() {
      return json.path("errors").path(0).path("code").asText();
    }

    public List<String> ids() {
      return json.path("data").findValues("id").stream().map(JsonNode::asText).toList();
    }
  }

  public String bearer() {
    return "Bearer " + TestTokens.valid(server.credentials(), clock.instant()).compact();
  }

  public Reply get(String pathOrUrl) {
    return send("GET", pathOrUrl, null, bearer());
  }

  public Reply post(String path, String body) {
    return send("POST", path, body, bearer());
  }

  public Reply patch(String path, String body) {
    return send("PATCH", path, body, bearer());
  }

  public Reply delete(String path, String body) {
    return send("DELETE", path, body, bearer());
  }

  public Reply send(String method, String pathOrUrl, String body, String authorization) {
    URI uri =
        pathOrUrl.startsWith("http")
            ? URI.create(pathOrUrl)
            : URI.create(server.baseUri() + pathOrUrl);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body() == null || response.body().isEmpty() ? null : response.body();
      return new Reply(
          response.statusCode(),
          response.headers(),
          text,
          text == null ? null : JSON.readTree(text));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
