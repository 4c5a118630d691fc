package dev.flightplan.cli;

import dev.flightplan.api.ApiException;
import dev.flightplan.api.CredentialsException;
import dev.flightplan.config.DesiredState;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.engine.ConfigFile;
import dev.flightplan.engine.Engine;
import dev.flightplan.engine.Scope;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.planfile.PlanFiles;
import dev.flightplan.render.Style;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code flightplan plan}: reads the live state and shows what apply would change, as text,
 * Markdown or JSON; with {@code -o}, also saves the plan for {@code apply PLAN}. Changes nothing in
 * App Store Connect.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = "Show what apply would change in App Store Connect. Changes nothing.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flightplan plan --sandbox -f examples/testflight.yaml",
      "  flightplan plan -f testflight.yaml --detailed-exitcode      # exit 2: changes",
      "  flightplan plan -f testflight.yaml -o plan.json --format markdown > plan.md"
    })
final class PlanCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;
  @Mixin FileOptions file;
  @Mixin ScopeOptions scope;
  @Mixin ConnectionOptions connection;
  @Mixin PlanningOptions planning;
  @Mixin InvitationLogOptions invitationLog;
  @Mixin GuardOptions guards;

  @HelpSection(HelpSection.Heading.OUTPUT)
  @Option(
      names = {"-o", "--out"},
      paramLabel = "PLAN",
      description =
          "Also save the plan to this file (JSON) for apply PLAN, which applies exactly it or refuses it when App Store Connect changed since.")
  Path out;

  @Mixin PlanViewOptions view;
  @Mixin DetailOptions detail;

  @HelpSection(HelpSection.Heading.OUTPUT)
  @Option(
      names = "--detailed-exitcode",
      description =
          "Exit 0 when there are no changes, 2 when there are, 1 on error (for scheduled drift checks).")
  boolean detailedExitcode;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws CredentialsException, IOException {
    Environment env = Views.env(root.env, output);
    Style style = Views.style(env, output);
    if (out != null && file.stdin()) {
      // apply PLAN checks App Store Connect against the file the plan was made from, which it could
      // not read again
      throw new ParameterException(
          spec.commandLine(),
          "-o cannot save a plan of standard input (-f -): apply PLAN reads"
              + " the desired-state file again to check the result, and standard input is gone by then; save the file and"
              + " plan it with -f FILE -o "
              + out
              + ", or apply it directly with apply -f - --auto-approve");
    }
    ConfigFile config = file.load(env);
    Views.showDiagnostics(config.result().diagnostics(), env, style);
    if (config.result().state().isEmpty()) {
      failure(env, config.ref(), List.of(), false, config.result().diagnostics());
      return ExitCodes.ERROR;
    }
    DesiredState desired = config.result().state().get();
    Optional<Scope> chosen = Views.select(desired, scope.apps, env);
    if (chosen.isEmpty()) {
      return ExitCodes.USAGE;
    }
    Scope selected = chosen.get();
    try (Connection conn = Connection.open(connection, env)) {
      Engine engine =
          Connection.engine(conn, connection, invitationLog, env)
              .withReferencedFiles(file.referencedFiles());
      // fingerprints only for a document that may be applied later: the saved plan, or the same
      // JSON on stdout
      boolean applicable = out != null || view.format == PlanFormat.JSON;
      SavedPlan saved =
          Engine.withGuardNotes(
                  engine.plan(
                      desired,
                      config.ref(),
                      selected,
                      planning.toOptions(),
                      RootCommand.version(),
                      applicable),
                  guards.limits())
              .saved();
      Diagnostics diagnostics = saved.plan().diagnostics();
      Views.showDiagnostics(diagnostics, env, style);
      if (diagnostics.hasErrors()) {
        failure(env, config.ref(), selected.apps(), selected.partial(), diagnostics);
        return ExitCodes.ERROR;
      }
      if (out != null) {
        PlanFiles.write(out, Views.json(saved));
      }
      Views.render(view, detail.detail(), saved, null, env, style);
      if (out != null) {
        Views.saved(out, view.format, connection, env);
      }
      return detailedExitcode && saved.plan().hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    } catch (ApiException | CredentialsException e) {
      failure(
          env,
          config.ref(),
          selected.apps(),
          selected.partial(),
          Diagnostics.of(List.of(Diagnostic.error(null, e.getMessage()))));
      throw e;
    }
  }

  /**
   * Machine and review formats get a document even when planning fails; the terminal has stderr.
   */
  private void failure(
      Environment env,
      SavedPlan.ConfigRef config,
      List<String> apps,
      boolean partial,
      Diagnostics diagnostics) {
    if (view.format != PlanFormat.TEXT) {
      Views.renderFailure(
          view.format, config, apps, partial, diagnostics, view.showPersonalData, env);
    }
  }
}
