package dev.flightplan.cli;

import dev.flightplan.plan.SavedPlan;
import dev.flightplan.planfile.PlanFile.PlanFileException;
import dev.flightplan.planfile.PlanFiles;
import dev.flightplan.render.DiagnosticsView;
import dev.flightplan.render.PlanSource;
import dev.flightplan.render.Style;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code flightplan show PLAN}: renders a plan saved with {@code plan -o} as text, Markdown or
 * JSON, as {@code plan} showed it, like {@code terraform show}. Reads only the file: no
 * credentials, no request to App Store Connect.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description =
        "Show a plan saved with plan -o, as plan showed it. Reads only the file: no credentials, no API call.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flightplan show plan.json",
      "  flightplan show plan.json --format markdown > plan.md",
      "  flightplan show plan.json --full --mask-emails"
    })
final class ShowCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Parameters(index = "0", paramLabel = "PLAN", description = "A plan saved with plan -o.")
  Path planFile;

  @Mixin PlanViewOptions view;
  @Mixin DetailOptions detail;
  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    Environment env = Views.env(root.env, output);
    Style style = Views.style(env, output);
    SavedPlan saved;
    PlanSource source;
    try {
      saved = PlanFiles.read(planFile);
      source = new PlanSource(planFile.toString(), Files.getLastModifiedTime(planFile).toInstant());
    } catch (PlanFileException e) {
      new DiagnosticsView(env.err(), style).error(e.getMessage());
      return ExitCodes.ERROR;
    }
    Views.showDiagnostics(saved.plan().diagnostics(), env, style);
    Views.render(view, detail.detail(), saved, source, env, style);
    return ExitCodes.OK;
  }
}
