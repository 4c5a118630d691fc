package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.bench.Synthetic;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --batch-size} and {@code --parallelism} on the command line: 30 testers in the sandbox,
 * and a file that puts every one of them in "Beta 03" as well, so that the plan adds existing
 * testers to a group.
 */
@IntegrationTest
class ScaleOptionsTest extends SandboxTest {
  private static final Synthetic APP = new Synthetic("com.example.bench", "2000000001", 30, 4);

  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    try {
      return super.options().withSeedFile(APP.writeSeed(tmp.resolve("seed.json"), true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file, with "Beta 03" listing every tester itself (the testers' own lists stay as they are).
   */
  private Path everyoneInBeta03() throws IOException {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < APP.testers(); i++) {
      emails.add(APP.email(i));
    }
    String yaml =
        APP.yaml()
            .replace(
                "      - name: Beta 03\n",
                "      - name: Beta 03\n        testers: [" + String.join(", ", emails) + "]\n");
    assertThat(yaml).contains("testers: [tester000000@example.com");
    return Files.writeString(tmp.resolve("testflight.yaml"), yaml);
  }

  private static long joining() {
    long n = 0;
    for (int i = 0; i < APP.testers(); i++) {
      n += APP.groupsOf(i).contains(3) ? 0 : 1;
    }
    return n;
  }

  @Test
  void theBatchSizeSetsTestersPerMembershipRequest() throws IOException {
    Path file = everyoneInBeta03();
    long joining = joining();
    assertThat(joining).isBetween(2L, 29L);

    CliRunner.Result byDefault = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(byDefault.exit()).as(byDefault.all()).isZero();
    assertThat(byDefault.out())
        .contains("     1  POST /v1/betaGroups/{id}/relationships/betaTesters");
    CliRunner.Result oneByOne =
        cli().run(sandbox, "plan", "-f", file.toString(), "--batch-size", "1");
    assertThat(oneByOne.out())
        .contains(
            String.format("%6d  POST /v1/betaGroups/{id}/relationships/betaTesters", joining));

    CliRunner.Result apply =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--auto-approve",
                "--batch-size",
                "2",
                "--parallelism",
                "3");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(sandbox.requestCounts())
        .containsEntry("POST /v1/betaGroups/{id}/relationships/betaTesters", (joining + 1) / 2);
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode").exit())
        .isZero();
  }

  @Test
  void aSavedPlanKeepsItsBatchSizeAndTakesAnyParallelism() throws IOException {
    Path file = everyoneInBeta03();
    Path saved = tmp.resolve("plan.json");
    assertThat(
            cli()
                .run(
                    sandbox,
                    "plan",
                    "-f",
                    file.toString(),
                    "-o",
                    saved.toString(),
                    "--batch-size",
                    "4")
                .exit())
        .isZero();
    assertThat(Files.readString(saved))
        .contains("\"batch_size\": 4")
        .contains("\"phase\": \"membership_add\"");

    CliRunner.Result refused = cli().run(sandbox, "apply", saved.toString(), "--batch-size", "200");
    assertThat(refused.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("--batch-size cannot be used with a saved plan");

    CliRunner.Result applied = cli().run(sandbox, "apply", saved.toString(), "--parallelism", "4");
    assertThat(applied.exit()).as(applied.all()).isZero();
    assertThat(applied.out()).contains("Verified:");
    assertThat(sandbox.requestCounts())
        .containsEntry("POST /v1/betaGroups/{id}/relationships/betaTesters", (joining() + 3) / 4);
  }

  @Test
  void outOfRangeValuesAreUsageErrors() throws IOException {
    Path file = everyoneInBeta03();
    CliRunner.Result none = cli().run(sandbox, "plan", "-f", file.toString(), "--parallelism", "0");
    assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err()).contains("--parallelism must be between 1 and 16, got 0");
    assertThat(
            cli()
                .run(
                    sandbox,
                    "apply",
                    "-f",
                    file.toString(),
                    "--auto-approve",
                    "--parallelism",
                    "17")
                .exit())
        .isEqualTo(ExitCodes.USAGE);
    CliRunner.Result empty = cli().run(sandbox, "plan", "-f", file.toString(), "--batch-size", "0");
    assertThat(empty.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(empty.err()).contains("--batch-size must be at least 1, got 0");
    assertThat(sandbox.totalRequests()).isZero();
  }
}
