package dev.flightplan.cli;

import dev.flightplan.api.ApiException;
import dev.flightplan.api.CredentialsException;
import dev.flightplan.apply.ApplyOutcome;
import dev.flightplan.apply.ApplyOutcome.Ending;
import dev.flightplan.config.DesiredState;
import dev.flightplan.engine.ApplyFile;
import dev.flightplan.engine.ApplyLock;
import dev.flightplan.engine.ApplySavedPlan;
import dev.flightplan.engine.ConfigFile;
import dev.flightplan.engine.Engine;
import dev.flightplan.engine.Scope;
import dev.flightplan.render.Style;
import dev.flightplan.render.WaitView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code flightplan apply}: with a file, plans, asks for confirmation (or takes --auto-approve) and
 * applies; with a saved plan, refuses it if App Store Connect changed since it was planned and
 * otherwise sends exactly its calls. Either way it then plans again and fails if anything is left
 * to do.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description =
        "Make App Store Connect match the file (or apply a saved plan), then check that it does.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flightplan apply -f testflight.yaml                 # shows the plan, asks",
      "  flightplan apply plan.json                          # saved by plan -o",
      "  flightplan apply --sandbox -f examples/testflight.yaml --auto-approve"
    })
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PLAN",
      description =
          "A plan saved with plan -o. Applies exactly it, without asking, or refuses it (changing nothing) if App Store Connect changed since it was planned.")
  Path planFile;

  @Mixin FileOptions file;
  @Mixin ScopeOptions scope;
  @Mixin ConnectionOptions connection;
  @Mixin PlanningOptions planning;
  @Mixin InvitationLogOptions invitationLog;

  @HelpSection(HelpSection.Heading.SAFETY)
  @Option(
      names = "--auto-approve",
      description =
          "Apply without asking (needed when not at a terminal; a saved plan never asks).")
  boolean autoApprove;

  @Mixin GuardOptions guards;

  @Mixin DetailOptions detail;

  @Mixin WaitOptions waiting;

  @Mixin LockOptions lock;

  @Mixin OutputOptions output;

  @HelpSection(HelpSection.Heading.OUTPUT)
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      completionCandidates = ApplyFormat.Names.class,
      description =
          "text (default) or json: print a JSON report of what was done, what failed and was not sent, and the"
              + " verification (docs/apply-json.md; with --wait, every round) on standard output, and what is said for"
              + " people on standard error.",
      defaultValue = "text")
  ApplyFormat format;

  @Override
  public Integer call() throws CredentialsException, IOException {
    Environment env = Views.env(root.env, output);
    boolean json = format == ApplyFormat.JSON;
    Environment human = json ? env.humanOnStderr() : env;
    Style style = Views.style(human, output);
    ApplyRun run = new ApplyRun(human, style, json ? env.out() : null);
    String plan = planFile == null ? null : planFile.toString();
    if (waiting.wait && planFile != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--wait applies a file (-f) and waits for its builds; a saved plan"
              + " is applied exactly as it was reviewed (nothing was read or changed)");
    }
    ApplyOutcome outcome;
    try {
      outcome = planFile != null ? applySaved(run) : applyFile(run);
    } catch (ApiException | CredentialsException | IOException e) {
      run.report(
          ApplyOutcome.early(Ending.ERROR, plan, null, List.of(e.getMessage())), ExitCodes.ERROR);
      throw e;
    }
    if (outcome == null) {
      return ExitCodes.USAGE;
    }
    int code = outcome.ending().succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
    run.report(outcome, code);
    return code;
  }

  /** Null when --app names an app the file lacks (a usage error, which has no report). */
  private ApplyOutcome applyFile(ApplyRun run) throws CredentialsException, IOException {
    Environment env = run.env();
    Style style = run.style();
    if (!autoApprove && file.stdin()) {
      throw new ParameterException(
          spec.commandLine(),
          "apply -f - needs --auto-approve: standard input is the desired-state file, so it cannot also answer the"
              + " confirmation (nothing was read or changed)");
    }
    if (!autoApprove && !env.terminal()) {
      // a usage error, before the file is read: no one can answer the question, and a job must not
      // wait for one
      throw new ParameterException(
          spec.commandLine(),
          "apply -f needs --auto-approve when it is not run at a terminal (nothing was read or changed)");
    }
    ConfigFile config = file.load(env);
    Views.showDiagnostics(config.result().diagnostics(), env, style);
    if (config.result().state().isEmpty()) {
      return ApplyOutcome.early(Ending.INVALID, null, config.result().diagnostics(), List.of());
    }
    DesiredState desired = config.result().state().get();
    Optional<Scope> chosen = Views.select(desired, scope.apps, env);
    if (chosen.isEmpty()) {
      return null;
    }
    // with --wait, a build not listed yet is waited for, not an error
    ApplyFile.Request request =
        new ApplyFile.Request(
            desired,
            config.ref(),
            chosen.get(),
            planning.toOptions().withAwaitBuilds(waiting.wait),
            RootCommand.version(),
            guards.limits());
    Optional<ApplyLock> held = lock.acquire(connection, invitationLog, env, style);
    if (held.isEmpty()) {
      return ApplyOutcome.early(Ending.LOCKED, null, null, List.of());
    }
    try (ApplyLock locked = held.get();
        Connection conn = Connection.open(connection, env)) {
      Engine engine =
          Connection.engine(conn, connection, invitationLog, env)
              .withReferencedFiles(file.referencedFiles());
      ApplyFile apply = new ApplyFile(engine, views(run), run.sender(engine));
      if (!waiting.wait) {
        return apply.apply(request);
      }
      return apply.applyWaiting(
          request,
          new ApplyFile.Waiting(
              waiting.timeout,
              waiting.interval,
              env.clock(),
              env.sleeper(),
              new ReportedWait(new WaitView(env.out(), style), run)));
    }
  }

  private ApplyOutcome applySaved(ApplyRun run) throws CredentialsException, IOException {
    Environment env = run.env();
    List<String> fixed = new ArrayList<>();
    for (String option :
        List.of(
            "--file",
            "--app",
            "--prune",
            "--allow-replace",
            "--batch-size",
            "--invitations-only")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        fixed.add(option);
      }
    }
    if (!fixed.isEmpty()) {
      env.err()
          .println(
              "error: "
                  + String.join(", ", fixed)
                  + " cannot be used with a saved plan, which fixes its file, apps and"
                  + " options when it is made: pass them to plan instead");
      return null;
    }
    ApplyViews views = views(run);
    ApplySavedPlan.Opened opened = ApplySavedPlan.open(planFile, RootCommand.version(), views);
    if (opened.ended() != null) {
      return opened.ended();
    }
    String name = planFile.toString();
    Optional<ApplyLock> held = lock.acquire(connection, invitationLog, env, run.style());
    if (held.isEmpty()) {
      return ApplyOutcome.unsent(Ending.LOCKED, name, opened.saved(), List.of());
    }
    try (ApplyLock locked = held.get();
        Connection conn = Connection.open(connection, env)) {
      Engine engine =
          Connection.engine(conn, connection, invitationLog, env)
              .withReferencedFiles(file.referencedFiles());
      return new ApplySavedPlan(engine, file.referencedFiles(), views, run.sender(engine))
          .apply(name, opened.saved(), guards.limits());
    }
  }

  private ApplyViews views(ApplyRun run) {
    return new ApplyViews(run, detail.detail(), autoApprove, connection.endpointArgs());
  }
}
