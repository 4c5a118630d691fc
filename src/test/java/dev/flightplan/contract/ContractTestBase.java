package dev.flightplan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.Exchange;
import dev.flightplan.sandbox.Lookups;
import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.sandbox.SandboxTestClient;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One demo-seeded sandbox per test class, every exchange checked against Apple's OpenAPI document
 * after each test, and, when the class is done, a check that each endpoint the class names was
 * called. Tests of one class share the sandbox, so they use names of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContractTestBase {
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  protected final ExchangeRecorder recorder = new ExchangeRecorder();
  protected SandboxServer server;
  protected SandboxTestClient client;
  protected Lookups lookup;

  /** The endpoints ({@code METHOD /path/{id}/template}) this class must exercise. */
  protected abstract List<String> endpoints();

  @BeforeAll
  void start() throws IOException {
    OpenApiContract.assumeAvailable();
    server = SandboxServer.start(SandboxOptions.defaults().withClock(clock));
    server.addListener(recorder);
    client = new SandboxTestClient(server, clock);
    lookup = new Lookups(client);
  }

  @AfterAll
  void everyEndpointWasExercised() {
    if (server != null) {
      server.close();
      assertThat(server.requestCounts().keySet()).containsAll(endpoints());
    }
  }

  @BeforeEach
  void clear() {
    recorder.clear();
  }

  @AfterEach
  void everyExchangeMatchesTheSpec() {
    List<Exchange> exchanges = recorder.exchanges();
    assertThat(exchanges).isNotEmpty();
    List<String> violations = new ArrayList<>();
    exchanges.forEach(e -> violations.addAll(OpenApiContract.violations(e)));
    assertThat(violations).isEmpty();
  }

  protected static String id(SandboxTestClient.Reply reply) {
    return reply.json().path("data").path("id").asText();
  }

  protected static void status(SandboxTestClient.Reply reply, int expected) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
  }

  /** {@code [} and {@code ]} URL-encoded, so query strings in tests stay readable. */
  protected static String q(String query) {
    return query.replace("[", "%5B").replace("]", "%5D");
  }
}
