package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.Limits;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -f -} reads the desired-state file from standard input, as kubectl does: diagnostics name
 * it {@code <stdin>}, the files it names are relative to the working directory and confined to it,
 * the 32 MiB limit holds, and a plan of it is never saved, since {@code apply PLAN} could not read
 * it again to check the result.
 */
@IntegrationTest
class StdinConfigTest extends SandboxTest {
  /**
   * The example as read from the repository's root (the tests' working directory): its password
   * file is there.
   */
  private static String example() throws IOException {
    return Files.readString(Path.of("examples/testflight.yaml"))
        .replace("{ file: demo-password.txt }", "{ file: examples/demo-password.txt }");
  }

  @Test
  void validateReadsStandardInputAndNamesItInDiagnostics() throws IOException {
    CliRunner.Result valid = cli().stdin(example()).run("validate", "-f", "-");
    assertThat(valid.exit()).as(valid.all()).isZero();
    assertThat(valid.out()).startsWith("Valid: <stdin> (1 app, 3 groups, 4 testers)");

    CliRunner.Result typo =
        cli()
            .stdin(example().replace("\n    testers:", "\n    testres:"))
            .run("validate", "-f", "-");
    assertThat(typo.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(typo.err())
        .startsWith("<stdin>:98:5: error: unknown key \"testres\"; did you mean \"testers\"?");
  }

  @Test
  void applyFromStandardInputNeedsAutoApproveAndThenConverges() throws IOException {
    CliRunner.Result asked = cli().terminal(example()).run(sandbox, "apply", "-f", "-");
    assertThat(asked.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(asked.err())
        .startsWith(
            "error: apply -f - needs --auto-approve: standard input is the desired-state file");
    assertThat(sandbox.totalRequests()).isZero();

    CliRunner.Result applied =
        cli().stdin(example()).run(sandbox, "apply", "-f", "-", "--auto-approve");
    assertThat(applied.exit()).as(applied.all()).isZero();
    assertThat(applied.out()).contains("Apply complete");
    CliRunner.Result again =
        cli().stdin(example()).run(sandbox, "plan", "-f", "-", "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.out()).contains("No changes.");
  }

  @Test
  void filesItNamesAreRelativeToTheWorkingDirectoryAndConfinedToIt(@TempDir Path tmp)
      throws IOException {
    // relative to the file's own directory (examples/) this would be found; from standard input it
    // is not
    CliRunner.Result missing =
        cli()
            .stdin(Files.readString(Path.of("examples/testflight.yaml")))
            .run(sandbox, "plan", "-f", "-");
    assertThat(missing.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(missing.err())
        .contains(
            "<stdin>:47:28: error: cannot read the secret file demo-password.txt: no such file")
        .contains(
            "the path is relative to the working directory, since the desired-state file is standard input");

    Path elsewhere = Files.writeString(tmp.resolve("password.txt"), "kept-outside");
    CliRunner.Result outside =
        cli()
            .stdin(example().replace("examples/demo-password.txt", elsewhere.toString()))
            .run(sandbox, "plan", "-f", "-");
    assertThat(outside.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(outside.err()).doesNotContain("kept-outside");
    assertThat(outside.err())
        .contains(
            "<stdin>:47:28: error: cannot read the secret file "
                + elsewhere
                + ": it is outside "
                + Path.of("").toRealPath()
                + ", the working directory, since the desired-state file is standard input");
    assertThat(sandbox.totalRequests()).as("requests after the refused files").isZero();
  }

  @Test
  void aPlanOfStandardInputIsNotSaved(@TempDir Path tmp) throws IOException {
    Path plan = tmp.resolve("plan.json");
    CliRunner.Result r =
        cli().stdin(example()).run(sandbox, "plan", "-f", "-", "-o", plan.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .startsWith(
            "error: -o cannot save a plan of standard input (-f -): apply PLAN reads the desired-state"
                + " file again to check the result")
        .contains("plan it with -f FILE -o " + plan);
    assertThat(plan).doesNotExist();
    assertThat(sandbox.totalRequests()).isZero();
  }

  @Test
  void standardInputIsHeldToTheLimitsOfAFile() throws IOException {
    byte[] tooLarge = new byte[Limits.MAX_FILE_BYTES + 1];
    Arrays.fill(tooLarge, (byte) '#');
    CliRunner.Result large = cli().stdin(tooLarge).run("validate", "-f", "-");
    assertThat(large.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(large.err())
        .isEqualTo(
            "<stdin>: error: cannot read <stdin>: it is more than 32 MiB; flightplan reads at most that\n1 error.\n");

    byte[] notUtf8 =
        "version: 1\napps: []\n# \u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    CliRunner.Result latin1 = cli().stdin(notUtf8).run("validate", "-f", "-");
    assertThat(latin1.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(latin1.err())
        .startsWith("<stdin>: error: cannot read <stdin>: it is not UTF-8 text");
  }
}
