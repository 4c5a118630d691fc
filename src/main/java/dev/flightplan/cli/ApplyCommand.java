package dev.flightplan.cli;

import dev.flightplan.api.CredentialsException;
import dev.flightplan.api.RateBudget;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.config.DesiredState;
import dev.flightplan.apply.Recheck;
import dev.flightplan.engine.ApplyLock;
import dev.flightplan.engine.ConfigFile;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.apply.Guards;
import dev.flightplan.apply.Convergence;
import dev.flightplan.engine.Engine;
import dev.flightplan.apply.Verification;
import dev.flightplan.engine.PlanFiles;
import dev.flightplan.engine.Scope;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanFile.PlanFileException;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.render.ApplyTextView;
import dev.flightplan.render.OneWriterView;
import dev.flightplan.render.PlanTextView;
import dev.flightplan.render.ProgressView;
import dev.flightplan.render.SavedPlanApplyView;
import dev.flightplan.render.Style;
import dev.flightplan.state.Fingerprints;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code flightplan apply}: with a file, plans, asks for confirmation (or takes --auto-approve) and applies; with a
 * saved plan, refuses it if App Store Connect changed since it was planned and otherwise sends exactly its calls.
 * Either way it then plans again and fails if anything is left to do.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = "Make App Store Connect match the file (or apply a saved plan), then check that it does.")
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PLAN",
      description = "A plan saved with plan -o. Applies exactly it, without asking, or refuses it (changing nothing) if App Store Connect changed since it was planned.")
  Path planFile;

  @Mixin FileOptions file;
  @Mixin ScopeOptions scope;
  @Mixin ConnectionOptions connection;
  @Mixin PlanningOptions planning;
  @Mixin InvitationLogOptions invitationLog;

  @Option(names = "--auto-approve", description = "Apply without asking (needed when not at a terminal; a saved plan never asks).")
  boolean autoApprove;

  @Mixin GuardOptions guards;

  @Mixin DetailOptions detail;

  @Mixin LockOptions lock;

  @Mixin OutputOptions output;

  /** How long an interrupted apply may take to let the requests under way finish and report. */
  private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(90);

  @Override
  public Integer call() throws CredentialsException, IOException {
    Environment env = Views.env(root.env, output);
    Style style = Views.style(env, output);
    return planFile != null ? applySaved(env, style) : applyFile(env, style);
  }

  private int applyFile(Environment env, Style style) throws CredentialsException, IOException {
    if (!autoApprove && !env.terminal()) {
      // a usage error, before the file is read: no one can answer the question, and a job must not wait for one
      throw new ParameterException(spec.commandLine(),
          "apply -f needs --auto-approve when it is not run at a terminal (nothing was read or changed)");
    }
    ConfigFile config = ConfigFile.load(file.file, file.referencedFiles());
    Views.showDiagnostics(config.result().diagnostics(), env, style);
    if (config.result().state().isEmpty()) {
      return ExitCodes.ERROR;
    }
    DesiredState desired = config.result().state().get();
    Optional<Scope> chosen = Views.select(desired, scope.apps, env);
    if (chosen.isEmpty()) {
      return ExitCodes.USAGE;
    }
    Scope selected = chosen.get();
    Optional<ApplyLock> held = lock.acquire(connection, invitationLog, env, style);
    if (held.isEmpty()) {
      return ExitCodes.ERROR;
    }
    try (ApplyLock locked = held.get(); Connection conn = Connection.open(connection, env)) {
      Engine engine = Connection.engine(conn, connection, invitationLog, env).withReferencedFiles(file.referencedFiles());
      SavedPlan saved = engine.plan(desired, config.ref(), selected, planning.toOptions(), RootCommand.version());
      Views.showDiagnostics(saved.plan().diagnostics(), env, style);
      if (saved.plan().diagnostics().hasErrors()) {
        return ExitCodes.ERROR;
      }
      Plan plan = saved.plan();
      new PlanTextView(env.out(), style, detail.detail()).render(saved);
      if (!plan.hasChanges()) {
        engine.keepInvitationLog(plan);
        return ExitCodes.OK;
      }
      if (refused(engine, plan, env, style)) {
        return ExitCodes.ERROR;
      }
      if (!autoApprove && !confirmed(env)) {
        env.out().println("Apply cancelled; nothing was changed.");
        return ExitCodes.ERROR;
      }
      // a saved plan needs none: its staleness check has just read everything again
      Recheck.Result recheck = engine.recheck(plan);
      if (!recheck.appeared().isEmpty()) {
        new OneWriterView(env.err(), style).appeared(recheck.appeared());
        return ExitCodes.ERROR;
      }
      env.out().println();
      return applyAndVerify(engine, plan, selected.restrict(desired), planning.toOptions(), env, style);
    }
  }

  private int applySaved(Environment env, Style style) throws CredentialsException, IOException {
    List<String> fixed = new ArrayList<>();
    for (String option : List.of("--file", "--app", "--prune", "--allow-replace", "--batch-size", "--invitations-only")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        fixed.add(option);
      }
    }
    if (!fixed.isEmpty()) {
      env.err().println("error: " + String.join(", ", fixed) + " cannot be used with a saved plan, which fixes its file, apps and"
          + " options when it is made: pass them to plan instead");
      return ExitCodes.USAGE;
    }
    SavedPlan saved;
    try {
      saved = PlanFiles.read(planFile);
    } catch (PlanFileException e) {
      env.err().println(style.red("error:") + " " + dev.flightplan.render.TerminalText.escape(e.getMessage()));
      return ExitCodes.ERROR;
    }
    SavedPlanApplyView view = new SavedPlanApplyView(env.out(), env.err(), style);
    if (!saved.flightplanVersion().equals(RootCommand.version())) {
      view.wrongVersion(planFile.toString(), saved.flightplanVersion(), RootCommand.version());
      return ExitCodes.ERROR;
    }
    Optional<ApplyLock> held = lock.acquire(connection, invitationLog, env, style);
    if (held.isEmpty()) {
      return ExitCodes.ERROR;
    }
    try (ApplyLock locked = held.get(); Connection conn = Connection.open(connection, env)) {
      Engine engine = Connection.engine(conn, connection, invitationLog, env).withReferencedFiles(file.referencedFiles());
      Diagnostics secrets = engine.secretsFor(saved);
      Views.showDiagnostics(secrets, env, style);
      if (secrets.hasErrors()) {
        return ExitCodes.ERROR;
      }
      List<Fingerprints.Difference> stale = engine.staleness(saved);
      if (!stale.isEmpty()) {
        view.stale(planFile.toString(), stale);
        return ExitCodes.ERROR;
      }
      view.header(planFile.toString(), saved);
      // the file that was planned is the one to verify against; when it changed, App Store Connect cannot be checked
      boolean verifiable = ConfigFile.unchanged(saved.config(), file.referencedFiles());
      String replan = "flightplan plan" + connection.endpointArgs() + " -f " + saved.config().path()
          + (saved.partial() ? saved.apps().stream().map(a -> " --app " + a).collect(Collectors.joining()) : "");
      if (!saved.plan().hasChanges()) {
        engine.keepInvitationLog(saved.plan());
        if (!verifiable) {
          view.notVerified(saved.config(), false, replan);
          return ExitCodes.ERROR;
        }
        return ExitCodes.OK;
      }
      if (refused(engine, saved.plan(), env, style)) {
        return ExitCodes.ERROR;
      }
      if (!verifiable) {
        view.willNotVerify(saved.config());
        env.out().println();
        int applied = apply(engine, saved.plan(), env, style);
        if (applied == ExitCodes.OK) {
          view.notVerified(saved.config(), true, replan);
          return ExitCodes.ERROR;
        }
        return applied;
      }
      env.out().println();
      ConfigFile config = ConfigFile.load(Path.of(saved.config().path()), file.referencedFiles());
      Views.showDiagnostics(config.result().diagnostics(), env, style);
      if (config.result().state().isEmpty()) {
        return ExitCodes.ERROR;
      }
      Scope planned = new Scope(saved.apps(), saved.partial());
      return applyAndVerify(engine, saved.plan(), planned.restrict(config.result().state().get()), saved.options(), env, style);
    }
  }

  /** The guards against destructive plans; a refusal is shown, and nothing is sent. */
  private boolean refused(Engine engine, Plan plan, Environment env, Style style) {
    Guards.Refusal refusal = engine.guard(plan, guards.limits());
    if (refusal.refused()) {
      new ApplyTextView(env.out(), style).refused(refusal.reasons(), env.err());
    }
    return refusal.refused();
  }

  private int applyAndVerify(Engine engine, Plan plan, DesiredState desired, PlanOptions options, Environment env, Style style) {
    int applied = apply(engine, plan, env, style);
    return applied == ExitCodes.OK ? verify(engine, plan, desired, options, env, style) : applied;
  }

  /**
   * Sends the plan's calls with progress, told also while a request waits for the rate limit. Interrupting (Ctrl-C,
   * SIGTERM) stops it starting calls and ends every wait: the exchanges on the wire finish, and the report says what
   * was done, before the process ends (the JVM then exits 130 or 143); running apply again finishes the job.
   */
  private static int apply(Engine engine, Plan plan, Environment env, Style style) {
    ProgressView progress = new ProgressView(env.out(), style, env.terminal(), env.clock(), plan.calls().size(),
        engine.rateBudget()::timeFor);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch reported = new CountDownLatch(1);
    Thread onInterrupt = new Thread(() -> {
      stop.set(true);
      try {
        reported.await(INTERRUPT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "flightplan-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try (RateBudget.Subscription waits = engine.rateBudget().onWait(progress::waiting)) {
      progress.start();
      ApplyReport report = engine.apply(plan, progress, stop::get);
      progress.finish();
      new ApplyTextView(env.out(), style).render(report);
      return report.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
    } finally {
      progress.finish();
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the report is out
      }
    }
  }

  /**
   * Every write is confirmed: plan again, allowing App Store Connect's reads time to catch up, and fail naming each
   * object that still differs and why.
   */
  private static int verify(
      Engine engine, Plan applied, DesiredState desired, PlanOptions options, Environment env, Style style) {
    Verification v = engine.verify(desired, options, applied, Convergence.DEFAULT);
    ApplyTextView view = new ApplyTextView(env.out(), style);
    if (v.converged()) {
      view.verified(v.last().leftOut());
      return ExitCodes.OK;
    }
    if (v.last().diagnostics().hasErrors()) {
      Views.showDiagnostics(v.last().diagnostics(), env, style);
      return ExitCodes.ERROR;
    }
    view.notConverged(v.drift(), v.reads(), v.waited(), env.err());
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
