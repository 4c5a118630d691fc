package dev.flightplan.cli;

import dev.flightplan.config.ConfigLoader;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.LoadResult;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.render.DiagnosticsView;
import dev.flightplan.render.Style;
import java.nio.file.Path;
import java.util.Optional;

/** Small pieces the commands share: loading the file with its diagnostics shown, and the terminal style. */
final class Views {
  private Views() {}

  static Style style(Environment env, boolean noColor) {
    return new Style(env.color() && !noColor);
  }

  /** Loads and validates the file; prints every diagnostic to stderr; empty when there was an error. */
  static Optional<DesiredState> load(Path file, Environment env, Style style) {
    LoadResult result = ConfigLoader.load(file);
    showDiagnostics(result.diagnostics(), env, style);
    return result.state();
  }

  static void showDiagnostics(Diagnostics diagnostics, Environment env, Style style) {
    if (!diagnostics.isEmpty()) {
      new DiagnosticsView(env.err(), style).render(diagnostics);
    }
  }
}
