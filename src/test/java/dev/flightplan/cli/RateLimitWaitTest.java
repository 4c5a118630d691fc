package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flightplan.bench.Synthetic;
import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key allowed 30 requests an hour, an apply that needs about 70, and requests a minute apart on a
 * clock the sandbox and the client share (the sandbox moves it on by a minute with each answer; the
 * client's waits move it, without sleeping). When the budget is spent, the apply's log says at once
 * that it waits for the hourly rate limit and when it resumes, and that time is the one the rolling
 * hour gives: the sandbox's oldest request of the hour leaving it, half an hour after the budget
 * ran out, not an hour after.
 */
@IntegrationTest
class RateLimitWaitTest extends SandboxTest {
  private static final Synthetic APP = new Synthetic("com.example.bench", "2000000001", 60, 4);
  private static final Duration PER_REQUEST = Duration.ofMinutes(1);
  private static final Pattern WAITING =
      Pattern.compile(
          "waiting for the hourly rate limit, resumes at (\\d\\d:\\d\\d) UTC \\(in (\\d+) min (\\d+) s\\)");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));

  /** When the sandbox counted each request it accepted, on the shared clock. */
  private final List<Instant> accepted = Collections.synchronizedList(new ArrayList<>());

  /** Where the clock stood when the client started each wait of a minute or more. */
  private final List<Instant> longWaitsFrom = Collections.synchronizedList(new ArrayList<>());

  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    try {
      return super.options()
          .withSeedFile(APP.writeSeed(tmp.resolve("seed.json"), false))
          .withHourlyLimit(30)
          .withClock(clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theLogSaysWhenTheWaitForTheRateLimitEndsByTheRollingHour() throws IOException {
    sandbox.addListener(
        e -> {
          if (e.status() != 429 && e.status() != 401) {
            accepted.add(clock.instant());
          }
          clock.advance(PER_REQUEST);
        });
    Path file = APP.writeYaml(tmp.resolve("testflight.yaml"));
    CliRunner runner =
        cli()
            .clock(clock)
            .sleeper(
                d -> {
                  if (d.compareTo(Duration.ofMinutes(1)) >= 0) {
                    longWaitsFrom.add(clock.instant());
                  }
                  clock.advance(d);
                });
    CliRunner.Result r =
        runner.run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--parallelism", "1");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(recorder.exchanges()).noneMatch(e -> e.status() == 429);

    String line =
        r.out()
            .lines()
            .filter(l -> l.contains("waiting for the hourly rate limit"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no line tells of the wait:\n" + r.out()));
    Matcher m = WAITING.matcher(line);
    assertThat(m.find()).as(line).isTrue();
    Duration shown =
        Duration.ofMinutes(Long.parseLong(m.group(2))).plusSeconds(Long.parseLong(m.group(3)));
    Instant waitStarted = longWaitsFrom.get(0);
    // the sandbox accepts the next request once its oldest of the hour has left the window
    Instant firstAccepted = accepted.get(0);
    Duration real = Duration.between(waitStarted, firstAccepted.plus(Duration.ofHours(1)));
    assertThat(real)
        .as("the budget ran out well within the hour")
        .isBetween(Duration.ofMinutes(20), Duration.ofMinutes(40));
    assertThat((double) shown.toSeconds())
        .as(line)
        .isCloseTo(real.toSeconds(), within(real.toSeconds() * 0.10));
    Instant resumesAt = Instant.parse("2026-11-26T" + m.group(1) + ":00Z");
    assertThat(Duration.between(waitStarted.plus(shown), resumesAt))
        .as("the time of day, rounded up to the minute")
        .isBetween(Duration.ZERO, Duration.ofMinutes(1));

    CliRunner.Result again =
        runner.run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }
}
