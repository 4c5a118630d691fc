package dev.flightplan.cli;

import dev.flightplan.config.DesiredState;
import dev.flightplan.config.LoadResult;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.engine.Scope;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.render.DiagnosticsView;
import dev.flightplan.render.JsonPlanView;
import dev.flightplan.render.MarkdownPlanView;
import dev.flightplan.render.PlanDetail;
import dev.flightplan.render.PlanSource;
import dev.flightplan.render.PlanTextView;
import dev.flightplan.render.Style;
import dev.flightplan.render.WorkflowAnnotations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Small pieces the commands share: loading the file with its diagnostics shown, the style, and
 * picking a view.
 */
final class Views {
  private Views() {}

  /**
   * The command's environment, masking every email address it prints when {@code --mask-emails}
   * asks.
   */
  static Environment env(Environment env, OutputOptions output) {
    return output.maskEmails ? env.maskingEmails() : env;
  }

  static Style style(Environment env, OutputOptions output) {
    return new Style(env.color() && !output.noColor);
  }

  /**
   * Loads and validates the file; prints every diagnostic to stderr; empty when there was an error.
   */
  static Optional<DesiredState> load(FileOptions file, Environment env, Style style) {
    LoadResult result = file.loadResult(env);
    showDiagnostics(result.diagnostics(), env, style);
    return result.state();
  }

  /**
   * The apps {@code --app} chose; empty, after saying which apps the file has, when it names one
   * the file lacks.
   */
  static Optional<Scope> select(
      DesiredState desired, java.util.List<String> apps, Environment env) {
    try {
      return Optional.of(Scope.select(desired, apps));
    } catch (Scope.UnknownAppException e) {
      new DiagnosticsView(env.err(), Style.PLAIN).error(e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Every diagnostic on stderr; in a GitHub Actions job also as a workflow command, so that it
   * shows on the pull request's diff, after the readable lines (fenced, so that nothing in them is
   * read as a command).
   */
  static void showDiagnostics(Diagnostics diagnostics, Environment env, Style style) {
    if (diagnostics.isEmpty()) {
      return;
    }
    if (!env.githubActions()) {
      new DiagnosticsView(env.err(), style).render(diagnostics);
      return;
    }
    StringWriter lines = new StringWriter();
    new DiagnosticsView(new PrintWriter(lines), style).render(diagnostics);
    WorkflowAnnotations annotations = new WorkflowAnnotations(env.err(), env.githubWorkspace());
    annotations.inert(lines.toString());
    annotations.render(diagnostics);
  }

  /** The JSON document of a plan, as {@code -o} saves it. */
  static String json(SavedPlan saved) {
    StringWriter text = new StringWriter();
    new JsonPlanView(new PrintWriter(text)).render(saved);
    return text.toString();
  }

  /**
   * The plan as {@code view} and {@code detail} ask; {@code source}, when not null, is the saved
   * plan file {@code show} renders it from.
   */
  static void render(
      PlanViewOptions view,
      PlanDetail detail,
      SavedPlan saved,
      PlanSource source,
      Environment env,
      Style style) {
    switch (view.format) {
      case TEXT -> new PlanTextView(env.out(), style, detail).render(saved, source);
      case MARKDOWN ->
          new MarkdownPlanView(env.out(), view.showPersonalData, detail).render(saved, source);
      case JSON -> new JsonPlanView(env.out()).render(saved);
    }
  }

  static void renderFailure(
      PlanFormat format,
      SavedPlan.ConfigRef config,
      List<String> apps,
      boolean partial,
      Diagnostics diagnostics,
      boolean showPersonalData,
      Environment env) {
    String version = RootCommand.version();
    switch (format) {
      case TEXT -> {}
      case MARKDOWN ->
          new MarkdownPlanView(env.out(), showPersonalData)
              .renderFailure(version, config, apps, partial, diagnostics);
      case JSON ->
          new JsonPlanView(env.out()).renderFailure(version, config, apps, partial, diagnostics);
    }
  }

  /**
   * Where the plan was saved and how to apply it, against the endpoint it was made from: on stdout
   * after text, on stderr when stdout is a document.
   */
  static void saved(Path file, PlanFormat format, ConnectionOptions connection, Environment env) {
    PrintWriter to = format == PlanFormat.TEXT ? env.out() : env.err();
    if (format == PlanFormat.TEXT) {
      to.println();
    }
    to.println(
        "Saved the plan to "
            + file
            + ". To apply exactly these actions, run: flightplan apply"
            + connection.endpointArgs()
            + " "
            + file);
    to.flush();
  }
}
