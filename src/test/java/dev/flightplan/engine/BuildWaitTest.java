package dev.flightplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.plan.PendingBuild;
import dev.flightplan.state.BuildStatuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How {@code apply --wait} paces its checks: the first at once, then after the interval, growing by
 * half after each check that finds nothing new up to five minutes, the last one cut to the
 * deadline; one poll per check for all the builds; a build that moves on ends the wait at the check
 * that sees it.
 */
class BuildWaitTest {
  private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
  private static final List<PendingBuild> PENDING =
      List.of(
          new PendingBuild("com.example.app", "b1", "2.4 (120)", "it is processing, not processed"),
          new PendingBuild("com.example.app", "b2", "2.4 (121)", "it has not passed beta review"));

  /** A clock that the sleeper moves: the waits pass without any real waiting. */
  private Instant now = START;

  private final List<Duration> sleeps = new ArrayList<>();
  private final List<List<String>> polls = new ArrayList<>();

  private BuildWait wait(
      Map<String, BuildStatuses.Status> before,
      Map<String, BuildStatuses.Status> after,
      int changesAt) {
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    return new BuildWait(
        builds -> {
          polls.add(builds.stream().map(PendingBuild::key).toList());
          return polls.size() > changesAt ? after : before;
        },
        clock,
        d -> {
          sleeps.add(d);
          now = now.plus(d);
        });
  }

  private static final Map<String, BuildStatuses.Status> PROCESSING =
      Map.of(
          "b1", new BuildStatuses.Status("PROCESSING", false, null),
          "b2", new BuildStatuses.Status("VALID", false, "WAITING_FOR_REVIEW"));

  @Test
  void backsOffByHalfUpToFiveMinutesAndStopsAtTheDeadline() throws InterruptedException {
    List<BuildWait.Heartbeat> beats = new ArrayList<>();
    BuildWait.Result result =
        wait(PROCESSING, PROCESSING, Integer.MAX_VALUE)
            .await(PENDING, START, Duration.ofMinutes(20), Duration.ofSeconds(60), beats::add);

    assertThat(result.moved()).isFalse();
    assertThat(result.waited()).isEqualTo(Duration.ofMinutes(20));
    assertThat(sleeps)
        .containsExactly(
            Duration.ofSeconds(60),
            Duration.ofSeconds(90),
            Duration.ofSeconds(135),
            Duration.ofMillis(202_500),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Duration.ofMillis(112_500));
    assertThat(polls)
        .as("one poll per check, for both builds")
        .hasSize(sleeps.size() + 1)
        .allSatisfy(ids -> assertThat(ids).containsExactly("b1", "b2"));
    assertThat(beats).hasSize(sleeps.size() + 1);
    assertThat(beats.get(beats.size() - 1).next()).isZero();
  }

  @Test
  void aBuildThatMovesOnEndsTheWaitAtTheCheckThatSeesIt() throws InterruptedException {
    Map<String, BuildStatuses.Status> processed =
        Map.of(
            "b1", new BuildStatuses.Status("VALID", false, null),
            "b2", new BuildStatuses.Status("VALID", false, "WAITING_FOR_REVIEW"));
    BuildWait.Result result =
        wait(PROCESSING, processed, 3)
            .await(PENDING, START, Duration.ofMinutes(30), Duration.ofSeconds(30), h -> {});

    assertThat(result.moved()).isTrue();
    assertThat(polls).hasSize(4);
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(45), Duration.ofMillis(67_500));
    assertThat(result.waited()).isEqualTo(Duration.ofMillis(142_500));
  }
}
