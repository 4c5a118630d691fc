package dev.flightplan.api;

import static dev.flightplan.api.ScriptedServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Pacing to the hourly allowance, on a clock the sleeper moves: what is waited for, and for how
 * long, is exact and takes no real time.
 */
@IntegrationTest
class RateBudgetTest {
  private final dev.flightplan.sandbox.MutableClock clock =
      new dev.flightplan.sandbox.MutableClock(Harness.START);
  private final List<Duration> sleeps = new ArrayList<>();
  private final RateBudget budget =
      new RateBudget(
          clock,
          d -> {
            sleeps.add(d);
            clock.advance(d);
          });

  private static RateLimit header(long limit, long remaining) {
    return new RateLimit(OptionalLong.of(limit), OptionalLong.of(remaining));
  }

  /** One request: acquire, a second passes, and the answer says what is left. */
  private void send(long limit, long remainingAfter) throws InterruptedException {
    long ticket = budget.acquire();
    clock.advance(Duration.ofSeconds(1));
    budget.answered(ticket, header(limit, remainingAfter));
  }

  @Test
  void nothingWaitsWhileTheAllowanceIsUnknownOrAmple() throws Exception {
    budget.answered(budget.acquire(), RateLimit.unknown());
    assertThat(budget.available()).isEmpty();
    send(3600, 3000);
    send(3600, 2999);
    assertThat(sleeps).isEmpty();
    assertThat(budget.reserve()).isEqualTo(36);
    assertThat(budget.available()).hasValue(2999 - 36);
  }

  @Test
  void whenNearlySpentARequestWaitsUntilTheOldestOfOursLeavesTheHour() throws Exception {
    Instant first = clock.instant();
    for (long remaining = 4; remaining >= 1; remaining--) {
      send(10, remaining); // reserve is 1: four requests leave 1
    }
    assertThat(sleeps).isEmpty();
    budget.acquire();
    // the first request left the window an hour (and the margin) after it was sent
    assertThat(sleeps).hasSize(1);
    assertThat(first.plus(RateBudget.WINDOW).plus(RateBudget.MARGIN)).isEqualTo(clock.instant());
    assertThat(budget.pauses()).isEqualTo(1);
    assertThat(budget.waited()).isEqualTo(sleeps.get(0));
  }

  @Test
  void whenOthersSpentTheBudgetItPacesAtTheAverageRefill() throws Exception {
    budget.answered(budget.acquire(), header(3600, 0)); // someone else used the hour up
    clock.advance(Duration.ofHours(2)); // our one request has long left the window
    budget.acquire();
    assertThat(sleeps).isNotEmpty().allMatch(d -> d.equals(Duration.ofSeconds(1)));
    assertThat(sleeps)
        .hasSize(
            36); // from the one of ours that left the hour up to one more than the reserve of 36
  }

  @Test
  void aClockThatDoesNotMoveStillLetsEachWaitFreeOneRequest() throws Exception {
    List<Duration> recorded = new ArrayList<>();
    RateBudget frozen = new RateBudget(clock, recorded::add);
    frozen.answered(frozen.acquire(), header(100, 0));
    frozen.acquire(); // must return: each wait counts one request back
    assertThat(recorded).hasSize(2);
  }

  @Test
  void anAnswerOvertakenByALaterOneDoesNotEnlargeTheBudget() throws Exception {
    long first = budget.acquire();
    long second = budget.acquire();
    budget.answered(second, header(100, 50)); // the server counted both
    budget.answered(first, header(100, 51)); // older news, arriving late
    assertThat(budget.available()).hasValue(50 - 1);
    assertThat(budget.lastSeen()).isEqualTo(header(100, 50));
  }

  @Test
  void ofAnswersToRequestsInFlightTogetherTheLowestCountHolds() throws Exception {
    long first = budget.acquire();
    long second = budget.acquire();
    budget.answered(second, header(100, 51)); // the server counted the second request first
    budget.answered(first, header(100, 50)); // and then the first: older, but the truer count
    assertThat(budget.available()).hasValue(50 - 1);
  }

