package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer the client cannot make sense of (App Store Connect creates the group, then a broken
 * proxy hands back a 201 whose body is JSON but no JSON:API document, so the new group's id is
 * nowhere) throws inside the call. That call fails like any other: the report of what was and was
 * not done is printed, apply exits 1, and running apply again finishes the job.
 */
@IntegrationTest
class UnexpectedAnswerTest extends SandboxTest {
  @TempDir Path tmp;

  @Test
  void anExceptionInOneCallIsItsFailureAndTheReportIsPrinted() throws IOException {
    Path file = example(tmp);

    sandbox.failNext("POST /v1/betaGroups", "garbled-after");
    CliRunner.Result failed = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(failed.exit()).as(failed.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(sandbox.faultsInjected()).containsEntry("garbled_after", 1L);
    assertThat(failed.out())
        .contains("Apply failed at request")
        .contains("POST /v1/betaGroups (create group \"Public Beta\")")
        .contains(
            "unexpected error: java.lang.IllegalStateException: POST /v1/betaGroups returned no resource id")
        .contains("Done (")
        .contains("Not done (")
        .contains("  + group \"Public Beta\" (failed)")
        .contains("Run apply again to finish");
    assertThat(failed.err()).doesNotContain("internal error");

    CliRunner.Result rerun = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(rerun.exit()).as(rerun.all()).isZero();
    assertThat(rerun.out()).contains("Verified: App Store Connect now matches the file.");
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode").exit())
        .isZero();
  }
}
