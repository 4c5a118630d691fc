package dev.flightplan.cli;

import dev.flightplan.config.DesiredState;
import dev.flightplan.render.Style;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code flightplan validate}: checks the file offline (schema and semantic rules); no API call.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description =
        "Check the desired-state file offline: schema and rules, every problem as file:line:col.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flightplan validate -f testflight.yaml",
      "  flightplan validate -f examples/testflight.yaml --no-color",
      "  git show main:testflight.yaml | flightplan validate -f -"
    })
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin FileOptions file;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    Environment env = Views.env(root.env, output);
    Style style = Views.style(env, output);
    Optional<DesiredState> state = Views.load(file, env, style);
    if (state.isEmpty()) {
      return ExitCodes.ERROR;
    }
    DesiredState s = state.get();
    int groups = s.apps().stream().mapToInt(a -> a.groups().size()).sum();
    int testers = s.apps().stream().mapToInt(a -> a.testers().size()).sum();
    env.out()
        .println(
            style.green("Valid: ")
                + file.name()
                + " ("
                + count(s.apps().size(), "app")
                + ", "
                + count(groups, "group")
                + ", "
                + count(testers, "tester")
                + ")");
    return ExitCodes.OK;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
