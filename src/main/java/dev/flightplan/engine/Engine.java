package dev.flightplan.engine;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.RateBudget;
import dev.flightplan.apply.Applier;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.apply.CallResult;
import dev.flightplan.apply.Convergence;
import dev.flightplan.apply.Guards;
import dev.flightplan.apply.InvitationBookkeeping;
import dev.flightplan.apply.Recheck;
import dev.flightplan.apply.Verification;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.ReferencedFiles;
import dev.flightplan.config.SecretRef;
import dev.flightplan.config.Secrets;
import dev.flightplan.kinds.InternalMembers;
import dev.flightplan.kinds.Kinds;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.ActionKind;
import dev.flightplan.plan.BudgetNote;
import dev.flightplan.plan.InvitationHistory;
import dev.flightplan.plan.InvitationRecord;
import dev.flightplan.plan.Note;
import dev.flightplan.plan.PendingBuild;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.Planner;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.state.BuildStatuses;
import dev.flightplan.state.Fingerprints;
import dev.flightplan.state.InvitationLog;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.ReadScope;
import dev.flightplan.state.StateReader;
import dev.flightplan.state.TeamUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The use cases, wired once: read the live state and plan; apply a plan; plan again to confirm that
 * nothing is left to do. Commands call these and hand the results to views. Immutable: what a use
 * case needs of an earlier one (the live state a plan was judged against, the secrets its calls
 * send) travels in the values it returned ({@link Planned}), so no answer depends on what was
 * called before.
 */
public final class Engine {
  private final AscClient client;
  private final Map<String, String> env;
  private final int parallelism;
  private final Planner planner = Kinds.planner();

  /**
   * Where invitations.resendAfterDays keeps its dates; null: nowhere (every waiting tester is
   * unseen).
   */
  private final InvitationLogFile invitationLog;

  private final Clock clock;

  /** Where the secrets' files of a desired-state file may be. */
  private final ReferencedFiles files;

  /**
   * {@code env}: where secrets given as {@code { env: NAME }} are read from; {@code parallelism}:
   * how many requests reads and apply may have in flight at once.
   */
  public Engine(AscClient client, Map<String, String> env, int parallelism) {
    this(client, env, parallelism, null, Clock.systemUTC(), ReferencedFiles.CONFINED);
  }

  private Engine(
      AscClient client,
      Map<String, String> env,
      int parallelism,
      InvitationLogFile invitationLog,
      Clock clock,
      ReferencedFiles files) {
    this.client = Objects.requireNonNull(client, "client");
    this.env = Map.copyOf(env);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    this.invitationLog = invitationLog;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.files = Objects.requireNonNull(files, "files");
  }

  /** One request at a time. */
  public Engine(AscClient client, Map<String, String> env) {
    this(client, env, 1);
  }

  public Engine(AscClient client) {
    this(client, Map.of());
  }

  /**
   * This engine keeping the invitation log in {@code file} (read by plans of apps that set {@code
   * invitations.resendAfterDays}, written by apply), dated by {@code clock}.
   */
  public Engine withInvitationLog(InvitationLogFile file, Clock clock) {
    return new Engine(client, env, parallelism, Objects.requireNonNull(file, "file"), clock, files);
  }

  /**
   * This engine reading secrets' files where {@code files} allows (by default only inside the
   * file's directory).
   */
  public Engine withReferencedFiles(ReferencedFiles files) {
    return new Engine(client, env, parallelism, invitationLog, clock, files);
  }

  /**
   * A plan and what applying it needs: the live state it was judged against (by the guards) and the
   * secrets its calls send. Made by {@link #plan(DesiredState, PlanOptions)}, or for a saved plan
   * by {@link ApplySavedPlan}.
   */
  public record Planned(Plan plan, LiveState live, Secrets secrets) {
    public Planned {
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(live, "live");
      Objects.requireNonNull(secrets, "secrets");
    }

    /** The same plan with more notes, say, judged against the same live state. */
    public Planned withPlan(Plan other) {
      return new Planned(other, live, secrets);
    }
  }

