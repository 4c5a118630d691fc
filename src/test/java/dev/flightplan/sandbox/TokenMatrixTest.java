package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token matrix of issue 17 over HTTP: with and without {@code iat}, {@code exp} 19, 20 and 21
 * minutes ahead, signed by the sandbox's key or by another one (same {@code kid} and {@code iss}).
 * Only the sandbox's own key with an expiry under 21 minutes ahead (20 minutes and the minute of
 * skew) is accepted, {@code iat} or not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@IntegrationTest
class TokenMatrixTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
  private SandboxServer server;
  private SandboxServer other;
  private SandboxTestClient client;

  @BeforeAll
  void start() throws IOException {
    server = SandboxServer.start(SandboxOptions.defaults().withClock(clock));
    other = SandboxServer.start(SandboxOptions.defaults().withClock(clock));
    client = new SandboxTestClient(server, clock);
  }

  @AfterAll
  void stop() {
    server.close();
    other.close();
  }

  static List<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (boolean withIat : new boolean[] {true, false}) {
      for (int minutes : new int[] {19, 20, 21}) {
        for (boolean ownKey : new boolean[] {true, false}) {
          cases.add(Arguments.of(withIat, minutes, ownKey, ownKey && minutes < 21 ? 200 : 401));
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "iat={0}, exp in {1} min, own key={2} -> {3}")
  @MethodSource("matrix")
  void answersTheMatrix(boolean withIat, int minutes, boolean ownKey, int expected) {
    Instant now = clock.instant();
    SandboxCredentials signer = ownKey ? server.credentials() : other.credentials();
    String token =
        TestTokens.valid(signer, now)
            .withKeyId(server.credentials().keyId())
            .withIssuer(server.credentials().issuerId())
            .withTimes(withIat ? now : null, now.plus(Duration.ofMinutes(minutes)))
            .compact();
    SandboxTestClient.Reply reply = client.send("GET", "/v1/apps", null, "Bearer " + token);
    assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
    if (expected == 401) {
      assertThat(reply.errorCode()).isEqualTo("NOT_AUTHORIZED");
    }
  }

  @ParameterizedTest(name = "iat={0}")
  @MethodSource("withAndWithoutIat")
  void allowsAMinuteOfSkewEitherWay(boolean withIat) {
    Instant now = clock.instant();
    TestTokens base = TestTokens.valid(server.credentials(), now);
    // an expiry 59 s ago and one 20 min 59 s ahead are within the skew; one a minute ago and 21 min
    // ahead are not
    assertThat(status(base.withTimes(withIat ? now.minusSeconds(600) : null, now.minusSeconds(59))))
        .isEqualTo(200);
    assertThat(status(base.withTimes(withIat ? now.minusSeconds(600) : null, now.minusSeconds(60))))
        .isEqualTo(401);
    assertThat(status(base.withTimes(withIat ? now : null, now.plusSeconds(20 * 60 + 59))))
        .isEqualTo(200);
    assertThat(status(base.withTimes(withIat ? now : null, now.plusSeconds(21 * 60))))
        .isEqualTo(401);
  }

  @org.junit.jupiter.api.Test
  void allowsAnIssueTimeAMinuteAheadAndNoMore() {
    Instant now = clock.instant();
    TestTokens base = TestTokens.valid(server.credentials(), now);
    assertThat(status(base.withTimes(now.plusSeconds(60), now.plusSeconds(600)))).isEqualTo(200);
    assertThat(status(base.withTimes(now.plusSeconds(61), now.plusSeconds(600)))).isEqualTo(401);
  }

  static List<Boolean> withAndWithoutIat() {
    return List.of(true, false);
  }

  private int status(TestTokens token) {
    return client.send("GET", "/v1/apps", null, "Bearer " + token.compact()).status();
  }
}
