package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@IntegrationTest
class ServerTest extends SandboxTestBase {
  @Test
  void listensOnLoopbackWithoutTrailingSlash() {
    assertThat(server.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(server.baseUri().getPort()).isPositive();
  }

  @Test
  void countsRequestsByPathTemplate() {
    String group = groupId("QA");
    client.get("/v1/betaGroups/" + group + "/relationships/betaTesters");
    client.get("/v1/betaGroups/" + groupId("Old Beta") + "/relationships/betaTesters?limit=1");
    client.get("/v1/betaGroups/unknown");
    client.send("GET", "/v1/apps", null, null);
    client.get("/v2/whatever");

    Map<String, Long> counts = server.requestCounts();
    assertThat(counts)
        .containsEntry("GET /v1/betaGroups", 2L)
        .containsEntry("GET /v1/betaGroups/{id}/relationships/betaTesters", 2L)
        .containsEntry("GET /v1/betaGroups/{id}", 1L)
        .containsEntry("GET /v1/apps", 1L)
        .containsEntry("GET /v2/whatever", 1L);
    assertThat(new ArrayList<>(counts.keySet())).isSorted();
    assertThat(server.totalRequests()).isEqualTo(7);
  }

  @Test
  void answersUnknownPathsAndMethods() {
    SandboxTestClient.Reply missing = client.get("/v1/betaThings");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
    SandboxTestClient.Reply method = client.send("PUT", "/v1/betaGroups", "{}", client.bearer());
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
    // an operation of Apple's API outside TestFlight: 403, which it declares, not a 404 or 405 it
    // does not
    SandboxTestClient.Reply notEmulated =
        client.get("/v1/apps/" + Docs.WEATHER + "/appStoreVersions");
    assertThat(notEmulated.status()).isEqualTo(403);
    assertThat(notEmulated.errorCode()).isEqualTo("FORBIDDEN_ERROR");
    assertThat(notEmulated.json().path("errors").path(0).path("detail").asText())
        .contains("does not emulate 'GET /v1/apps/{id}/appStoreVersions'");
    assertThat(client.send("PATCH", "/v1/apps/" + Docs.WEATHER, "{}", client.bearer()).status())
        .isEqualTo(403);
  }

  @Test
  void tellsListenersAboutEveryExchangeBeforeTheClientSeesIt() {
    List<Exchange> seen = new ArrayList<>();
    server.addListener(seen::add);
    server.addListener(
        e -> {
          throw new IllegalStateException("a broken listener does not break the sandbox");
        });
    SandboxTestClient.Reply created =
        client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, "Listened", ""));
    assertThat(seen).hasSize(1);
    Exchange exchange = seen.get(0);
    assertThat(exchange.method()).isEqualTo("POST");
    assertThat(exchange.path()).isEqualTo("/v1/betaGroups");
    assertThat(exchange.rawQuery()).isNull();
    assertThat(exchange.status()).isEqualTo(201);
    assertThat(exchange.requestBody()).isEqualTo(Docs.group(Docs.WEATHER, "Listened", ""));
    assertThat(exchange.responseBody()).isEqualTo(created.body());
    assertThat(exchange.responseHeaders()).containsKeys("Content-Type", "X-Rate-Limit", "Location");
    assertThat(exchange.requestHeaders().keySet())
        .anyMatch(h -> h.equalsIgnoreCase("Authorization"));

    client.delete("/v1/betaGroups/" + created.json().path("data").path("id").asText(), null);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).status()).isEqualTo(204);
    assertThat(seen.get(1).responseBody()).isNull();
    assertThat(seen.get(1).responseHeaders()).doesNotContainKey("Content-Type");
  }

  @Test
  void servesConcurrentRequests() throws Exception {
    String group = groupId("Friends & Family");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String email = "parallel" + i + "@example.com";
        calls.add(() -> client.post("/v1/betaTesters", Docs.tester(email, group)).status());
      }
      for (Future<Integer> status : pool.invokeAll(calls)) {
        assertThat(status.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    SandboxTestClient.Reply members =
        client.get("/v1/betaGroups/" + group + "/relationships/betaTesters?limit=200");
    assertThat(members.ids()).hasSize(42).doesNotHaveDuplicates();
  }

  @Test
  void injectsLatency() throws IOException {
    try (SandboxServer slow = SandboxServer.start(options().withLatency(Duration.ofMillis(150)))) {
      SandboxTestClient slowClient = new SandboxTestClient(slow, clock);
      long start = System.nanoTime();
      assertThat(slowClient.get("/v1/apps").status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
  }

  @Test
  void closingTwiceIsHarmless() throws IOException {
    SandboxServer extra = SandboxServer.start(options());
    extra.close();
    extra.close();
  }

  @Test
  void optionsHaveTheDocumentedDefaultsAndChecks() {
    SandboxOptions defaults = SandboxOptions.defaults();
    assertThat(defaults.host()).isEqualTo("127.0.0.1");
    assertThat(defaults.port()).isZero();
    assertThat(defaults.stateFile()).isNull();
    assertThat(defaults.seedFile()).isNull();
    assertThat(defaults.hourlyLimit()).isEqualTo(3600);
    assertThat(defaults.latency()).isZero();
    assertThat(defaults.withPort(8080).port()).isEqualTo(8080);
    assertThatThrownBy(() -> defaults.withHourlyLimit(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withLatency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