  /**
   * A plan packaged for review and saving ({@code saved}), and what applying it at once needs
   * ({@code planned}).
   */
  public record Proposal(SavedPlan saved, Planned planned) {
    public Proposal {
      if (saved.plan() != planned.plan()) {
        throw new IllegalArgumentException(
            "the saved plan and the planned one must be the same plan");
      }
    }

    /** The plan both hold. */
    public Plan plan() {
      return saved.plan();
    }

    public Proposal withPlan(Plan other) {
      return new Proposal(saved.withPlan(other), planned.withPlan(other));
    }
  }

  /**
   * What planning read and made: the live state, the invitation history it judged by, the plan and
   * its secrets.
   */
  private record Reading(Planned planned, InvitationHistory history) {}

  /**
   * Reads the file's secrets, then the live state, and plans. A secret that cannot be read is an
   * error before any API call.
   */
  public Planned plan(DesiredState desired, PlanOptions options) {
    return read(desired, options).planned();
  }

  private Reading read(DesiredState desired, PlanOptions options) {
    Secrets.Resolution resolution = Secrets.resolve(desired, env, files);
    if (resolution.diagnostics().hasErrors()) {
      return new Reading(
          new Planned(
              new Plan(List.of(), List.of(), resolution.diagnostics(), List.of()),
              new LiveState(List.of(), List.of()),
              Secrets.none()),
          InvitationHistory.none(now()));
    }
    Secrets secrets = resolution.secrets();
    InvitationHistory history = history(desired);
    StateReader reader = reader();
    LiveState live = reader.read(desired);
    if (InternalMembers.needsUsers(desired, live, options)) {
      // known only now that someone would join an internal group: one more read, team-wide, for all
      // apps
      live = live.withUsers(reader.readUsers());
    }
    return new Reading(
        new Planned(planner.plan(desired, live, options, secrets, history), live, secrets),
        history);
  }

  private StateReader reader() {
    return new StateReader(client, parallelism, Kinds.reads());
  }

  /**
   * The invitation log (read before any API call, so that a bad one stops the run first) and the
   * time.
   */
  private InvitationHistory history(DesiredState desired) {
    Instant now = now();
    boolean resends =
        desired.apps().stream()
            .anyMatch(
                a ->
                    a.invitations().resendAfterDays() != null
                        // the inactive-tester policy's grace counts from the log's dates
                        // (kinds/hygiene)
                        || a.datesTesters());
    return invitationLog != null && resends
        ? new InvitationHistory(invitationLog.read(), now)
        : InvitationHistory.none(now);
  }

  /**
   * Plans the apps in {@code scope} of a loaded file and packages the plan for review and saving:
   * with the file's reference, the scope, the options and the fingerprints of everything that was
   * read.
   */
  public Proposal plan(
      DesiredState desired,
      SavedPlan.ConfigRef config,
      Scope scope,
      PlanOptions options,
      String version) {
    return plan(desired, config, scope, options, version, true);
  }

  /**
   * As above; without {@code fingerprinted}, the saved plan has no fingerprints, for a plan that is
   * only shown or applied at once: they serve only a plan document that is applied later (a fifth
   * of a 100,000-tester plan's CPU).
   */
  public Proposal plan(
      DesiredState desired,
      SavedPlan.ConfigRef config,
      Scope scope,
      PlanOptions options,
      String version,
      boolean fingerprinted) {
    DesiredState scoped = scope.restrict(desired);
    long before = client.requestCount();
    Reading reading = read(scoped, options);
    Planned planned =
        reading
            .planned()
            .withPlan(withBudgetNote(reading.planned().plan(), client.requestCount() - before));
    Plan plan = planned.plan();
    LiveState live = planned.live();
    boolean usersRead = live.users().status() == TeamUsers.Status.READ;
    ReadScope reads = reader().scope(scoped).withUsers(usersRead);
    if (!fingerprinted) {
      return new Proposal(
          new SavedPlan(
              version,
              config,
              scope.apps(),
              scope.partial(),
              options,
              plan,
              reads,
              new TreeMap<>()),
          planned);
    }
    // the log as planning read it, not read again
    SortedMap<String, String> fingerprints =
        fingerprints(
            live,
            reading.history()::log,
            reSent(plan),
            usersRead ? InternalMembers.joining(scoped, live) : Map.of());
    return new Proposal(
        new SavedPlan(
            version,
            config,
            scope.apps(),
            scope.partial(),
            options,
            plan,
            reads,
            reliedOn(fingerprints, plan)),
        planned);
  }

