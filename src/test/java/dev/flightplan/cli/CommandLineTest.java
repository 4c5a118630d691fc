package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line itself: help, version, usage errors, credentials and endpoint checks. No sandbox
 * needed.
 */
@IntegrationTest
class CommandLineTest {
  @Test
  void helpAndVersionExitZero() {
    CliRunner.Result help = CliRunner.plain().run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("validate")
        .contains("plan")
        .contains("apply")
        .contains("sandbox")
        .contains("Exit codes");
    CliRunner.Result version = CliRunner.plain().run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("flightplan ");
    for (String command : new String[] {"validate", "plan", "apply", "show", "sandbox"}) {
      CliRunner.Result sub = CliRunner.plain().run(command, "--help");
      assertThat(sub.exit()).as(command).isZero();
      assertThat(sub.out()).as(command).contains("Usage: flightplan " + command);
    }
  }

  @Test
  void usageErrorsExit64() {
    assertThat(CliRunner.plain().run("plan", "--no-such-option").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRunner.plain().run("frobnicate").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRunner.plain().run("sandbox", "--port", "not-a-number").exit())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aUsageErrorSaysWhatIsWrongAndWhereTheHelpIsWithoutRepeatingIt() {
    CliRunner.Result unknown = CliRunner.plain().run("plan", "--bogus");
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err())
        .isEqualTo("error: Unknown option: '--bogus'\nSee 'flightplan plan --help'.\n");

    CliRunner.Result misspelt = CliRunner.plain().run("aply");
    assertThat(misspelt.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(misspelt.err())
        .startsWith("error: Unmatched argument at index 0: 'aply'\n")
        .contains("Did you mean: flightplan apply")
        .endsWith("See 'flightplan --help'.\n")
        .doesNotContain("Usage:");

    CliRunner.Result range = CliRunner.plain().run("apply", "--parallelism", "0");
    assertThat(range.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(range.err())
        .isEqualTo(
            "error: --parallelism must be between 1 and 16, got 0\nSee 'flightplan apply --help'.\n");

    CliRunner.Result retries = CliRunner.plain().run("plan", "--retries", "-1");
    assertThat(retries.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(retries.err())
        .isEqualTo("error: --retries must be 0 or more, got -1\nSee 'flightplan plan --help'.\n");
  }

  /**
   * What was typed is echoed escaped, whichever command or option the error comes from (a job's
   * arguments can come from a pull request).
   */
  @Test
  void aUsageErrorEchoesWhatWasTypedEscaped() {
    CliRunner.Result option = CliRunner.plain().run("plan", "--bo\u001b[2Jgus");
    assertThat(option.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(option.err())
        .isEqualTo("error: Unknown option: '--bo\\e[2Jgus'\nSee 'flightplan plan --help'.\n");

    CliRunner.Result out =
        CliRunner.plain().run("plan", "-f", "-", "-o", "plan\u001b]0;title\u0007.json");
    assertThat(out.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(out.err())
        .contains(" -o plan\\e]0;title\\u0007.json,")
        .doesNotContain("\u001b")
        .doesNotContain("\u0007");

    CliRunner.Result shell = CliRunner.plain().run("completion", "ba\u001b[2Jsh");
    assertThat(shell.err())
        .startsWith("error: unknown shell \"ba\\e[2Jsh\": the shells are bash, zsh, fish\n");

    CliRunner.Result app =
        CliRunner.plain()
            .run("plan", "-f", "examples/testflight.yaml", "--app", "com.\u001b[2Jexample");
    assertThat(app.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(app.err())
        .startsWith("error: --app \"com.\\e[2Jexample\" is not in ")
        .doesNotContain("\u001b");
  }

  @Test
  void sandboxAndApiUrlTogetherAreAUsageErrorInEitherOrder(@TempDir Path tmp) {
    Path state = tmp.resolve("sandbox.json");
    String[][] commands = {
      {"plan", "-f", "examples/testflight.yaml"},
      {"apply", "-f", "examples/testflight.yaml", "--auto-approve"},
      {"pull", "--app", "com.example.weather"},
    };
    for (String[] command : commands) {
      for (boolean sandboxFirst : new boolean[] {true, false}) {
        List<String> args = new ArrayList<>(List.of(command));
        List<String> endpoints =
            sandboxFirst
                ? List.of(
                    "--sandbox",
                    "--sandbox-state",
                    state.toString(),
                    "--api-url",
                    "https://api.example.com")
                : List.of(
                    "--api-url",
                    "https://api.example.com",
                    "--sandbox",
                    "--sandbox-state",
                    state.toString());
        args.addAll(endpoints);
        CliRunner.Result r = CliRunner.plain().run(args.toArray(String[]::new));
        assertThat(r.exit()).as("%s", args).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).as("%s", args).isEmpty();
        assertThat(r.err())
            .as("%s", args)
            .isEqualTo(
                "error: --sandbox and --api-url cannot be used together: --sandbox runs against"
                    + " the embedded sandbox, --api-url against the endpoint it names; pass only one\nSee 'flightplan "
                    + command[0]
                    + " --help'.\n");
      }
    }
    assertThat(state).as("no sandbox was started").doesNotExist();
  }

  @Test
  void validateReportsTheFileAndExitsZero() {
    CliRunner.Result r = CliRunner.plain().run("validate", "-f", "examples/testflight.yaml");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("Valid: examples/testflight.yaml (1 app, 3 groups, 4 testers)");
  }

  @Test
  void missingFileIsAnError() {
    CliRunner.Result r = CliRunner.plain().run("validate", "-f", "no/such/file.yaml");
    assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("no/such/file.yaml");
  }

  @Test
  void missingCredentialsAreNamed() {
    CliRunner.Result r =
        CliRunner.plain()
            .run("plan", "-f", "examples/testflight.yaml", "--api-url", "http://127.0.0.1:9");
    assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("ASC_KEY_ID").contains("ASC_ISSUER_ID").doesNotContain("\tat ");
  }

  @Test
  void plainHttpIsRefusedExceptForLoopback() {
    CliRunner.Result r =
        CliRunner.plain()
            .run("plan", "-f", "examples/testflight.yaml", "--api-url", "http://api.example.com");
    assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("--api-url must use https");
  }
}
