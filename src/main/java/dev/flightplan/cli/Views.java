package dev.flightplan.cli;

import dev.flightplan.config.ConfigLoader;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.LoadResult;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.engine.Engine;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.render.DiagnosticsView;
import dev.flightplan.render.Style;
import java.nio.file.Path;
import java.util.Optional;

/** Small pieces the commands share: loading the file with its diagnostics shown, and the terminal style. */
final class Views {
  private Views() {}

  static Style style(Environment env, OutputOptions output) {
    return new Style(env.color() && !output.noColor);
  }

  /** Loads and validates the file; prints every diagnostic to stderr; empty when there was an error. */
  static Optional<DesiredState> load(Path file, Environment env, Style style) {
    LoadResult result = ConfigLoader.load(file);
    showDiagnostics(result.diagnostics(), env, style);
    return result.state();
  }

  /** Plans against the live state and prints the plan's diagnostics; empty when the plan has an error. */
  static Optional<Plan> plan(Engine engine, DesiredState desired, PlanOptions options, Environment env, Style style) {
    Plan plan = engine.plan(desired, options).plan();
    showDiagnostics(plan.diagnostics(), env, style);
    return plan.diagnostics().hasErrors() ? Optional.empty() : Optional.of(plan);
  }

  static void showDiagnostics(Diagnostics diagnostics, Environment env, Style style) {
    if (!diagnostics.isEmpty()) {
      new DiagnosticsView(env.err(), style).render(diagnostics);
    }
  }
}
