package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sandbox verifies a token's signature once and then only its times: a token seen before is
 * still refused the moment it expires, at the same second as a token seen for the first time.
 */
@IntegrationTest
class TokenReuseTest extends SandboxTestBase {
  private String token() {
    return "Bearer "
        + TestTokens.valid(server.credentials(), clock.instant()).compact(); // valid for 15 minutes
  }

  @Test
  void aRememberedTokenExpiresAtTheSameSecondAsAFreshOne() {
    String token = token();
    assertThat(client.send("GET", "/v1/apps", null, token).status()).isEqualTo(200);
    clock.advance(
        Duration.ofMinutes(15).plusSeconds(59)); // within the minute of skew allowed after exp
    assertThat(client.send("GET", "/v1/apps", null, token).status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.send("GET", "/v1/apps", null, token).status()).isEqualTo(401);
  }

  @Test
  void aFreshTokenWithTheSameTimesIsJudgedAlike() {
    java.time.Instant issued = clock.instant();
    clock.advance(Duration.ofMinutes(15).plusSeconds(59));
    // ES256 signatures are randomised: each of these is a token never seen before, checked in full
    assertThat(
            client
                .send(
                    "GET",
                    "/v1/apps",
                    null,
                    "Bearer " + TestTokens.valid(server.credentials(), issued).compact())
                .status())
        .isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertThat(
            client
                .send(
                    "GET",
                    "/v1/apps",
                    null,
                    "Bearer " + TestTokens.valid(server.credentials(), issued).compact())
                .status())
        .isEqualTo(401);
  }

  @Test
  void aTamperedTokenIsNotTakenForARememberedOne() {
    String token = token();
    assertThat(client.send("GET", "/v1/apps", null, token).status()).isEqualTo(200);
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    assertThat(client.send("GET", "/v1/apps", null, tampered).status()).isEqualTo(401);
  }
}
