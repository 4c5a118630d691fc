package dev.flightplan.render;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import java.io.PrintWriter;

/**
 * Prints diagnostics one per line as {@code file:line:col: severity: message (hint)}, and errors
 * that concern no place in a file as {@code error: message}; either escaped ({@link TerminalText}),
 * as messages can echo what a user typed, a file held or a server said.
 */
public final class DiagnosticsView {
  private final PrintWriter out;
  private final Style style;

  public DiagnosticsView(PrintWriter out, Style style) {
    this.out = out;
    this.style = style;
  }

  public void render(Diagnostics diagnostics) {
    for (Diagnostic d : diagnostics.items()) {
      String line = TerminalText.escape(d.format());
      out.println(d.isError() ? style.red(line) : style.yellow(line));
    }
    int errors = diagnostics.errors().size();
    if (errors > 0) {
      out.println(errors == 1 ? "1 error." : errors + " errors.");
    }
    out.flush();
  }

  /**
   * One error that concerns no place in a file (a bad command line, a file that cannot be read):
   * escaped.
   */
  public void error(String message) {
    out.println(style.red("error:") + " " + TerminalText.escape(message));
    out.flush();
  }
}
