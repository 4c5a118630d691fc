package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flightplan sandbox --advance-clock}: a duration that does not move time forward is a usage
 * error.
 */
@IntegrationTest
class AdvanceClockCliTest {
  @TempDir Path tmp;

  @Test
  void refusesDurationsThatDoNotMoveTimeForward() {
    for (String bad : new String[] {"-P1D", "PT0S", "tomorrow"}) {
      CliRunner.Result r =
          CliRunner.plain()
              .run("sandbox", "--advance-clock", bad, "--state", tmp.resolve("s.json").toString());
      assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .contains("error: --advance-clock: '" + bad + "' is no positive ISO-8601 duration");
    }
    assertThat(tmp.resolve("s.json")).doesNotExist();
  }

  @Test
  void theHelpSaysHowToMoveTheClockWhileItRuns() {
    assertThat(CliRunner.plain().run("sandbox", "--help").out())
        .contains("--advance-clock=DURATION")
        .contains("POST /sandbox/clock");
  }
}
