package dev.flightplan.api;

import static dev.flightplan.api.ScriptedServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@IntegrationTest
class RateLimitTest {
  @Test
  void readsApplesHeader() {
    RateLimit rl = RateLimit.parse("user-hour-lim:3600;user-hour-rem:3599;");
    assertThat(rl.hourLimit()).isEqualTo(OptionalLong.of(3600));
    assertThat(rl.hourRemaining()).isEqualTo(OptionalLong.of(3599));
    assertThat(rl.isKnown()).isTrue();
    assertThat(rl).hasToString("RateLimit[remaining 3599 of 3600 this hour]");
  }

  @Test
  void toleratesSpacesCaseOrderAndUnknownKeys() {
    RateLimit rl = RateLimit.parse(" User-Hour-Rem : 12 ; other:5; user-hour-lim:3500");
    assertThat(rl).isEqualTo(new RateLimit(OptionalLong.of(3500), OptionalLong.of(12)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "garbage",
        "user-hour-lim:;user-hour-rem:x;",
        "user-hour-lim:-1",
        "user-hour-lim=5"
      })
  void missingOrMalformedIsUnknown(String header) {
    assertThat(RateLimit.parse(header)).isEqualTo(RateLimit.unknown());
    assertThat(RateLimit.parse(header).isKnown()).isFalse();
  }

  @Test
  void halfReadableKeepsTheReadableHalf() {
    RateLimit rl = RateLimit.parse("user-hour-lim:3600;user-hour-rem:lots;");
    assertThat(rl.hourLimit()).isEqualTo(OptionalLong.of(3600));
    assertThat(rl.hourRemaining()).isEmpty();
  }

  @Test
  void theClientKeepsTheLastValueSeen() throws Exception {
    String empty = "{\"data\":[]}";
    try (Harness h = new Harness()) {
      assertThat(h.client.rateLimit()).isEqualTo(RateLimit.unknown());
      h.enqueue(
          ok(empty).header("X-Rate-Limit", "user-hour-lim:3600;user-hour-rem:10;"),
          ok(empty).header("X-Rate-Limit", "user-hour-lim:3600;user-hour-rem:9;"),
          ok(empty),
          ok(empty).header("X-Rate-Limit", "nonsense"));

      h.client.get("/v1/apps");
      h.client.get("/v1/apps");
      assertThat(h.client.rateLimit().hourRemaining()).isEqualTo(OptionalLong.of(9));
      h.client.get("/v1/apps"); // no header: the last value still stands
      h.client.get("/v1/apps"); // unreadable header: likewise
      assertThat(h.client.rateLimit())
          .isEqualTo(new RateLimit(OptionalLong.of(3600), OptionalLong.of(9)));
    }
  }

  @Test
  void errorResponsesCountToo() throws Exception {
    try (Harness h = new Harness(RetryPolicy.none())) {
      h.enqueue(
          ScriptedServer.Reply.error(429, "RATE_LIMIT_EXCEEDED", "x")
              .header("X-Rate-Limit", "user-hour-lim:3600;user-hour-rem:0;"));
      try {
        h.client.get("/v1/apps");
      } catch (RateLimitedException expected) {
        // the header must be read before the error is thrown
      }
      assertThat(h.client.rateLimit().hourRemaining()).isEqualTo(OptionalLong.of(0));
    }
  }
}
