package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's fault injection: the spec, each kind of fault, replay by seed, revocation and the
 * read lag.
 */
@IntegrationTest
class FaultInjectionTest extends SandboxTestBase {
  private FaultSpec faults = FaultSpec.none();

  @Override
  protected SandboxOptions options() {
    return super.options().withFaults(faults);
  }

  private void restartWith(String spec) throws IOException {
    server.close();
    faults = FaultSpec.parse(spec);
    startSandbox();
  }

  @Test
  void parsesWritesBackAndExplainsTheSpec() {
    FaultSpec spec =
        FaultSpec.parse("seed=7, 5xx=0.1,429=0.05,reset=0.02,slow=0.01:250ms,revoke=12,lag=2s");
    assertThat(spec.seed()).isEqualTo(7);
    assertThat(spec.serverErrors()).isEqualTo(0.1);
    assertThat(spec.slowBy()).isEqualTo(Duration.ofMillis(250));
    assertThat(spec.revokeAt()).isEqualTo(12);
    assertThat(spec.lag()).isEqualTo(Duration.ofSeconds(2));
    assertThat(FaultSpec.parse(spec.toString())).isEqualTo(spec);
    assertThat(FaultSpec.parse("none").active()).isFalse();
    assertThat(FaultSpec.parse("").toString()).isEqualTo("none");

    // a random seed is chosen and shown, so the run can be replayed
    FaultSpec random = FaultSpec.parse("5xx=0.5");
    assertThat(random.toString()).startsWith("seed=" + random.seed() + ",");
    // revoke=once picks a request from the seed, within the first 100
    assertThat(FaultSpec.parse("seed=3,revoke=once").revokeAt())
        .isBetween(1L, 100L)
        .isEqualTo(FaultSpec.parse("seed=3,revoke=once").revokeAt());

    assertThatThrownBy(() -> FaultSpec.parse("5xx=1.5"))
        .hasMessageContaining("5xx must be a rate from 0 to 1");
    assertThatThrownBy(() -> FaultSpec.parse("typo=1"))
        .hasMessageContaining("unknown fault \"typo\"")
        .hasMessageContaining("seed=N,5xx=RATE");
    assertThatThrownBy(() -> FaultSpec.parse("lag=soon"))
        .hasMessageContaining("lag must be a duration");
    assertThatThrownBy(() -> FaultSpec.parse("5xx=0.6,429=0.6"))
        .hasMessageContaining("add up to more than 1");
    assertThatThrownBy(() -> FaultSpec.parse("revoke=0"))
        .hasMessageContaining("revoke must be once or");
  }

  @Test
  void serverErrorsAreAppleErrorDocumentsAndMarked() throws IOException {
    restartWith("seed=1,5xx=1");
    SandboxTestClient.Reply reply = client.get("/v1/apps");
    assertThat(reply.status()).isIn(500, 503);
    assertThat(reply.errorCode()).isIn("UNEXPECTED_ERROR", "SERVICE_UNAVAILABLE");
    assertThat(reply.json().path("errors").path(0).path("status").asText())
        .isEqualTo(Integer.toString(reply.status()));
    assertThat(reply.header("X-Sandbox-Fault")).isEqualTo("5xx");
    assertThat(reply.header("X-Rate-Limit")).isNotNull();
    assertThat(server.faultsInjected()).containsEntry("server_error", 1L);
  }

