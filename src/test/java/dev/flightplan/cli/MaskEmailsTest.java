package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.render.EmailMask;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mask-emails}: for a CI log that others read, nothing plan or apply print holds an email
 * address, on standard output or standard error, debug log included; the saved plan keeps them,
 * since apply needs them.
 */
@IntegrationTest
class MaskEmailsTest extends SandboxTest {
  private static final String EXAMPLE = "examples/testflight.yaml";

  @TempDir Path tmp;

  @Test
  void planAndApplyPrintNoEmailAddressAndTheSavedPlanKeepsThem() throws IOException {
    Path saved = tmp.resolve("plan.json");
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", EXAMPLE, "-o", saved.toString(), "--mask-emails");
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.out())
        .contains("+ tester \"b***@example.com\"")
        .contains("> invitation \"b***@example.com\"");
    assertNoEmail(plan);
    assertThat(Files.readString(saved)).contains("bob@example.com");

    CliRunner.Result apply =
        cli().run(sandbox, "apply", saved.toString(), "--mask-emails", "--debug");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out())
        .contains("b***@example.com")
        .contains("Verified: App Store Connect now matches the file.");
    assertThat(apply.err()).contains("debug: ");
    assertNoEmail(apply);

    CliRunner.Result again = cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void withoutTheOptionTheTerminalViewShowsAddresses() {
    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", EXAMPLE);
    assertThat(plan.out()).contains("+ tester \"bob@example.com\"");
  }

  private static void assertNoEmail(CliRunner.Result r) {
    assertThat(EmailMask.containsEmail(r.out())).as("an address on stdout:%n%s", r.out()).isFalse();
    assertThat(EmailMask.containsEmail(r.err())).as("an address on stderr:%n%s", r.err()).isFalse();
  }
}
