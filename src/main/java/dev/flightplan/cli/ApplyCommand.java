package dev.flightplan.cli;

import dev.flightplan.api.CredentialsException;
import dev.flightplan.api.ApiException;
import dev.flightplan.apply.ApplyOutcome;
import dev.flightplan.apply.ApplyOutcome.Ending;
import dev.flightplan.apply.WaitRounds;
import dev.flightplan.config.DesiredState;
import dev.flightplan.engine.ApplyLock;
import dev.flightplan.engine.ConfigFile;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.apply.Guards;
import dev.flightplan.engine.BuildWait;
import dev.flightplan.engine.Engine;
import dev.flightplan.engine.PlanFiles;
import dev.flightplan.engine.Scope;
import dev.flightplan.plan.PendingBuild;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanFile.PlanFileException;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.render.ApplyTextView;
import dev.flightplan.render.WaitView;
import dev.flightplan.render.PlanTextView;
import dev.flightplan.render.DiagnosticsView;
import dev.flightplan.render.SavedPlanApplyView;
import dev.flightplan.render.Style;
import dev.flightplan.state.Fingerprints;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
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
    description = "Make App Store Connect match the file (or apply a saved plan), then check that it does.",
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
      description = "A plan saved with plan -o. Applies exactly it, without asking, or refuses it (changing nothing) if App Store Connect changed since it was planned.")
  Path planFile;

  @Mixin FileOptions file;
  @Mixin ScopeOptions scope;
  @Mixin ConnectionOptions connection;
  @Mixin PlanningOptions planning;
  @Mixin InvitationLogOptions invitationLog;

  @HelpSection(HelpSection.Heading.SAFETY)
  @Option(names = "--auto-approve", description = "Apply without asking (needed when not at a terminal; a saved plan never asks).")
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
      description = "text (default) or json: print a JSON report of what was done, what failed and was not sent, and the"
          + " verification (docs/apply-json.md) on standard output, and what is said for people on standard error.",
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
      throw new ParameterException(spec.commandLine(), "--wait applies a file (-f) and waits for its builds; a saved plan"
          + " is applied exactly as it was reviewed (nothing was read or changed)");
    }
    ApplyOutcome outcome;
    try {
      outcome = planFile != null ? applySaved(run) : applyFile(run);
    } catch (ApiException | CredentialsException | IOException e) {
      run.report(ApplyOutcome.early(Ending.ERROR, plan, null, List.of(e.getMessage())), ExitCodes.ERROR);
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
      throw new ParameterException(spec.commandLine(),
          "apply -f - needs --auto-approve: standard input is the desired-state file, so it cannot also answer the"
              + " confirmation (nothing was read or changed)");
    }
    if (!autoApprove && !env.terminal()) {
      // a usage error, before the file is read: no one can answer the question, and a job must not wait for one
      throw new ParameterException(spec.commandLine(),
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
    Scope selected = chosen.get();
    Optional<ApplyLock> held = lock.acquire(connection, invitationLog, env, style);
    if (held.isEmpty()) {
      return ApplyOutcome.early(Ending.LOCKED, null, null, List.of());
    }
    try (ApplyLock locked = held.get(); Connection conn = Connection.open(connection, env)) {
      Engine engine = Connection.engine(conn, connection, invitationLog, env).withReferencedFiles(file.referencedFiles());
      ApplyOutcome outcome = round(run, engine, desired, config, selected);
      return waiting.wait ? waitForBuilds(run, engine, desired, config, selected, outcome) : outcome;
    }
  }

  /** Plans the file, shows the plan, asks (unless --auto-approve), applies and verifies: one round of apply. */
  private ApplyOutcome round(ApplyRun run, Engine engine, DesiredState desired, ConfigFile config, Scope selected)
      throws IOException {
    Environment env = run.env();
    Style style = run.style();
    // applied at once, never saved: no fingerprints
    SavedPlan saved = engine.plan(desired, config.ref(), selected, planning.toOptions(), RootCommand.version(), false);
    Views.showDiagnostics(saved.plan().diagnostics(), env, style);
    if (saved.plan().diagnostics().hasErrors()) {
      return ApplyOutcome.unsent(Ending.INVALID, null, saved, List.of());
    }
    Plan plan = saved.plan();
    new PlanTextView(env.out(), style, detail.detail()).render(saved);
    if (!plan.hasChanges()) {
      engine.keepInvitationLog(plan);
      return ApplyOutcome.unsent(Ending.NO_CHANGES, null, saved, List.of());
    }
    List<String> refusal = refusal(engine, plan, run);
    if (!refusal.isEmpty()) {
      return ApplyOutcome.unsent(Ending.REFUSED, null, saved, refusal);
    }
    if (!autoApprove && !run.confirmed()) {
      env.out().println("Apply cancelled; nothing was changed.");
      return ApplyOutcome.unsent(Ending.CANCELLED, null, saved, List.of());
    }
    env.out().println();
    ApplyOutcome sending = ApplyOutcome.unsent(Ending.APPLIED, null, saved, List.of());
    return run.applyAndVerify(engine, sending, selected.restrict(desired), planning.toOptions(), true);
  }

  /**
   * {@code --wait}: while a round succeeded and left builds that App Store Connect does not take yet, waits until one
   * moves on and applies the file again; gives up (TIMED_OUT) when --wait-timeout has passed since the first wait.
   */
  private ApplyOutcome waitForBuilds(ApplyRun run, Engine engine, DesiredState desired, ConfigFile config, Scope selected,
      ApplyOutcome first) throws IOException {
    WaitView view = new WaitView(run.env().out(), run.style());
    BuildWait builds = new BuildWait(engine::buildStatuses, run.env().clock(), run.env().sleeper());
    Instant started = run.env().clock().instant();
    ApplyOutcome outcome = first;
    WaitRounds rounds = WaitRounds.start(waiting.timeout).then(first, stillPending(first));
    run.rounds(rounds);
    boolean waited = false;
    while (!stillPending(outcome).isEmpty()) {
      List<PendingBuild> pending = stillPending(outcome);
      view.start(pending, waiting.timeout);
      waited = true;
      BuildWait.Result result;
      try {
        result = builds.await(pending, started, waiting.timeout, waiting.interval, view::heartbeat);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ApplyOutcome(Ending.INTERRUPTED, null, outcome.saved(), outcome.report(), outcome.verification(),
            outcome.diagnostics(), List.of("stopped while waiting for builds"));
      }
      rounds = rounds.waitedFor(result.waited());
      run.rounds(rounds);
      if (!result.moved()) {
        view.timedOut(pending, waiting.timeout);
        return new ApplyOutcome(Ending.TIMED_OUT, null, outcome.saved(), outcome.report(), outcome.verification(),
            outcome.diagnostics(), List.of("--wait-timeout passed with " + pending.size() + " build(s) still not taken"));
      }
      view.again(result.waited());
      outcome = round(run, engine, desired, config, selected);
      rounds = rounds.then(outcome, stillPending(outcome));
      run.rounds(rounds);
    }
    if (waited && outcome.ending().succeeded()) {
      view.done();
    }
    return outcome;
  }

  /** The builds a round that succeeded could not give yet; none after a round that did not succeed. */
  private static List<PendingBuild> stillPending(ApplyOutcome round) {
    return round.ending().succeeded() && round.saved() != null ? round.saved().plan().pending() : List.of();
  }

  private ApplyOutcome applySaved(ApplyRun run) throws CredentialsException, IOException {
    Environment env = run.env();
    Style style = run.style();
    String name = planFile.toString();
    List<String> fixed = new ArrayList<>();
    for (String option : List.of("--file", "--app", "--prune", "--allow-replace", "--batch-size", "--invitations-only")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        fixed.add(option);
      }
    }
    if (!fixed.isEmpty()) {
      env.err().println("error: " + String.join(", ", fixed) + " cannot be used with a saved plan, which fixes its file, apps and"
          + " options when it is made: pass them to plan instead");
      return null;
    }
    SavedPlan saved;
    try {
      saved = PlanFiles.read(planFile);
    } catch (PlanFileException e) {
      new DiagnosticsView(env.err(), style).error(e.getMessage());
      return ApplyOutcome.early(Ending.INVALID, name, null, List.of(e.getMessage()));
    }
    SavedPlanApplyView view = new SavedPlanApplyView(env.out(), env.err(), style);
    if (!saved.flightplanVersion().equals(RootCommand.version())) {
      view.wrongVersion(name, saved.flightplanVersion(), RootCommand.version());
      return ApplyOutcome.unsent(Ending.INVALID, name, saved,
          List.of("made by flightplan " + saved.flightplanVersion() + ", not by this flightplan " + RootCommand.version()));
    }
    Optional<ApplyLock> held = lock.acquire(connection, invitationLog, env, style);
    if (held.isEmpty()) {
      return ApplyOutcome.unsent(Ending.LOCKED, name, saved, List.of());
    }
    try (ApplyLock locked = held.get(); Connection conn = Connection.open(connection, env)) {
      Engine engine = Connection.engine(conn, connection, invitationLog, env).withReferencedFiles(file.referencedFiles());
      Diagnostics secrets = engine.secretsFor(saved);
      Views.showDiagnostics(secrets, env, style);
      if (secrets.hasErrors()) {
        return new ApplyOutcome(Ending.INVALID, name, saved, null, null, secrets, List.of());
      }
      // the staleness check reads everything again, so a saved plan needs no re-check before its first write
      List<Fingerprints.Difference> stale = engine.staleness(saved);
      if (!stale.isEmpty()) {
        view.stale(name, stale);
        return ApplyOutcome.unsent(Ending.STALE, name, saved,
            stale.stream().map(d -> d.address() + " " + d.kind().name().toLowerCase(Locale.ROOT)).toList());
      }
      view.header(name, saved);
      // the file that was planned is the one to verify against; when it changed, App Store Connect cannot be checked
      Optional<ConfigFile> unchanged = ConfigFile.ifUnchanged(saved.config(), file.referencedFiles());
      boolean verifiable = unchanged.isPresent();
      String replan = "flightplan plan" + connection.endpointArgs() + " -f " + saved.config().path()
          + (saved.partial() ? saved.apps().stream().map(a -> " --app " + a).collect(Collectors.joining()) : "");
      if (!saved.plan().hasChanges()) {
        engine.keepInvitationLog(saved.plan());
        if (!verifiable) {
          view.notVerified(saved.config(), false, replan);
          return ApplyOutcome.unsent(Ending.NOT_VERIFIED, name, saved, List.of());
        }
        return ApplyOutcome.unsent(Ending.NO_CHANGES, name, saved, List.of());
      }
      List<String> refusal = refusal(engine, saved.plan(), run);
      if (!refusal.isEmpty()) {
        return ApplyOutcome.unsent(Ending.REFUSED, name, saved, refusal);
      }
      if (!verifiable) {
        view.willNotVerify(saved.config());
        env.out().println();
        ApplyOutcome applied = run.apply(engine, ApplyOutcome.unsent(Ending.NOT_VERIFIED, name, saved, List.of()));
        if (applied.ending() == Ending.NOT_VERIFIED) {
          view.notVerified(saved.config(), true, replan);
        }
        return applied;
      }
      env.out().println();
      ConfigFile config = unchanged.get();
      Views.showDiagnostics(config.result().diagnostics(), env, style);
      if (config.result().state().isEmpty()) {
        return new ApplyOutcome(Ending.INVALID, name, saved, null, null, config.result().diagnostics(), List.of());
      }
      Scope planned = new Scope(saved.apps(), saved.partial());
      ApplyOutcome sending = ApplyOutcome.unsent(Ending.APPLIED, name, saved, List.of());
      return run.applyAndVerify(engine, sending, planned.restrict(config.result().state().get()), saved.options());
    }
  }

  /** Why the guards against destructive plans refuse {@code plan} (shown; nothing is sent); empty when they do not. */
  private List<String> refusal(Engine engine, Plan plan, ApplyRun run) {
    Guards.Refusal refusal = engine.guard(plan, guards.limits());
    if (refusal.refused()) {
      new ApplyTextView(run.env().out(), run.style()).refused(refusal.reasons(), run.env().err());
    }
    return refusal.refused() ? refusal.reasons() : List.of();
  }
}
