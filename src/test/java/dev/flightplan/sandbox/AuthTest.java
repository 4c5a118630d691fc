package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@IntegrationTest
class AuthTest extends SandboxTestBase {
  private TestTokens valid() {
    return TestTokens.valid(server.credentials(), clock.instant());
  }

  private SandboxTestClient.Reply getWith(String authorization) {
    return client.send("GET", "/v1/apps", null, authorization);
  }

  private static void assertNotAuthorized(SandboxTestClient.Reply reply) {
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    var error = reply.json().path("errors").path(0);
    assertThat(error.path("status").asText()).isEqualTo("401");
    assertThat(error.path("code").asText()).isEqualTo("NOT_AUTHORIZED");
    assertThat(error.path("title").asText())
        .isEqualTo("Authentication credentials are missing or invalid.");
    assertThat(error.path("detail").asText())
        .startsWith(
            "Provide a properly configured and signed bearer token, and make sure that it has not expired.")
        .endsWith("https://developer.apple.com/go/?id=api-generating-tokens");
    assertThat(error.path("id").asText()).hasSize(36);
  }

  @Test
  void acceptsAValidToken() {
    assertThat(getWith("Bearer " + valid().compact()).status()).isEqualTo(200);
  }

  @Test
  void refusesAMissingOrMalformedHeader() {
    assertNotAuthorized(getWith(null));
    assertNotAuthorized(getWith("Basic dXNlcjpwYXNz"));
    assertNotAuthorized(getWith("Bearer not.a.jwt"));
  }

  @Test
  void refusesAnExpiredToken() {
    Instant now = clock.instant();
    String token =
        valid()
            .withTimes(now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(2)))
            .compact();
    assertNotAuthorized(getWith("Bearer " + token));
  }

  @Test
  void refusesATokenThatExpiredWhileTheClockMoved() {
    String token = "Bearer " + valid().compact();
    assertThat(getWith(token).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(17));
    assertNotAuthorized(getWith(token));
  }

  @Test
  void refusesAnExpiryMoreThanTwentyMinutesAhead() {
    Instant now = clock.instant();
    assertNotAuthorized(
        getWith("Bearer " + valid().withTimes(now, now.plus(Duration.ofMinutes(30))).compact()));
    // within the allowed clock skew of a minute, twenty minutes are accepted
    assertThat(
            getWith("Bearer " + valid().withTimes(now, now.plus(Duration.ofMinutes(20))).compact())
                .status())
        .isEqualTo(200);
  }

  @Test
  void refusesAMissingExpiry() {
    assertNotAuthorized(getWith("Bearer " + valid().withTimes(clock.instant(), null).compact()));
  }

  @Test
  void refusesAnIssuedAtInTheFuture() {
    Instant later = clock.instant().plus(Duration.ofMinutes(5));
    assertNotAuthorized(
        getWith(
            "Bearer " + valid().withTimes(later, later.plus(Duration.ofMinutes(10))).compact()));
  }

  @Test
  void refusesAnotherKeyId() {
    assertNotAuthorized(getWith("Bearer " + valid().withKeyId("ABCDEFGHIJ").compact()));
  }

  @Test
  void refusesAnotherAudience() {
    assertNotAuthorized(getWith("Bearer " + valid().withAudience("appstoreconnect-v2").compact()));
  }

  @Test
  void refusesAnotherIssuer() {
    assertNotAuthorized(
        getWith("Bearer " + valid().withIssuer("00000000-0000-0000-0000-000000000000").compact()));
  }

  @Test
  void refusesAlgorithmsOtherThanEs256() {
    assertNotAuthorized(getWith("Bearer " + valid().withHmac().compact()));
  }

  @Test
  void refusesATokenSignedByAnotherKey() throws Exception {
    try (SandboxServer other = SandboxServer.start(SandboxOptions.defaults().withClock(clock))) {
      String foreign =
          TestTokens.valid(other.credentials(), clock.instant())
              .withKeyId(server.credentials().keyId())
              .withIssuer(server.credentials().issuerId())
              .compact();
      assertNotAuthorized(getWith("Bearer " + foreign));
    }
  }

  @Test
  void checksAuthenticationBeforeTheRoute() {
    SandboxTestClient.Reply reply = client.send("GET", "/v1/nowhere", null, null);
    assertNotAuthorized(reply);
  }

  @Test
  void credentialsLookLikeApples() {
    SandboxCredentials credentials = server.credentials();
    assertThat(credentials.keyId()).matches("[A-Z0-9]{10}");
    assertThat(credentials.issuerId())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(credentials.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(credentials.privateKeyFile()).isNull();
    assertThat(credentials.toString()).doesNotContain("PRIVATE KEY").contains(credentials.keyId());
  }
}