  @Test
  void scriptedFaultsHitTheNamedRequestOnceAndTheChangeStays() {
    server.failNext("POST /v1/betaGroups", "5xx-after");
    SandboxTestClient.Reply lost =
        client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, "Lost", ""));
    assertThat(lost.status()).isIn(500, 503);
    assertThat(groupId("Lost")).isNotBlank();

    server.failNext("POST /v1/betaGroups", "5xx");
    assertThat(client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, "Never", "")).status())
        .isIn(500, 503);
    assertThat(client.get("/v1/betaGroups?filter%5Bname%5D=Never").ids()).isEmpty();

    server.failNext("GET /v1/apps", "429");
    SandboxTestClient.Reply limited = client.get("/v1/apps");
    refused(limited, 429, "RATE_LIMIT_EXCEEDED", null);
    assertThat(client.get("/v1/apps").status()).isEqualTo(200);
  }

  @Test
  void aResetClosesTheConnectionWithoutAnAnswerAndAResetAfterKeepsTheChange() throws Exception {
    server.failNext("POST /v1/betaGroups", "reset-after");
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/betaGroups"))
            .header("Authorization", client.bearer())
            .POST(HttpRequest.BodyPublishers.ofString(Docs.group(Docs.WEATHER, "Dropped", "")))
            .build();
    assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(groupId("Dropped")).isNotBlank();
    assertThat(server.faultsInjected()).containsEntry("reset_after", 1L);
  }

  @Test
  void theSameSeedGivesTheSameFaultsAndAnotherSeedOthers() throws IOException {
    restartWith("seed=42,5xx=0.3,429=0.2");
    List<Integer> first = statuses(40);
    restartWith("seed=42,5xx=0.3,429=0.2");
    assertThat(statuses(40)).isEqualTo(first);
    restartWith("seed=43,5xx=0.3,429=0.2");
    assertThat(statuses(40)).isNotEqualTo(first);
    assertThat(first).contains(200, 429).containsAnyOf(500, 503);
  }

  private List<Integer> statuses(int n) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(client.get("/v1/apps").status());
    }
    return statuses;
  }

  @Test
  void aRevokedTokenIsRefusedUntilANewOneIsMinted() throws IOException {
    restartWith("seed=1,revoke=3");
    String token = client.bearer();
    assertThat(client.send("GET", "/v1/apps", null, token).status()).isEqualTo(200);
    assertThat(client.send("GET", "/v1/apps", null, token).status()).isEqualTo(200);
    SandboxTestClient.Reply revoked = client.send("GET", "/v1/apps", null, token);
    refused(revoked, 401, "NOT_AUTHORIZED", null);
    assertThat(revoked.header("X-Sandbox-Fault")).isEqualTo("revoked");
    assertThat(client.send("GET", "/v1/apps", null, token).status()).isEqualTo(401);
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.send("GET", "/v1/apps", null, client.bearer()).status()).isEqualTo(200);
  }

  @Test
  void slowAnswersComeLate() throws IOException {
    restartWith("seed=1,slow=1:300ms");
    long started = System.nanoTime();
    assertThat(client.get("/v1/apps").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void readsTrailWritesByTheLagThenCatchUp() throws IOException {
    restartWith("seed=1,lag=2s");
    String family = groupId("Friends & Family");
    String carol = testerId("carol@example.com");
    String grace = testerId("grace@example.com");
    String members = "/v1/betaGroups/" + family + "/relationships/betaTesters";
    List<String> before = client.get(members).ids();
    assertThat(before).doesNotContain(grace);

    ok(client.post(members, Docs.linkages("betaTesters", grace)), 204);
    assertThat(client.get(members).ids()).as("within the lag").isEqualTo(before);
    // writes are judged on the real state: adding her again is a conflict although reads do not
    // show her yet
    refused(
        client.post(members, Docs.linkages("betaTesters", grace)),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        null);
    clock.advance(Duration.ofMillis(2001));
    assertThat(client.get(members).ids()).as("after the lag").contains(grace);

    // a delete the API may complete later answers 202, and shows once the lag has passed
    SandboxTestClient.Reply accepted =
        client.delete(
            "/v1/apps/" + Docs.WEATHER + "/relationships/betaTesters",
            Docs.linkages("betaTesters", carol));
    ok(accepted, 202);
    assertThat(client.get(members).ids()).contains(carol);
    clock.advance(Duration.ofSeconds(3));
    assertThat(client.get(members).ids()).doesNotContain(carol);
  }
}
