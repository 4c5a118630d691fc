package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.render.EmailMask;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a GitHub Actions job ({@code GITHUB_ACTIONS=true}) every diagnostic of validate, plan and
 * apply is also a workflow command that the runner turns into an annotation on the pull request's
 * diff, at the file (relative to {@code GITHUB_WORKSPACE}), line and column; and text from the file
 * cannot make the runner do anything else. The output is read back with {@link RunnerCommands}, as
 * the runner reads it.
 */
@IntegrationTest
class GitHubAnnotationsTest extends SandboxTest {
  @TempDir Path workspace;

  private CliRunner actions() {
    return cli().env("GITHUB_ACTIONS", "true").env("GITHUB_WORKSPACE", workspace.toString());
  }

  /**
   * The example in {@code DIR/testflight.yaml} of the workspace, with {@code from} replaced by
   * {@code to}.
   */
  private Path file(String dir, String from, String to) throws IOException {
    Path file = example(Files.createDirectories(workspace.resolve(dir)));
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
    return file;
  }

  @Test
  void aValidationErrorAnnotatesItsPlaceInTheFile() throws IOException {
    Path file = file("testflight", "\n    testers:", "\n    testres:");
    CliRunner.Result validate = actions().run("validate", "-f", file.toString());
    assertThat(validate.exit()).as(validate.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(validate.err())
        .containsPattern(
            file + ":98:5: error: unknown key \"testres\"; did you mean \"testers\"\\?\n");
    assertThat(RunnerCommands.read(validate.all()))
        .containsExactly(
            new RunnerCommands.Command(
                "error",
                Map.of(
                    "file",
                    "testflight/testflight.yaml",
                    "line",
                    "98",
                    "col",
                    "5",
                    "title",
                    "flightplan"),
                "unknown key \"testres\"; did you mean \"testers\"?"));

    CliRunner.Result elsewhere = cli().run("validate", "-f", file.toString());
    assertThat(elsewhere.err()).as("only on GitHub Actions").doesNotContain("::");
    assertThat(RunnerCommands.read(elsewhere.all())).isEmpty();
  }

  @Test
  void planAndApplyWarningsAnnotateTooWithAddressesMaskedAndTheDocumentUntouched()
      throws IOException {
    Path file = file("testflight", "firstName: Carol", "firstName: Caroline");
    CliRunner.Result plan =
        actions()
            .run(sandbox, "plan", "-f", file.toString(), "--format", "markdown", "--mask-emails");
    assertThat(plan.exit()).as(plan.all()).isZero();
    RunnerCommands.Command warning =
        new RunnerCommands.Command(
            "warning",
            Map.of(
                "file",
                "testflight/testflight.yaml",
                "line",
                "99",
                "col",
                "9",
                "title",
                "flightplan"),
            "tester c***@example.com has another first name in App Store Connect than in the file (the API cannot rename a"
                + " tester; the name is left as it is (flightplan pull shows the one App Store Connect has))");
    assertThat(RunnerCommands.read(plan.err())).containsExactly(warning);
    assertThat(plan.out())
        .as("the Markdown document")
        .startsWith("**flightplan**")
        .doesNotContain("::warning");
    assertThat(EmailMask.containsEmail(plan.all())).isFalse();

    CliRunner.Result apply =
        actions().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--mask-emails");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(RunnerCommands.read(apply.all())).containsExactly(warning);
    assertThat(EmailMask.containsEmail(apply.all())).isFalse();
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void textFromTheFileCannotForgeAWorkflowCommand() throws IOException {
    String hostile =
        "Evil\\r\\n::add-mask::secret\\n##[add-mask]x ::stop-commands::tok %0A::set-output name=a::b";
    Path file = file("we,ird:dir%2C", "groups: [Public Beta]", "groups: [\"" + hostile + "\"]");
    CliRunner.Result validate = actions().run("validate", "-f", file.toString());
    assertThat(validate.exit()).as(validate.all()).isEqualTo(ExitCodes.ERROR);

    List<RunnerCommands.Command> read = RunnerCommands.read(validate.all());
    assertThat(read)
        .extracting(RunnerCommands.Command::name)
        .as(validate.all())
        .containsExactly("stop-commands", read.get(0).data(), "error");
    RunnerCommands.Command error = read.get(2);
    assertThat(error.properties())
        .containsEntry("file", "we,ird:dir%2C/testflight.yaml")
        .containsEntry("line", "106")
        .containsEntry("col", "18");
    assertThat(error.data())
        .isEqualTo(
            "unknown group \"Evil\\r\\n::add-mask::secret\\n##[add-mask]x ::stop-commands::tok"
                + " %0A::set-output name=a::b\" (this app declares: QA, Friends & Family, Public Beta)");
    // the readable line is still in the log, whole, between the fence
    assertThat(validate.err())
        .contains(":106:18: error: unknown group \"Evil\\r\\n::add-mask::secret");
    assertThat(validate.err().lines().filter(l -> l.strip().startsWith("::")))
        .as("every line the runner could read as a command is one of flightplan's")
        .hasSize(3);
  }

  @Test
  void aFileOutsideTheWorkspaceIsNamedAsGiven(@TempDir Path elsewhere) throws IOException {
    Path file = example(elsewhere);
    Files.writeString(file, Files.readString(file).replace("\n    testers:", "\n    testres:"));
    CliRunner.Result validate = actions().run("validate", "-f", file.toString());
    assertThat(RunnerCommands.read(validate.err()))
        .singleElement()
        .satisfies(c -> assertThat(c.properties()).containsEntry("file", file.toString()));
  }
}
