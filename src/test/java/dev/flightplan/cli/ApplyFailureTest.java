package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request refused half way through an apply: apply stops, says what was done and what was not,
 * changes nothing else, and once the cause is fixed, running apply again finishes the job.
 */
@IntegrationTest
class ApplyFailureTest extends SandboxTest {
  @TempDir Path tmp;

  @Test
  void stopsAtTheFirstFailureReportsAndARerunFinishes() throws IOException {
    String example = Files.readString(Path.of("examples/testflight.yaml"));
    // zed is not an App Store Connect user, so App Store Connect refuses him in an internal group
    // (422)
    String broken =
        example.replace(
            "      - name: Friends & Family\n",
            "      - name: Leads\n        internal: true\n        testers: [zed@example.com]\n\n      - name: Friends & Family\n");
    assertThat(broken).isNotEqualTo(example);
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, broken);
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));

    // the plan would refuse zed before any write, but this key may not list the team's users (403),
    // so the plan
    // cannot check him, and App Store Connect refuses him half way
    sandbox.failNext("GET /v1/users", "403");
    CliRunner.Result failed = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(failed.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(failed.out())
        .contains("the membership of internal groups could not be checked")
        .contains("Apply failed at request")
        .contains("POST /v1/betaTesters (create tester \"zed@example.com\"")
        .contains("422 ENTITY_UNPROCESSABLE")
        .contains("Done (")
        .contains("  + group \"Leads\"")
        .contains("  + group \"Public Beta\"")
        .contains("Not done (")
        .contains("  + tester \"zed@example.com\" (failed)")
        .contains("  ~ group \"Friends & Family\" (not sent)")
        .contains("Run apply again to finish");
    assertThat(sandbox.requestCounts())
        .doesNotContainKey("DELETE /v1/betaGroups/{id}/relationships/betaTesters");

    // what was done is not planned again; what was not is
    sandbox.failNext("GET /v1/users", "403");
    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(plan.out())
        .doesNotContain("+ group \"Leads\"")
        .doesNotContain("+ group \"Public Beta\"")
        .contains("+ tester \"zed@example.com\"")
        .contains("- \"frank@example.com\"");

    Files.writeString(
        file, broken.replace("testers: [zed@example.com]", "testers: [erin@example.com]"));
    CliRunner.Result rerun = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(rerun.exit()).as(rerun.all()).isZero();
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode").exit())
        .isZero();
  }
}
