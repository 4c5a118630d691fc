package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan that adds 2,000 testers, as a user sees it: a summary per kind and group by default (text
 * and Markdown), every change with {@code --full}, the JSON plan complete whatever is asked; apply
 * shows the same summary before it applies. Prints the line counts the README gives.
 */
@IntegrationTest
class CompactPlanTest extends SandboxTest {
  private static final String SUMMARY =
      "flightplan will perform the following actions (a summary of 2,016 changes; --full lists each one):\n";

  @TempDir Path tmp;
  private Path file;

  @Override
  protected SandboxOptions options() {
    return SandboxOptions.defaults().withHourlyLimit(1_000_000);
  }

  @Override
  protected boolean checkEachShapeOnce() {
    return true;
  }

  @BeforeEach
  void file() throws IOException {
    file = SoakTest.withTesters(tmp, SoakTest.TESTERS);
  }

  @Test
  void theTextViewSummarisesAndFullListsEveryChange() {
    CliRunner.Result compact = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(compact.exit()).as(compact.all()).isZero();
    assertThat(compact.out())
        .startsWith(SUMMARY)
        .contains("  + tester: 2,002 to create\n      + \"bob@example.com\"\n")
        .contains("  ~ \"Soak\": 2,000 added\n      + \"soak0001@example.com\"\n")
        .contains("        … and 1,995 more added\n")
        .contains("Plan: 2007 to add, 8 to change, 0 to destroy, 1 to send.");
    CliRunner.Result full = cli().run(sandbox, "plan", "-f", file.toString(), "--full");
    assertThat(full.out())
        .startsWith("flightplan will perform the following actions:\n")
        .contains("  + tester \"soak2000@example.com\" {");
    long compactLines = compact.out().lines().count();
    long fullLines = full.out().lines().count();
    System.out.printf(
        "2,000-tester plan: %,d lines by default (compact), %,d with --full%n",
        compactLines, fullLines);
    assertThat(compactLines).isLessThan(100);
    assertThat(fullLines).isGreaterThan(12_000);
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "--compact").out())
        .isEqualTo(compact.out());
  }

  @Test
  void markdownSummarisesAndJsonStaysComplete() throws IOException {
    CliRunner.Result md = cli().run(sandbox, "plan", "-f", file.toString(), "--format", "markdown");
    assertThat(md.out())
        .contains(
            "> 2,016 changes, summarised per kind of object and group: `flightplan plan --full`")
        .contains("| com.example.weather | tester | 2,002 | 1 | 0 | 0 | 0 |")
        .contains("~ \"Soak\": 2,000 added\n");
    System.out.printf(
        "2,000-tester plan, Markdown: %,d characters by default, %,d with --full%n",
        md.out().length(),
        cli()
            .run(sandbox, "plan", "-f", file.toString(), "--format", "markdown", "--full")
            .out()
            .length());
    assertThat(md.out().length()).isLessThan(10_000);

    CliRunner.Result json =
        cli().run(sandbox, "plan", "-f", file.toString(), "--format", "json", "--compact");
    assertThat(new ObjectMapper().readTree(json.out()).path("resource_changes").size())
        .isEqualTo(2_016);
  }

  @Test
  void compactAndFullExcludeEachOther() {
    CliRunner.Result both =
        cli().run(sandbox, "plan", "-f", file.toString(), "--compact", "--full");
    assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).startsWith("error: --compact, --full are mutually exclusive");
    assertThat(sandbox.totalRequests()).isZero();
  }

  @Test
  void applyShowsTheSummaryThenApplies() {
    CliRunner.Result apply =
        cli()
            .sleeper(SoakTest.NO_WAIT)
            .run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(apply.out())
        .startsWith(SUMMARY)
        .contains("Verified: App Store Connect now matches the file.");
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.out()).isZero();
  }
}
