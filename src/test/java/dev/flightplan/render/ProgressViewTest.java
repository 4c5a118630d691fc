package dev.flightplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.apply.CallResult;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.sandbox.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressViewTest {
  /** Each reading of the time moves it on by {@code step}: one finished call per step. */
  private static final class SteppingClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final Duration step;

    SteppingClock(Duration step) {
      this.step = step;
    }

    @Override
    public Instant instant() {
      Instant t = now;
      now = now.plus(step);
      return t;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static CallResult result(int i, CallResult.Status status) {
    ApiCall call =
        new ApiCall(
            "POST",
            "/v1/betaTesters",
            null,
            null,
            "create tester \"t" + i + "@example.com\"",
            List.of(Address.tester("com.example.app", "t" + i + "@example.com")));
    return new CallResult(call, status, status == CallResult.Status.FAILED ? "422" : null);
  }

  @Test
  void smallPlansGetALinePerCallInALog() {
    StringWriter out = new StringWriter();
    ProgressView view =
        new ProgressView(
            new PrintWriter(out),
            Style.PLAIN,
            false,
            new SteppingClock(Duration.ofMillis(50)),
            3,
            n -> Duration.ZERO);
    view.accept(result(1, CallResult.Status.DONE));
    view.accept(result(2, CallResult.Status.FAILED));
    view.finish();
    assertThat(out.toString())
        .isEqualTo(
            "[1/3] done: create tester \"t1@example.com\"\n[2/3] FAILED: create tester \"t2@example.com\"\n");
  }

  @Test
  void bigPlansGetAStatusLineEveryTenSecondsInALogWithTheTimeLeft() {
    StringWriter out = new StringWriter();
    // 100 ms per call: 1,000 calls take 100 s, a status line every 10 s
    ProgressView view =
        new ProgressView(
            new PrintWriter(out),
            Style.PLAIN,
            false,
            new SteppingClock(Duration.ofMillis(100)),
            1000,
            n -> Duration.ZERO);
    for (int i = 1; i <= 1000; i++) {
      view.accept(result(i, i == 500 ? CallResult.Status.FAILED : CallResult.Status.DONE));
    }
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(11);
    assertThat(lines.get(0))
        .isEqualTo("[100/1,000] 10 % · 10.0 requests/s · about 1 min 30 s left");
    assertThat(lines).contains("[500/1,000] FAILED: create tester \"t500@example.com\"");
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("[1,000/1,000] 100 % · all sent in 1 min 40 s");
  }

  @Test
  void theTimeLeftIsThatOfPacingWhenTheRateLimitIsTheBottleneck() {
    StringWriter out = new StringWriter();
    ProgressView view =
        new ProgressView(
            new PrintWriter(out),
            Style.PLAIN,
            false,
            new SteppingClock(Duration.ofMillis(100)),
            1000,
            n -> Duration.ofSeconds(n)); // a request a second once the budget is spent
    for (int i = 1; i <= 100; i++) {
      view.accept(result(i, CallResult.Status.DONE));
    }
    assertThat(out.toString())
        .isEqualTo(
            "[100/1,000] 10 % · 10.0 requests/s · paced to the rate limit, about 15 min 00 s left\n");
  }

  @Test
  void aTerminalGetsOneStatusLineRedrawnInPlace() {
    StringWriter out = new StringWriter();
    ProgressView view =
        new ProgressView(
            new PrintWriter(out),
            Style.PLAIN,
            true,
            new SteppingClock(Duration.ofMillis(50)),
            4,
            n -> Duration.ZERO);
    for (int i = 1; i <= 4; i++) {
      view.accept(result(i, i == 3 ? CallResult.Status.FAILED : CallResult.Status.DONE));
    }
    view.finish();
    String text = out.toString();
    assertThat(text).contains("\r\u001b[2K[3/4] FAILED: create tester \"t3@example.com\"\n");
    assertThat(text).endsWith("\r\u001b[2K[4/4] 100 % · all sent in 1 s\n"); // 200 ms, rounded up
    assertThat(text.chars().filter(c -> c == '\n').count())
        .isEqualTo(2); // the failure, and the final status
  }

  @Test
  void aLogGetsALineEveryTenSecondsAlsoWhileNothingFinishes() {
    StringWriter out = new StringWriter();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    ProgressView view =
        new ProgressView(new PrintWriter(out), Style.PLAIN, false, clock, 4, n -> Duration.ZERO);
    clock.advance(Duration.ofSeconds(2));
    view.accept(result(1, CallResult.Status.DONE));
    for (int second = 1; second <= 35; second++) { // a slow request: nothing finishes for 35 s
      clock.advance(Duration.ofSeconds(1));
      view.heartbeat();
    }
    assertThat(out.toString().lines())
        .containsExactly(
            "[1/4] done: create tester \"t1@example.com\"",
            "[1/4] 25 % · 0.1 requests/s · about 36 s left", // 10 s after the last line
            "[1/4] 25 % · 0.0 requests/s · about 1 min 06 s left",
            "[1/4] 25 % · 0.0 requests/s · about 1 min 36 s left");
  }

  @Test
  void aWaitForTheRateLimitIsToldAtOnceAndCountedDownEveryTenSeconds() {
    StringWriter out = new StringWriter();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    ProgressView view =
        new ProgressView(
            new PrintWriter(out),
            Style.PLAIN,
            false,
            clock,
            200,
            n -> Duration.ofMinutes(40).plusSeconds(n)); // the wait, then a request a second
    for (int i = 1; i <= 150; i++) {
      view.accept(result(i, CallResult.Status.DONE));
    }
    view.waiting(clock.instant().plus(Duration.ofMinutes(39).plusSeconds(40)));
    for (int second = 1; second <= 25; second++) {
      clock.advance(Duration.ofSeconds(1));
      view.heartbeat();
    }
    view.waiting(clock.instant().plusSeconds(9)); // a short wait is not worth a line of its own
    assertThat(out.toString().lines())
        .containsExactly(
            "[150/200] 75 % · waiting for the hourly rate limit, resumes at 10:40 UTC (in 39 min 40 s) · about 40 min 50 s left",
            "[150/200] 75 % · waiting for the hourly rate limit, resumes at 10:40 UTC (in 39 min 30 s) · about 40 min 50 s left",
            "[150/200] 75 % · waiting for the hourly rate limit, resumes at 10:40 UTC (in 39 min 20 s) · about 40 min 50 s left");
  }

  @Test
  void noHeartbeatAfterTheEnd() {
    StringWriter out = new StringWriter();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    ProgressView view =
        new ProgressView(new PrintWriter(out), Style.PLAIN, false, clock, 1, n -> Duration.ZERO);
    view.start();
    view.accept(result(1, CallResult.Status.DONE));
    view.finish();
    clock.advance(Duration.ofMinutes(1));
    view.heartbeat();
    assertThat(out.toString()).isEqualTo("[1/1] done: create tester \"t1@example.com\"\n");
  }
}