  /**
   * The plan, with a note when applying it (its calls, and reading again as planning did, to
   * verify) needs more requests than the API key has left this hour.
   */
  private Plan withBudgetNote(Plan plan, long reads) {
    RateBudget budget = client.rateBudget();
    OptionalLong available = budget.available();
    OptionalLong limit = budget.lastSeen().hourLimit();
    long needed = plan.calls().size() + reads;
    if (!plan.hasChanges()
        || available.isEmpty()
        || limit.isEmpty()
        || needed <= available.getAsLong()) {
      return plan;
    }
    List<Note> notes = new ArrayList<>(plan.notes());
    notes.add(
        BudgetNote.of(
            plan.calls().size(),
            reads,
            available.getAsLong(),
            limit.getAsLong(),
            budget.timeFor(needed)));
    return plan.withNotes(notes);
  }

  /**
   * What App Store Connect is like now for {@code saved}: the live state read again (the same
   * requests its planning made), and what changed since it was planned, by fingerprint (empty when
   * the plan is fresh).
   */
  public record Freshness(LiveState live, List<Fingerprints.Difference> differences) {
    public Freshness {
      Objects.requireNonNull(live, "live");
      differences = List.copyOf(differences);
    }

    public boolean fresh() {
      return differences.isEmpty();
    }
  }

  /**
   * Reads {@code saved}'s apps again and compares their fingerprints with those it was planned
   * with.
   */
  public Freshness freshness(SavedPlan saved) {
    LiveState live = reader().read(saved.reads());
    SortedMap<String, String> planned = saved.fingerprints();
    if (saved.reads().users() && live.users().status() != TeamUsers.Status.READ) {
      // App Store Connect now refuses to list the users (another key?): what planning checked
      // stands
      planned = new TreeMap<>(planned);
      planned.keySet().removeIf(a -> Fingerprints.userEntry(a).isPresent());
    }
    SortedMap<String, String> now =
        new TreeMap<>(
            fingerprints(
                live,
                () -> invitationLog.read(),
                byApp(planned, Fingerprints::invitationLogEntry),
                byApp(planned, Fingerprints::userEntry)));
    // usage the plan did not rely on may change as it likes (see reliedOn); a relied-on tester
    // whose usage item is missing now had none
    now.keySet()
        .removeIf(
            a -> Fingerprints.activityEntry(a).isPresent() && !saved.fingerprints().containsKey(a));
    planned.keySet().stream()
        .map(Fingerprints::activityEntry)
        .flatMap(Optional::stream)
        .map(e -> Fingerprints.noActivity(e.getKey(), e.getValue()))
        .forEach(e -> now.putIfAbsent(e.getKey(), e.getValue()));
    return new Freshness(live, Fingerprints.compare(planned, now));
  }

  /**
   * The fingerprints without the testers' usage that no action relies on ({@link
   * Plan#reliedOnActivity()}, which the kinds say): a saved plan is stale when a tester it removes
   * as inactive has had a session since, not whenever anyone of the app tests something.
   */
  private static SortedMap<String, String> reliedOn(
      SortedMap<String, String> fingerprints, Plan plan) {
    SortedMap<String, String> kept = new TreeMap<>(fingerprints);
    kept.keySet()
        .removeIf(
            a ->
                Fingerprints.activityEntry(a)
                    .map(
                        e ->
                            !plan.reliedOnActivity()
                                .contains(new Plan.TesterRef(e.getKey(), e.getValue())))
                    .orElse(false));
    // a relied-on tester without a usage item had no usage: an entry all the same (noActivity)
    plan.reliedOnActivity().stream()
        .map(t -> Fingerprints.noActivity(t.app(), t.testerId()))
        .forEach(e -> kept.putIfAbsent(e.getKey(), e.getValue()));
    return kept;
  }

