package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The re-check before the first write is part of apply: when the hourly budget runs out while it
 * reads (here 14 requests: 8 to plan, then the re-check's), the log says so at once, and SIGTERM
 * ends the wait within 5 s, saying nothing was changed, with the exit status of a program the
 * signal stopped. (Before, the re-check ran before apply's progress: it waited up to an hour in
 * silence.)
 */
@DisabledOnOs(OS.WINDOWS)
@IntegrationTest
class RecheckSignalTest extends SandboxTest {
  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    return SandboxOptions.defaults().withHourlyLimit(14).withClock(MutableClock.aheadOfSystem());
  }

  @Test
  void aSignalWhileTheReCheckWaitsForTheRateLimitEndsHavingWrittenNothing() throws Exception {
    Path file = example(tmp);
    Process p = SignalTest.start(sandbox, invitationLog, file, false);
    try {
      BlockingQueue<SignalTest.Line> lines = new LinkedBlockingQueue<>();
      List<String> output = new ArrayList<>();
      Thread reader = SignalTest.read(p, lines, output);
      SignalTest.Line waiting =
          SignalTest.next(
              lines, Duration.ofSeconds(120), "waiting for the hourly rate limit", output);
      assertThat(waiting.text()).startsWith("[0/23] 0 %");
      assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor())
          .isZero();
      boolean ended = p.waitFor(5, TimeUnit.SECONDS);
      reader.join(TimeUnit.SECONDS.toMillis(5));
      String all;
      synchronized (output) {
        all = String.join("\n", output);
      }
      assertThat(ended).as(all).isTrue();
      assertThat(p.exitValue()).as(all).isEqualTo(143);
      assertThat(all).contains("error: stopped before the first write; nothing was changed.");
      assertThat(writes()).as("nothing was written").isZero();
    } finally {
      p.destroyForcibly();
    }
  }
}
