package dev.flightplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code flightplan completion SHELL}: prints the shell completion script of flightplan for bash,
 * zsh or fish.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description =
        "Print the shell completion script for bash, zsh or fish: commands, options and their values.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(flightplan completion bash)        # in ~/.bashrc",
      "  source <(flightplan completion zsh)         # in ~/.zshrc",
      "  flightplan completion fish > ~/.config/fish/completions/flightplan.fish"
    })
final class CompletionCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SHELL",
      completionCandidates = CompletionScript.Shell.Names.class,
      description = "bash, zsh or fish.")
  String shell;

  @Override
  public Integer call() {
    CompletionScript.Shell chosen =
        CompletionScript.Shell.named(shell)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "unknown shell \""
                            + shell
                            + "\": the shells are "
                            + String.join(", ", new CompletionScript.Shell.Names())));
    root.env.out().print(CompletionScript.of(chosen));
    root.env.out().flush();
    return ExitCodes.OK;
  }
}
