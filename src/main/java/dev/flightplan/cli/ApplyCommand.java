package dev.flightplan.cli;

import dev.flightplan.api.CredentialsException;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.config.DesiredState;
import dev.flightplan.engine.Engine;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Plan;
import dev.flightplan.render.ApplyTextView;
import dev.flightplan.render.PlanTextView;
import dev.flightplan.render.Style;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code flightplan apply}: plans, asks for confirmation (or takes --auto-approve), applies, then plans again and
 * fails if anything is left to do.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = "Make App Store Connect match the file, then check that it does.")
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin FileOptions file;
  @Mixin ConnectionOptions connection;
  @Mixin PlanningOptions planning;

  @Option(names = "--auto-approve", description = "Apply without asking (needed when not at a terminal).")
  boolean autoApprove;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws CredentialsException, IOException {
    Environment env = root.env;
    Style style = Views.style(env, output);
    Optional<DesiredState> desired = Views.load(file.file, env, style);
    if (desired.isEmpty()) {
      return ExitCodes.ERROR;
    }
    if (!autoApprove && !env.terminal()) {
      env.err().println("error: apply needs --auto-approve when it is not run at a terminal (nothing was changed)");
      return ExitCodes.ERROR;
    }
    try (Connection conn = Connection.open(connection, env)) {
      Engine engine = new Engine(conn.client(), env.env());
      Optional<Plan> planned = Views.plan(engine, desired.get(), planning.toOptions(), env, style);
      if (planned.isEmpty()) {
        return ExitCodes.ERROR;
      }
      Plan plan = planned.get();
      new PlanTextView(env.out(), style).render(plan);
      if (!plan.hasChanges()) {
        return ExitCodes.OK;
      }
      if (!autoApprove && !confirmed(env)) {
        env.out().println("Apply cancelled; nothing was changed.");
        return ExitCodes.ERROR;
      }
      env.out().println();
      ApplyTextView view = new ApplyTextView(env.out(), style);
      ApplyReport report = engine.apply(plan, r -> view.progress(r, plan.calls().size()));
      view.render(report);
      if (!report.succeeded()) {
        return ExitCodes.ERROR;
      }
      return verify(engine, desired.get(), env, style);
    }
  }

  /** Every write is confirmed: plan again, and fail naming each object that still differs. */
  private int verify(Engine engine, DesiredState desired, Environment env, Style style) {
    Plan again = engine.plan(desired, planning.toOptions()).plan();
    if (!again.hasChanges()) {
      env.out().println("Verified: App Store Connect now matches the file.");
      return ExitCodes.OK;
    }
    env.err().println(style.red("error:") + " after apply, " + again.actions().size()
        + " object(s) still differ from the file:");
    for (Action a : again.actions()) {
      env.err().println("  " + a.kind().symbol() + " " + a.address() + (a.reason() == null ? "" : " (" + a.reason() + ")"));
    }
    return ExitCodes.ERROR;
  }

  private static boolean confirmed(Environment env) throws IOException {
    env.out().println();
    env.out().println("Do you want to perform these actions?");
    env.out().println("  Only 'yes' will be accepted to approve.");
    env.out().print("  Enter a value: ");
    env.out().flush();
    String answer = env.in().readLine();
    return answer != null && answer.trim().equals("yes");
  }
}
