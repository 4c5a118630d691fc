package dev.flightplan.cli;

import dev.flightplan.api.CredentialsException;
import dev.flightplan.config.DesiredState;
import dev.flightplan.engine.Engine;
import dev.flightplan.plan.Plan;
import dev.flightplan.render.PlanTextView;
import dev.flightplan.render.Style;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code flightplan plan}: reads the live state and shows what apply would change. Changes nothing. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = "Show what apply would change in App Store Connect. Changes nothing.")
final class PlanCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin FileOptions file;
  @Mixin ConnectionOptions connection;
  @Mixin PlanningOptions planning;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 0 when there are no changes, 2 when there are, 1 on error (for scheduled drift checks).")
  boolean detailedExitcode;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws CredentialsException, IOException {
    Environment env = root.env;
    Style style = Views.style(env, output);
    Optional<DesiredState> desired = Views.load(file.file, env, style);
    if (desired.isEmpty()) {
      return ExitCodes.ERROR;
    }
    try (Connection conn = Connection.open(connection, env)) {
      Optional<Plan> plan = Views.plan(new Engine(conn.client(), env.env()), desired.get(), planning.toOptions(), env, style);
      if (plan.isEmpty()) {
        return ExitCodes.ERROR;
      }
      new PlanTextView(env.out(), style).render(plan.get());
      return detailedExitcode && plan.get().hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
  }
}