  /** The keys of the fingerprints {@code entry} recognises, by app. */
  private static Map<String, List<String>> byApp(
      SortedMap<String, String> fingerprints,
      Function<String, Optional<Map.Entry<String, String>>> entry) {
    Map<String, List<String>> out = new TreeMap<>();
    fingerprints.keySet().stream()
        .map(entry)
        .flatMap(Optional::stream)
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  /**
   * The testers {@code plan} re-sends an invitation to (known ids, not testers it creates), by app.
   */
  private static Map<String, List<String>> reSent(Plan plan) {
    Map<String, List<String>> out = new TreeMap<>();
    plan.invitations().stream()
        .filter(r -> r.kind() == InvitationRecord.Kind.SENT && !r.tester().isProduced())
        .forEach(r -> out.computeIfAbsent(r.app(), k -> new ArrayList<>()).add(r.tester().value()));
    return out;
  }

  /**
   * The live objects' fingerprints, those of the {@code log}'s entries of the {@code logged}
   * testers (when the engine keeps a log; {@code log} is asked only then), and, when the team's
   * users were read, whether each of the {@code joining} emails (by app) is a user.
   */
  private SortedMap<String, String> fingerprints(
      LiveState live,
      Supplier<InvitationLog> log,
      Map<String, List<String>> logged,
      Map<String, ? extends Collection<String>> joining) {
    SortedMap<String, String> all = new TreeMap<>(Fingerprints.of(live));
    if (invitationLog != null && !logged.isEmpty()) {
      all.putAll(Fingerprints.ofInvitationLog(log.get(), logged));
    }
    if (live.users().status() == TeamUsers.Status.READ) {
      all.putAll(Fingerprints.ofUsers(live.users(), joining));
    }
    return all;
  }

  /**
   * Reads the secrets a saved plan's calls declare (a saved plan holds none, only where each goes);
   * errors when one cannot be read, before anything is sent.
   */
  public Secrets.Resolution secretsFor(SavedPlan saved) {
    List<SecretRef> refs =
        saved.plan().calls().stream().flatMap(c -> c.secrets().stream()).distinct().toList();
    return Secrets.resolve(refs, saved.config().path(), env, files);
  }

  /**
   * Just before the first write of a plan made from the file: reads again whether what it creates
   * appeared since it was planned ({@link Recheck}). The cost goes to the debug log.
   */
  public Recheck.Result recheck(Plan plan) {
    Recheck.Result result = Recheck.run(client, plan);
    if (result.requests() > 0) {
      client
          .options()
          .debugLog()
          .accept(
              "re-check before the first write: "
                  + result.requests()
                  + " request(s); "
                  + result.appeared().size()
                  + " object(s) the plan creates exist now");
    }
    return result;
  }

  /** Sends the plan's calls, with the secrets {@code planned} carries. */
  public ApplyReport apply(Planned planned, Consumer<CallResult> progress) {
    return apply(planned, progress, () -> false);
  }

  /**
   * As {@link #apply(Planned, Consumer)}; once {@code stopRequested} says so, no further call
   * starts. The invitation log is written before the first call and again after the last (see
   * {@link InvitationBookkeeping}).
   */
  public ApplyReport apply(
      Planned planned, Consumer<CallResult> progress, BooleanSupplier stopRequested) {
    Plan plan = planned.plan();
    Secrets secrets = planned.secrets();
    if (!keepsLog(plan)) {
      return new Applier(client, progress, secrets::lookup, parallelism, stopRequested).apply(plan);
    }
    Instant now = now();
    InvitationLog before = invitationLog.read();
    InvitationLog ahead = InvitationBookkeeping.ahead(before, plan, now);
    invitationLog.write(ahead);
    ApplyReport report =
        new Applier(client, progress, secrets::lookup, parallelism, stopRequested).apply(plan);
    invitationLog.write(InvitationBookkeeping.after(before, ahead, report, now));
    return report;
  }

  /** The time the invitation log is dated by, to the second (the log is read by people too). */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  /**
   * Whether applying {@code plan} writes the invitation log: never for a read-only client, which
   * sends nothing.
   */
  private boolean keepsLog(Plan plan) {
    return invitationLog != null && !plan.invitations().isEmpty() && !client.options().readOnly();
  }

  /**
   * Writes the invitation log's bookkeeping of a plan that has no changes to apply (first sightings
   * of waiting testers, entries to drop); nothing when it has none.
   */
  public void keepInvitationLog(Plan plan) {
    if (keepsLog(plan)) {
      invitationLog.write(InvitationBookkeeping.ahead(invitationLog.read(), plan, now()));
    }
  }

  /**
   * {@code proposal} with a note for each reason apply would refuse it under {@code limits} (see
   * {@link #guard}).
   */
  public static Proposal withGuardNotes(Proposal proposal, Guards.Limits limits) {
    Guards.Refusal refusal = guard(proposal.planned(), limits);
    if (!refusal.refused()) {
      return proposal;
    }
    List<Note> notes = new ArrayList<>(proposal.plan().notes());
    refusal.reasons().forEach(r -> notes.add(new Note.Refusal(r)));
    return proposal.withPlan(proposal.plan().withNotes(notes));
  }

  /**
   * How far each of {@code builds} is (processing, expiry, beta review), by {@link
   * PendingBuild#key()}: one request per 200 listed builds, and one for each build not listed yet.
   */
  public Map<String, BuildStatuses.Status> buildStatuses(List<PendingBuild> builds) {
    return BuildStatuses.read(
        client,
        builds.stream().map(PendingBuild::buildId).filter(Objects::nonNull).distinct().toList(),
        builds.stream().map(PendingBuild::unlisted).filter(Objects::nonNull).distinct().toList());
  }

  /** The API key's hourly allowance as the client sees it. */
  public RateBudget rateBudget() {
    return client.rateBudget();
  }

  /**
   * Whether {@code planned} may be applied under {@code limits}, judged against the live state it
   * carries (read by the plan that made it, or by the staleness check of a saved plan, which found
   * it unchanged).
   */
  public static Guards.Refusal guard(Planned planned, Guards.Limits limits) {
    return Guards.check(planned.plan(), planned.live(), limits);
  }

  /**
   * Confirms an apply: plans again, and while anything still differs, waits and plans again, up to
   * {@code convergence.reads()} times (App Store Connect's reads can trail its writes). Each wait
   * and re-read goes to the debug log.
   */
  public Verification verify(
      DesiredState desired, PlanOptions options, Plan applied, Convergence convergence) {
    Duration waited = Duration.ZERO;
    Plan again = null;
    for (int read = 1; read <= convergence.reads(); read++) {
      again = plan(desired, options).plan();
      if (!again.hasChanges() || again.diagnostics().hasErrors()) {
        if (!again.hasChanges()) {
          keepInvitationLog(again);
        }
        return new Verification(again, read, waited, List.of());
      }
      if (read < convergence.reads()) {
        Duration wait = convergence.wait(read);
        client
            .options()
            .debugLog()
            .accept(
                "verify: "
                    + again.actions().size()
                    + " object(s) still differ after read "
                    + read
                    + " of "
                    + convergence.reads()
                    + "; App Store Connect's reads can trail its writes, reading again in "
                    + wait.toMillis()
                    + " ms");
        try {
          client.options().sleeper().sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        waited = waited.plus(wait);
      }
    }
    List<Verification.Drift> drift = new ArrayList<>();
    for (Action a : again.actions()) {
      drift.add(new Verification.Drift(a, why(a, applied, convergence.reads(), waited)));
    }
    return new Verification(again, convergence.reads(), waited, drift);
  }

  private static String why(Action a, Plan applied, int reads, Duration waited) {
    String read = reads + " reads over " + waited.toSeconds() + " s";
    if (applied.callsServing(a.address()).isEmpty()) {
      return "this apply did not change it, yet it differs after "
          + read
          + ": it changed in App Store Connect while apply ran, or App Store Connect does not keep what the file asks";
    }
    return "App Store Connect accepted every request for it, yet after "
        + read
        + " it still differs"
        + (a.kind() == ActionKind.UPDATE ? " in " + changed((Action.Update) a) : "")
        + ": its reads trail its writes longer than that, or it did not keep the change";
  }

  private static String changed(Action.Update update) {
    List<String> names = new ArrayList<>();
    update.changes().forEach(c -> names.add(c.attribute()));
    return String.join(", ", names);
  }
}
