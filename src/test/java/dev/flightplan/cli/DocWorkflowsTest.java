package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.render.EmailMask;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flightplan commands of the workflows and actions as shipped (examples/ and
 * .github/workflows/, read at test time) run, as a step of a GitHub Actions job
 * (GITHUB_ACTIONS=true), in the order a repository meets them: a pull request's plan, the apply of
 * that reviewed plan on merge (its artifact downloaded to {@code reviewed/}), the nightly drift
 * check, the morning reminders; the other files' commands after them. Each exits as its workflow
 * expects, prints no email address, and leaves the pull request's Markdown free of workflow
 * commands. The command lines themselves are also checked by {@link WorkflowCommandsTest}.
 */
@IntegrationTest
class DocWorkflowsTest extends SandboxTest {
  /**
   * The workflows that pass a plan along, in the order a repository meets them, and the exit each
   * expects.
   */
  private static final List<String> ORDER =
      List.of(
          "flightplan-plan.yml",
          "flightplan-apply.yml",
          "flightplan-drift.yml",
          "flightplan-reminders.yml");

  private static final Map<String, Integer> EXIT =
      Map.of(
          "flightplan-plan.yml",
          ExitCodes.CHANGES,
          // the example owns all groups, and the demo's Old Beta is not in it: drift, which only
          // --prune deletes
          "flightplan-drift.yml",
          ExitCodes.CHANGES);

  @TempDir Path tmp;

  @Test
  void theWorkflowsFlightplanCommandsRunAsShippedOneAfterTheOther() throws IOException {
    DocWorkspace workspace =
        new DocWorkspace(
            tmp, sandbox, Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", tmp.toString()));
    List<Path> files =
        DocFiles.workflows().stream()
            .sorted(Comparator.comparingInt(DocWorkflowsTest::rank))
            .toList();
    List<WorkflowCommandsTest.Invocation> all = WorkflowCommandsTest.invocations(files);
    assertThat(all).extracting(i -> i.file().getFileName().toString()).containsAll(ORDER);
    for (WorkflowCommandsTest.Invocation i : all) {
      String name = i.file().getFileName().toString();
      if (name.equals("flightplan-apply.yml")) {
        // the workflow's `gh run download` of the pull request's plan artifact
        Files.createDirectories(tmp.resolve("reviewed"));
        Files.copy(
            tmp.resolve("plan.json"),
            tmp.resolve("reviewed/plan.json"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      CliRunner.Result r = workspace.run(i.args(), null);
      String what = i.file() + ": flightplan " + String.join(" ", i.args());
      assertThat(r.exit())
          .as("%s%n%s", what, r.all())
          .isEqualTo(EXIT.getOrDefault(name, ExitCodes.OK));
      assertThat(RunnerCommands.read(r.out()))
          .as("%s: workflow commands on stdout (the plan document)", what)
          .isEmpty();
      if (i.args().contains("--mask-emails")) {
        assertThat(EmailMask.containsEmail(r.all()))
            .as("%s prints an email address%n%s", what, r.all())
            .isFalse();
      }
    }
    CliRunner.Result again =
        workspace.run(
            List.of("plan", "-f", "testflight/testflight.yaml", "--detailed-exitcode"), null);
    assertThat(again.exit()).as(again.all()).isZero();
  }

  private static int rank(Path file) {
    int at = ORDER.indexOf(file.getFileName().toString());
    return at < 0 ? ORDER.size() : at;
  }
}
