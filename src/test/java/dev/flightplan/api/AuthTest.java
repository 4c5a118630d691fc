package dev.flightplan.api;

import static dev.flightplan.api.ScriptedServer.Reply.error;
import static dev.flightplan.api.ScriptedServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.testing.IntegrationTest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

@IntegrationTest
class AuthTest {
  private static final String EMPTY = "{\"data\":[]}";

  @Test
  void tokenIsAnEs256JwtApplesServersAccept() throws Exception {
    try (Harness h = new Harness().enqueue(ok(EMPTY))) {
      h.client.get("/v1/apps");
      String token = h.requests().get(0).token();

      JsonWebSignature jws = new JsonWebSignature();
      jws.setCompactSerialization(token);
      assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("ES256");
      assertThat(jws.getKeyIdHeaderValue()).isEqualTo(TestKeys.KEY_ID);
      assertThat(jws.getHeader("typ")).isEqualTo("JWT");
      // JOSE form: R||S, 32 bytes each; a DER signature would be 70-72 bytes
      assertThat(Base64.getUrlDecoder().decode(token.split("\\.")[2])).hasSize(64);

      JwtConsumer consumer =
          new JwtConsumerBuilder()
              .setVerificationKey(TestKeys.publicKey())
              .setJwsAlgorithmConstraints(
                  AlgorithmConstraints.ConstraintType.PERMIT,
                  AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
              .setExpectedAudience("appstoreconnect-v1")
              .setExpectedIssuer(TestKeys.ISSUER_ID)
              .setRequireExpirationTime()
              .setRequireIssuedAt()
              .setEvaluationTime(NumericDate.fromSeconds(Harness.START.getEpochSecond()))
              .build();
      JwtClaims claims = consumer.processToClaims(token);
      long now = Harness.START.getEpochSecond();
      long iat = claims.getIssuedAt().getValue();
      long exp = claims.getExpirationTime().getValue();
      assertThat(claims.getClaimValue("aud")).isEqualTo("appstoreconnect-v1");
      assertThat(iat).isBetween(now - 60, now);
      assertThat(exp).isGreaterThan(now);
      assertThat(exp - iat).isLessThanOrEqualTo(Duration.ofMinutes(20).toSeconds());
      assertThat(exp - now).isLessThanOrEqualTo(Duration.ofMinutes(20).toSeconds());
    }
  }

  @Test
  void tokenIsReusedUntilTwoMinutesBeforeExpiry() throws Exception {
    try (Harness h = new Harness().enqueue(ok(EMPTY), ok(EMPTY), ok(EMPTY), ok(EMPTY))) {
      h.client.get("/v1/apps");
      h.client.get("/v1/apps");
      h.clock.advance(Duration.ofMinutes(12).plusSeconds(59));
      h.client.get("/v1/apps");
      h.clock.advance(
          Duration.ofSeconds(1)); // 13 minutes in: 2 minutes before the 15-minute expiry
      h.client.get("/v1/apps");

      List<String> tokens = h.requests().stream().map(ScriptedServer.Recorded::token).toList();
      assertThat(tokens.subList(0, 3)).containsOnly(tokens.get(0));
      assertThat(tokens.get(3)).isNotEqualTo(tokens.get(0));
      assertThat(h.client.tokensMinted()).isEqualTo(2);
      JwtClaims renewed =
          JwtClaims.parse(new String(Base64.getUrlDecoder().decode(tokens.get(3).split("\\.")[1])));
      assertThat(renewed.getExpirationTime().getValue())
          .isEqualTo(Harness.START.plus(Duration.ofMinutes(13 + 15)).getEpochSecond());
    }
  }

  @Test
  void a401MintsANewTokenAndRetriesOnce() throws Exception {
    try (Harness h = new Harness().enqueue(error(401, "NOT_AUTHORIZED", "expired"), ok(EMPTY))) {
      h.client.get("/v1/apps");

      assertThat(h.requests()).hasSize(2);
      assertThat(h.requests().get(1).token()).isNotEqualTo(h.requests().get(0).token());
      assertThat(h.client.requestCount()).isEqualTo(2);
      assertThat(h.sleeps).isEmpty();
      assertThat(String.join("\n", h.log))
          .contains("401")
          .doesNotContain(h.requests().get(0).token());
    }
  }

  @Test
  void aSecond401Fails() throws Exception {
    try (Harness h =
        new Harness()
            .enqueue(
                error(401, "NOT_AUTHORIZED", "bad key"), error(401, "NOT_AUTHORIZED", "bad key"))) {
      assertThatThrownBy(() -> h.client.get("/v1/apps"))
          .isInstanceOf(NotAuthorizedException.class)
          .hasMessageStartingWith("GET /v1/apps: 401 NOT_AUTHORIZED: bad key")
          .hasMessageContaining("rejected again after minting a new token")
          .satisfies(e -> assertThat(((ApiException) e).retryable()).isFalse());
      assertThat(h.requests()).hasSize(2);
    }
  }

  @Test
  void aTokenThatExpiresOnTheWayIsReplacedAsOftenAsThatHappens() throws Exception {
    // the clock jumps past each token's expiry while its request is on its way (a laptop sleeping
    // mid-request): the
    // 401s say nothing about the credentials, so each is sent again with a new token, and the third
    // attempt succeeds
    try (Harness h =
        new Harness()
            .enqueue(
                error(401, "NOT_AUTHORIZED", "expired"),
                error(401, "NOT_AUTHORIZED", "expired"),
                ok(EMPTY))) {
      h.server.onRequest(
          r -> {
            if (h.requests().size() <= 2) {
              h.clock.advance(Duration.ofHours(1));
            }
          });
      h.client.post("/v1/betaTesters", JsonApi.linkages("betaTesters", List.of("t1")));

      assertThat(h.requests()).hasSize(3);
      assertThat(h.requests()).extracting(ScriptedServer.Recorded::token).doesNotHaveDuplicates();
      assertThat(h.client.tokensMinted()).isEqualTo(3);
      assertThat(h.sleeps).isEmpty();
      assertThat(String.join("\n", h.log))
          .contains("401 for a token that expired on the way")
          .doesNotContain(h.requests().get(0).token());
    }
  }

  @Test
  void a401ForAFreshTokenAfterOneThatExpiredOnTheWayStillGetsItsOneRepeat() throws Exception {
    try (Harness h =
        new Harness()
            .enqueue(
                error(401, "NOT_AUTHORIZED", "expired"),
                error(401, "NOT_AUTHORIZED", "bad key"),
                error(401, "NOT_AUTHORIZED", "bad key"))) {
      h.server.onRequest(
          r -> {
            if (h.requests().size() == 1) {
              h.clock.advance(Duration.ofMinutes(20));
            }
          });
      assertThatThrownBy(() -> h.client.get("/v1/apps"))
          .isInstanceOf(NotAuthorizedException.class)
          .hasMessageContaining("rejected again after minting a new token");
      assertThat(h.requests()).hasSize(3);
    }
  }

  @Test
  void aClockThatKeepsJumpingPastEveryTokenIsNotFollowedForever() throws Exception {
    ScriptedServer.Reply expired = error(401, "NOT_AUTHORIZED", "expired");
    try (Harness h = new Harness()) {
      for (int i = 0; i < Sender.MAX_EXPIRED_ON_THE_WAY + 2; i++) {
        h.enqueue(expired);
      }
      h.server.onRequest(r -> h.clock.advance(Duration.ofHours(1)));
      assertThatThrownBy(() -> h.client.get("/v1/apps")).isInstanceOf(NotAuthorizedException.class);
      // the repeats for expired tokens, then the one repeat any 401 gets
      assertThat(h.requests()).hasSize(Sender.MAX_EXPIRED_ON_THE_WAY + 2);
    }
  }

  @Test
  void everyRequestCarriesTheStandardHeaders() throws Exception {
    try (Harness h = new Harness().enqueue(ok(EMPTY), ScriptedServer.Reply.empty(204))) {
      h.client.get("/v1/apps");
      h.client.post(
          "/v1/betaGroups/g1/relationships/betaTesters",
          JsonApi.linkages("betaTesters", List.of("t1")));

      ScriptedServer.Recorded get = h.requests().get(0);
      ScriptedServer.Recorded post = h.requests().get(1);
      assertThat(get.header("Accept")).isEqualTo("application/json");
      assertThat(get.header("User-Agent")).startsWith("flightplan/");
      assertThat(get.header("Authorization")).startsWith("Bearer ");
      assertThat(post.header("Content-Type")).isEqualTo("application/json");
      assertThat(post.body()).isEqualTo("{\"data\":[{\"type\":\"betaTesters\",\"id\":\"t1\"}]}");
    }
  }
}
