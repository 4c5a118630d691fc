package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@IntegrationTest
class RateLimitTest extends SandboxTestBase {
  @Override
  protected SandboxOptions options() {
    return super.options().withHourlyLimit(3);
  }

  @Test
  void countsDownAndRefusesWhenTheHourIsSpent() {
    assertThat(client.get("/v1/apps").header("X-Rate-Limit"))
        .isEqualTo("user-hour-lim:3;user-hour-rem:2;");
    assertThat(client.get("/v1/apps").header("X-Rate-Limit"))
        .isEqualTo("user-hour-lim:3;user-hour-rem:1;");
    assertThat(client.get("/v1/betaGroups").header("X-Rate-Limit"))
        .isEqualTo("user-hour-lim:3;user-hour-rem:0;");

    SandboxTestClient.Reply refused = client.get("/v1/apps");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("X-Rate-Limit")).isEqualTo("user-hour-lim:3;user-hour-rem:0;");
    var error = refused.json().path("errors").path(0);
    assertThat(error.path("status").asText()).isEqualTo("429");
    assertThat(error.path("code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(error.path("title").asText()).isEqualTo("The request rate limit has been reached.");
    assertThat(error.path("detail").asText())
        .isEqualTo(
            "We've received too many requests for this API. Please wait and try again or slow down your"
                + " request rate.");
  }

  @Test
  void theWindowRollsWithTheClock() {
    client.get("/v1/apps");
    clock.advance(Duration.ofMinutes(30));
    client.get("/v1/apps");
    client.get("/v1/apps");
    assertThat(client.get("/v1/apps").status()).isEqualTo(429);

    clock.advance(Duration.ofMinutes(30)); // the first request is now an hour old
    SandboxTestClient.Reply again = client.get("/v1/apps");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("X-Rate-Limit")).isEqualTo("user-hour-lim:3;user-hour-rem:0;");
  }

  @Test
  void unauthenticatedRequestsCarryTheHeaderButDoNotCount() {
    SandboxTestClient.Reply refused = client.send("GET", "/v1/apps", null, null);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("X-Rate-Limit")).isEqualTo("user-hour-lim:3;user-hour-rem:3;");
    assertThat(client.get("/v1/apps").header("X-Rate-Limit"))
        .isEqualTo("user-hour-lim:3;user-hour-rem:2;");
  }

  @Test
  void errorsCountAndCarryTheHeader() {
    SandboxTestClient.Reply missing = client.get("/v1/betaGroups/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("X-Rate-Limit")).isEqualTo("user-hour-lim:3;user-hour-rem:2;");
  }
}