  @Test
  void aNewerAnswerToARequestInFlightTogetherDoesNotRaiseTheCount() throws Exception {
    long first = budget.acquire();
    long second = budget.acquire();
    budget.answered(
        first,
        header(100, 50)); // the server counted the second request first, and answered it last
    budget.answered(second, header(100, 51));
    assertThat(budget.available()).hasValue(50 - 1);
    assertThat(budget.lastSeen()).isEqualTo(header(100, 50));
  }

  @Test
  void aRiseSeenByARequestSentAfterTheCountIsTaken() throws Exception {
    budget.answered(budget.acquire(), header(100, 50));
    budget.answered(
        budget.acquire(),
        header(100, 70)); // sent after the count of 50 arrived: the hour gave requests back
    assertThat(budget.available()).hasValue(70 - 1);
  }

  @Test
  void ofRequestsInFlightWhenTheCountArrivedOnlyThoseSentAfterItMayRaiseIt() throws Exception {
    long first = budget.acquire();
    long second = budget.acquire();
    budget.answered(first, header(100, 50));
    long third = budget.acquire(); // sent after the count of 50 arrived
    budget.answered(second, header(100, 52)); // sent before it: may have been counted first
    assertThat(budget.available()).hasValue(50 - 1 - 1);
    budget.answered(
        third, header(100, 51)); // counted after the 50 for certain: the hour gave requests back
    assertThat(budget.available()).hasValue(51 - 1);
    assertThat(budget.lastSeen()).isEqualTo(header(100, 51));
  }

  @Test
  void timeForSaysHowLongPacingTakes() throws Exception {
    assertThat(budget.timeFor(1_000_000)).isZero(); // unknown allowance: no pacing
    send(3600, 136);
    // 100 requests are free (136 less the reserve of 36); the 101st waits for our request to leave
    // the hour
    assertThat(budget.timeFor(100)).isZero();
    assertThat(budget.timeFor(101))
        .isEqualTo(Duration.ofHours(1).plus(RateBudget.MARGIN).minusSeconds(1));
    // beyond our own requests, one a second
    assertThat(budget.timeFor(110))
        .isEqualTo(Duration.ofHours(1).plus(RateBudget.MARGIN).minusSeconds(1).plusSeconds(9));
  }

  @Test
  void aRequestThatFailsBeforeItIsSentIsNotLeftInFlight() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(ok("{\"data\":[]}").header("X-Rate-Limit", "user-hour-lim:100;user-hour-rem:50;"));
      h.client.get("/v1/apps");
      h.client.close(); // the next request fails in the client itself, without an answer
      assertThatThrownBy(() -> h.client.get("/v1/apps")).isInstanceOf(IllegalStateException.class);
      assertThat(h.client.rateBudget().available()).hasValue(50 - 1);
    }
  }

  @Test
  void theClientPacesThroughItsSleeperAndLogsIt() throws Exception {
    String empty = "{\"data\":[]}";
    try (Harness h = new Harness()) {
      h.enqueue(
          ok(empty).header("X-Rate-Limit", "user-hour-lim:100;user-hour-rem:1;"),
          ok(empty).header("X-Rate-Limit", "user-hour-lim:100;user-hour-rem:50;"));
      h.client.get("/v1/apps");
      h.client.get(
          "/v1/apps"); // 1 left, which is the reserve: wait for the first request to leave the hour
      assertThat(h.sleeps).containsExactly(Duration.ofHours(1).plus(RateBudget.MARGIN));
      assertThat(h.log).anyMatch(l -> l.startsWith("paced GET /v1/apps"));
      assertThat(h.client.rateBudget().available()).hasValue(49);
      assertThat(h.requests()).hasSize(2);
    }
  }
}
