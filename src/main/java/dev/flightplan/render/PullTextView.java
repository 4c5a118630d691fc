package dev.flightplan.render;

import dev.flightplan.config.AppSpec;
import dev.flightplan.pull.Pulled;
import dev.flightplan.pull.PulledApp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * What {@code pull} says when it is done: what each app holds, what was left out, and where it was
 * written.
 */
public final class PullTextView {
  private final PrintWriter out;
  private final Style style;

  public PullTextView(PrintWriter out, Style style) {
    this.out = out;
    this.style = style;
  }

  /**
   * {@code output}: the YAML file, or null when it went to standard output; {@code planCommand}:
   * the command that plans it, to show.
   */
  public void render(Pulled pulled, Path output, String planCommand) {
    for (PulledApp app :
        pulled.apps().stream().sorted(Comparator.comparing(a -> a.spec().bundleId())).toList()) {
      AppSpec s = app.spec();
      StringBuilder counts = new StringBuilder();
      app.counts().forEach((noun, n) -> counts.append(", ").append(count(n, noun)));
      out.println(
          style.green("Pulled ")
              + TerminalText.escape(s.bundleId())
              + ": "
              + count(s.groups().size(), "group")
              + ", "
              + count(s.testers().size(), "tester")
              + ", "
              + count(s.builds().size(), "build")
              + " described"
              + counts);
      if (app.publicLinkTesters() > 0) {
        out.println(
            "  "
                + count(app.publicLinkTesters(), "tester")
                + " who joined through a public link not listed (flightplan never removes them)");
      }
      for (String note : app.leftOut()) {
        out.println(
            "  " + style.yellow("left out") + " (left as it is): " + TerminalText.escape(note));
      }
      app.remarks().forEach(r -> out.println("  " + TerminalText.escape(r)));
    }
    StringBuilder where =
        new StringBuilder(output == null ? "Wrote the file to standard output" : "Wrote " + output);
    pulled.csvFiles().keySet().forEach(f -> where.append(", ").append(f));
    out.println(TerminalText.escape(where.append('.').toString()));
    out.println(
        "Planning it right away shows no changes: "
            + TerminalText.escape(planCommand)
            + " (exit 0)");
    out.flush();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
