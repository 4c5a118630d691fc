package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts a demo-seeded sandbox on 127.0.0.1:0 with a hand-moved clock for each test, and looks up
 * seeded ids.
 */
abstract class SandboxTestBase {
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
  protected SandboxServer server;
  protected SandboxTestClient client;
  protected Lookups lookup;

  protected SandboxOptions options() {
    return SandboxOptions.defaults().withClock(clock);
  }

  @BeforeEach
  void startSandbox() throws IOException {
    server = SandboxServer.start(options());
    client = new SandboxTestClient(server, clock);
    lookup = new Lookups(client);
  }

  @AfterEach
  void stopSandbox() {
    server.close();
  }

  /** A seed file of the test resources ({@code src/test/resources/sandbox/<name>}). */
  protected static java.nio.file.Path seed(String name) {
    try {
      return java.nio.file.Path.of(SandboxTestBase.class.getResource("/sandbox/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code [} and {@code ]} URL-encoded, so query strings in tests stay readable. */
  protected static String q(String query) {
    return query.replace("[", "%5B").replace("]", "%5D");
  }

  protected static String pointer(SandboxTestClient.Reply reply) {
    return reply.json().path("errors").path(0).path("source").path("pointer").asText();
  }

  protected static String detail(SandboxTestClient.Reply reply) {
    return reply.json().path("errors").path(0).path("detail").asText();
  }

  /** Asserts an error answer: status, code and (when not null) the source pointer. */
  protected static void refused(
      SandboxTestClient.Reply reply, int status, String code, String pointer) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.errorCode()).as(reply.body()).isEqualTo(code);
    if (pointer != null) {
      assertThat(pointer(reply)).as(reply.body()).isEqualTo(pointer);
    }
  }

  protected static void ok(SandboxTestClient.Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
  }

  protected static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  protected String groupId(String name) {
    SandboxTestClient.Reply reply = client.get("/v1/betaGroups?filter%5Bname%5D=" + encode(name));
    assertThat(reply.ids()).as("groups named %s", name).hasSize(1);
    return reply.ids().get(0);
  }

  protected String testerId(String email) {
    SandboxTestClient.Reply reply =
        client.get("/v1/betaTesters?filter%5Bemail%5D=" + encode(email));
    assertThat(reply.ids()).as("testers with email %s", email).hasSize(1);
    return reply.ids().get(0);
  }

  protected String createGroup(String appId, String name, String attributes) {
    SandboxTestClient.Reply reply =
        client.post("/v1/betaGroups", Docs.group(appId, name, attributes));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().path("data").path("id").asText();
  }

  protected String createTester(String email, String... groupIds) {
    SandboxTestClient.Reply reply = client.post("/v1/betaTesters", Docs.tester(email, groupIds));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().path("data").path("id").asText();
  }
}
