package dev.flightplan.engine;

import dev.flightplan.apply.ApplyOutcome;
import dev.flightplan.apply.ApplyOutcome.Ending;
import dev.flightplan.apply.Guards;
import dev.flightplan.config.ReferencedFiles;
import dev.flightplan.config.Secrets;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.planfile.PlanFile.PlanFileException;
import dev.flightplan.planfile.PlanFiles;
import dev.flightplan.state.Fingerprints;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The use case {@code apply PLAN}: refuses a saved plan that this version did not make, whose
 * secrets cannot be read, or that is stale (App Store Connect changed since it was planned);
 * otherwise sends exactly its calls and verifies the result against the file it was made from,
 * unless that file changed since (then it is an error: not verified). Nothing here prints: {@link
 * Events} is told.
 */
public final class ApplySavedPlan {
  /** What {@code apply PLAN} tells people besides what every apply does. */
  public interface Events extends ApplyEvents {
    /** The plan file cannot be read, or is not a plan this version applies. */
    void unreadable(String message);

    void wrongVersion(String planFile, String madeBy, String running);

    void stale(String planFile, List<Fingerprints.Difference> differences);

    /** The plan is fresh and is about to be applied (or found to have no changes). */
    void header(String planFile, SavedPlan saved);

    /** Before sending: the file changed since planning, so what follows cannot be verified. */
    void willNotVerify(SavedPlan.ConfigRef config);

    /**
     * The file changed since planning, so App Store Connect was not verified ({@code applied}:
     * requests were sent).
     */
    void notVerified(SavedPlan saved, boolean applied);
  }

  /**
   * A saved plan read from its file ({@code saved}, null when unreadable), and, when this version
   * cannot apply it, how the apply ended ({@code ended}; null when it can).
   */
  public record Opened(SavedPlan saved, ApplyOutcome ended) {
    public Opened {
      if (saved == null && ended == null) {
        throw new IllegalArgumentException("an opened plan has a plan or an ending");
      }
    }
  }

  private final Engine engine;
  private final ReferencedFiles files;
  private final Events events;
  private final Sending sending;

  public ApplySavedPlan(
      Engine engine, ReferencedFiles files, Events events, ApplyEvents.Sender sender) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.files = Objects.requireNonNull(files, "files");
    this.events = Objects.requireNonNull(events, "events");
    this.sending = new Sending(engine, events, sender);
  }

  /**
   * Reads the plan in {@code file} and checks that {@code version}, the running one, made it;
   * before any API call.
   */
  public static Opened open(Path file, String version, Events events) {
    String name = file.toString();
    SavedPlan saved;
    try {
      saved = PlanFiles.read(file);
    } catch (PlanFileException e) {
      events.unreadable(e.getMessage());
      return new Opened(
          null, ApplyOutcome.early(Ending.INVALID, name, null, List.of(e.getMessage())));
    }
    if (!saved.flightplanVersion().equals(version)) {
      events.wrongVersion(name, saved.flightplanVersion(), version);
      return new Opened(
          saved,
          ApplyOutcome.unsent(
              Ending.INVALID,
              name,
              saved,
              List.of(
                  "made by flightplan "
                      + saved.flightplanVersion()
                      + ", not by this flightplan "
                      + version)));
    }
    return new Opened(saved, null);
  }

  /**
   * Applies {@code saved}, read from {@code name}, if App Store Connect has not changed since it
   * was planned.
   */
  public ApplyOutcome apply(String name, SavedPlan saved, Guards.Limits limits) {
    Secrets.Resolution secrets = engine.secretsFor(saved);
    events.diagnostics(secrets.diagnostics());
    if (secrets.diagnostics().hasErrors()) {
      return new ApplyOutcome(
          Ending.INVALID, name, saved, null, null, secrets.diagnostics(), List.of());
    }
    // the staleness check reads everything again, so a saved plan needs no re-check before its
    // first write
    Engine.Freshness freshness = engine.freshness(saved);
    if (!freshness.fresh()) {
      events.stale(name, freshness.differences());
      return ApplyOutcome.unsent(
          Ending.STALE,
          name,
          saved,
          freshness.differences().stream()
              .map(d -> d.address() + " " + d.kind().name().toLowerCase(Locale.ROOT))
              .toList());
    }
    events.header(name, saved);
    // the file that was planned is the one to verify against; when it changed, App Store Connect
    // cannot be checked
    Optional<ConfigFile> unchanged = ConfigFile.ifUnchanged(saved.config(), files);
    if (!saved.plan().hasChanges()) {
      engine.keepInvitationLog(saved.plan());
      if (unchanged.isEmpty()) {
        events.notVerified(saved, false);
        return ApplyOutcome.unsent(Ending.NOT_VERIFIED, name, saved, List.of());
      }
      return ApplyOutcome.unsent(Ending.NO_CHANGES, name, saved, List.of());
    }
    // judged against what the staleness check read, which it found unchanged since planning
    Engine.Planned planned = new Engine.Planned(saved.plan(), freshness.live(), secrets.secrets());
    List<String> refusal = sending.refusal(planned, limits);
    if (!refusal.isEmpty()) {
      return ApplyOutcome.unsent(Ending.REFUSED, name, saved, refusal);
    }
    if (unchanged.isEmpty()) {
      events.willNotVerify(saved.config());
      events.sending();
      ApplyOutcome applied =
          sending.send(planned, ApplyOutcome.unsent(Ending.NOT_VERIFIED, name, saved, List.of()));
      if (applied.ending() == Ending.NOT_VERIFIED) {
        events.notVerified(saved, true);
      }
      return applied;
    }
    events.sending();
    ConfigFile config = unchanged.get();
    events.diagnostics(config.result().diagnostics());
    if (config.result().state().isEmpty()) {
      return new ApplyOutcome(
          Ending.INVALID, name, saved, null, null, config.result().diagnostics(), List.of());
    }
    Scope scope = new Scope(saved.apps(), saved.partial());
    return sending.sendAndVerify(
        planned,
        ApplyOutcome.unsent(Ending.APPLIED, name, saved, List.of()),
        scope.restrict(config.result().state().get()),
        saved.options(),
        false);
  }
}
