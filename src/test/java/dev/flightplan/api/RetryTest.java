package dev.flightplan.api;

import static dev.flightplan.api.ScriptedServer.Reply.empty;
import static dev.flightplan.api.ScriptedServer.Reply.error;
import static dev.flightplan.api.ScriptedServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@IntegrationTest
class RetryTest {
  private static final String ONE = "{\"data\":{\"type\":\"apps\",\"id\":\"a1\"}}";
  private static final ScriptedServer.Reply RATE_LIMITED =
      error(429, "RATE_LIMIT_EXCEEDED", "slow down");
  private static final ScriptedServer.Reply UNAVAILABLE = error(503, "UNAVAILABLE", "try later");

  private static JsonNode createTester() {
    return JsonApi.create(
        "betaTesters",
        Map.of("email", "ann@example.com"),
        Map.of("betaGroups", List.of(new Linkage("betaGroups", "g1"))));
  }

  @Test
  void a429HonoursRetryAfter() throws Exception {
    try (Harness h = new Harness().enqueue(RATE_LIMITED.header("Retry-After", "7"), ok(ONE))) {
      assertThat(h.client.get("/v1/apps/a1").single()).isPresent();

      assertThat(h.sleeps).containsExactly(Duration.ofSeconds(7));
      assertThat(h.client.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void a429RetryAfterAsAnHttpDateIsReadAgainstTheClock() throws Exception {
    try (Harness h =
        new Harness()
            .enqueue(
                RATE_LIMITED.header("Retry-After", "Sun, 01 Jun 2025 12:00:30 GMT"), ok(ONE))) {
      h.client.get("/v1/apps/a1");
      assertThat(h.sleeps).containsExactly(Duration.ofSeconds(30));
    }
  }

  @Test
  void a429WithoutRetryAfterBacksOffExponentiallyEvenForACreate() throws Exception {
    try (Harness h = new Harness().enqueue(RATE_LIMITED, RATE_LIMITED, RATE_LIMITED, json201())) {
      assertThat(h.client.post("/v1/betaTesters", createTester())).isPresent();

      assertThat(h.sleeps)
          .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
      assertThat(h.requests()).hasSize(4);
    }
  }

  @Test
  void a429OnEveryAttemptGivesUpRetryable() throws Exception {
    try (Harness h = new Harness()) {
      for (int i = 0; i < 5; i++) {
        h.enqueue(RATE_LIMITED.header("Retry-After", "2"));
      }
      RateLimitedException e =
          catchThrowableOfType(RateLimitedException.class, () -> h.client.get("/v1/apps"));

      assertThat(e)
          .hasMessage(
              "GET /v1/apps: 429 RATE_LIMIT_EXCEEDED: slow down (gave up after 5 attempts)");
      assertThat(e.retryable()).isTrue();
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
      assertThat(h.sleeps).hasSize(4);
      assertThat(h.requests()).hasSize(5);
    }
  }

  @Test
  void aRetryAfterLongerThanTheMaximumWaitFailsAtOnce() throws Exception {
    try (Harness h = new Harness().enqueue(RATE_LIMITED.header("Retry-After", "3600"))) {
      assertThatThrownBy(() -> h.client.get("/v1/apps"))
          .isInstanceOf(RateLimitedException.class)
          .hasMessageContaining("Retry-After 3600 s is longer than the client waits (60 s)");
      assertThat(h.sleeps).isEmpty();
    }
  }

  @Test
  void backoffIsCappedAtTheMaximumDelay() throws Exception {
    RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(10), Duration.ofSeconds(30), 0);
    try (Harness h = new Harness(policy)) {
      h.enqueue(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, ok(ONE));
      h.client.get("/v1/apps/a1");
      assertThat(h.sleeps)
          .containsExactly(
              Duration.ofSeconds(10),
              Duration.ofSeconds(20),
              Duration.ofSeconds(30),
              Duration.ofSeconds(30),
              Duration.ofSeconds(30));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PATCH", "DELETE", "POST-relationship"})
  void a503IsRetriedForIdempotentRequests(String kind) throws Exception {
    try (Harness h =
        new Harness()
            .enqueue(
                UNAVAILABLE,
                UNAVAILABLE,
                kind.equals("GET") || kind.equals("PATCH") ? ok(ONE) : empty(204))) {
      JsonNode linkages = JsonApi.linkages("betaTesters", List.of("t1"));
      switch (kind) {
        case "GET" -> h.client.get("/v1/apps/a1");
        case "PATCH" ->
            h.client.patch(
                "/v1/betaGroups/g1", JsonApi.update("betaGroups", "g1", Map.of("name", "QA")));
        case "DELETE" -> h.client.delete("/v1/betaGroups/g1/relationships/betaTesters", linkages);
        default -> h.client.post("/v1/betaGroups/g1/relationships/betaTesters", linkages);
      }
      assertThat(h.requests()).hasSize(3);
      assertThat(h.requests().get(2).body()).isEqualTo(h.requests().get(0).body());
      assertThat(h.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(h.log)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains(h.requests().get(0).method())
                      .contains("503")
                      .contains("attempt 1 of 5")
                      .contains("1000 ms"));
    }
  }

  @Test
  void a503OnACreateIsNotRetriedAndTheOutcomeIsUnknown() throws Exception {
    try (Harness h = new Harness().enqueue(UNAVAILABLE, json201())) {
      ServerErrorException e =
          catchThrowableOfType(
              ServerErrorException.class, () -> h.client.post("/v1/betaTesters", createTester()));

      assertThat(e.getMessage())
          .startsWith("POST /v1/betaTesters: 503 UNAVAILABLE: try later")
          .contains("the outcome is unknown");
      assertThat(e.retryable()).isFalse();
      assertThat(e.outcomeUnknown()).isTrue();
      assertThat(h.requests()).hasSize(1);
      assertThat(h.sleeps).isEmpty();
    }
  }

  @Test
  void aDroppedConnectionOnAGetIsRetried() throws Exception {
    try (Harness h = new Harness().enqueue(ScriptedServer.Reply.drop(), ok(ONE))) {
      assertThat(h.client.get("/v1/apps/a1").single().map(Resource::id)).contains("a1");

      assertThat(h.requests()).hasSize(2);
      assertThat(h.sleeps).containsExactly(Duration.ofSeconds(1));
      assertThat(h.client.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void aDroppedConnectionOnACreateIsNotRetried() throws Exception {
    try (Harness h = new Harness().enqueue(ScriptedServer.Reply.drop(), json201())) {
      TransportException e =
          catchThrowableOfType(
              TransportException.class, () -> h.client.post("/v1/betaTesters", createTester()));

      assertThat(e.getMessage())
          .startsWith("POST /v1/betaTesters: I/O error")
          .contains("the outcome is unknown");
      assertThat(e.status()).isZero();
      assertThat(e.retryable()).isFalse();
      assertThat(e.outcomeUnknown()).isTrue();
      assertThat(h.requests()).hasSize(1);
    }
  }

  @Test
  void aRefusedConnectionIsRetriedEvenForACreateBecauseNothingWasSent() throws Exception {
    Harness h = new Harness();
    h.server.close(); // nothing listens on that port any more
    try (h) {
      TransportException e =
          catchThrowableOfType(
              TransportException.class, () -> h.client.post("/v1/betaTesters", createTester()));

      assertThat(e.getMessage())
          .startsWith("POST /v1/betaTesters: connection refused")
          .contains("gave up after 5 attempts");
      assertThat(e.retryable()).isTrue();
      assertThat(e.outcomeUnknown()).isFalse();
      assertThat(h.sleeps).hasSize(4);
      assertThat(h.client.requestCount()).isZero();
    }
  }

  @Test
  void anInterruptedWaitStopsRetrying() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.enqueue(UNAVAILABLE, ok(ONE));
      ClientOptions options =
          ClientOptions.defaults(server.baseUrl())
              .withSleeper(
                  d -> {
                    throw new InterruptedException();
                  });
      try (AscClient client = AscClient.create(TestKeys.credentials(), options)) {
        assertThatThrownBy(() -> client.get("/v1/apps/a1"))
            .isInstanceOf(TransportException.class)
            .hasMessage("GET /v1/apps/a1: interrupted while waiting to retry");
        assertThat(Thread.interrupted()).isTrue();
      }
    }
  }

  @Test
  void retryLogLinesNeverHoldTheTokenOrKey() throws Exception {
    try (Harness h =
        new Harness()
            .enqueue(error(401, "NOT_AUTHORIZED", "x"), UNAVAILABLE, RATE_LIMITED, ok(ONE))) {
      h.client.get("/v1/apps/a1");
      String log = String.join("\n", h.log);
      assertThat(h.log).hasSizeGreaterThanOrEqualTo(6);
      for (ScriptedServer.Recorded r : h.requests()) {
        assertThat(log).doesNotContain(r.token());
      }
      assertThat(log).doesNotContain(TestKeys.secret().substring(0, 40));
    }
  }

  @Test
  void backoffFollowsThePolicyWithinTheJitter() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.backoff(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoff(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(3200));
    assertThat(p.backoff(3, 0.999999)).isEqualTo(Duration.ofMillis(4800));
    assertThat(p.backoff(40, 0.5)).isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ScriptedServer.Reply json201() {
    return ScriptedServer.Reply.json(201, "{\"data\":{\"type\":\"betaTesters\",\"id\":\"t1\"}}");
  }
}
