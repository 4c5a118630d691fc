package dev.flightplan.plan;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects what the kinds find for every app, then orders it into a {@link Plan}. */
public final class PlanBuilder {
  /** A call as a kind gave it, with where it goes; placed in its phase and keyed only in build. */
  private record Placed(int app, Phase phase, int seq, String key, ApiCall call) {}

  private record PlacedAction(int app, int rank, int seq, Action action) {}

  /** The address types in the order plans show their actions (the kinds' registry says it). */
  private final List<String> typeOrder;

  private final List<PlacedAction> actions = new ArrayList<>();
  private final List<Placed> calls = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  private final List<InvitationRecord> invitations = new ArrayList<>();
  private final Map<String, PendingBuild> pending = new LinkedHashMap<>();
  private final Set<Plan.TesterRef> reliedOnActivity = new HashSet<>();
  private int appIndex;
  private int refs;
  private int seq;

  PlanBuilder(List<String> typeOrder) {
    this.typeOrder = List.copyOf(typeOrder);
  }

  void beginApp(int index) {
    this.appIndex = index;
  }

  public void action(Action action) {
    actions.add(new PlacedAction(appIndex, typeRank(action.address().type()), seq++, action));
  }

  /**
   * Adds {@code call}, sent in {@code phase} of the current app, and returns its key: a call that
   * must come after it names the key ({@link ApiCall#following}). Any order a kind relies on within
   * a phase must be said that way.
   */
  public String call(Phase phase, ApiCall call) {
    int s = seq++;
    String key = "c" + s;
    calls.add(new Placed(appIndex, phase, s, key, call));
    return key;
  }

  public void diagnostic(Diagnostic d) {
    diagnostics.add(d);
  }

  /**
   * A remark of the kind planning about {@code app}, naming {@code subject} first (null: none):
   * {@link Note.Remark}.
   */
  public void note(String app, String subject, String message) {
    notes.add(new Note.Remark(app, subject, message));
  }

  /** Bookkeeping for the invitation log, written by apply. */
  public void invitation(InvitationRecord record) {
    invitations.add(record);
  }

  /**
   * A build the file gives that App Store Connect does not take yet, for a reason that changes by
   * itself.
   */
  public void pending(PendingBuild build) {
    pending.putIfAbsent(build.key(), build);
  }

  /**
   * The plan's actions rely on the usage of the tester {@code testerId} of {@code app} (they remove
   * it as inactive): a session of its since makes the saved plan stale.
   */
  public void reliesOnActivity(String app, String testerId) {
    reliedOnActivity.add(new Plan.TesterRef(app, testerId));
  }

  /** A fresh placeholder for an id that a call of this plan will produce. */
  public String newRef() {
    return "r" + (++refs);
  }

  Plan build() {
    List<Action> orderedActions =
        actions.stream()
            .sorted(
                Comparator.comparingInt(PlacedAction::app)
                    .thenComparingInt(PlacedAction::rank)
                    .thenComparing(p -> p.action().address().key()))
            .map(PlacedAction::action)
            .toList();
    List<Placed> sorted =
        calls.stream()
            .sorted(
                Comparator.comparingInt(Placed::app)
                    .thenComparing(Placed::phase)
                    .thenComparingInt(Placed::seq))
            .toList();
    return new Plan(
        orderedActions,
        renumbered(sorted),
        Diagnostics.of(diagnostics),
        notes,
        invitations,
        0,
        List.copyOf(pending.values()),
        reliedOnActivity);
  }

  /**
   * The calls keyed {@code c1}, {@code c2}, ... in the order apply sends them, their dependencies
   * renamed alike.
   */
  private static List<ApiCall> renumbered(List<Placed> sorted) {
    // only the keys some call follows are looked up, so only theirs are mapped
    Set<String> followed = new HashSet<>();
    for (Placed p : sorted) {
      followed.addAll(p.call().after());
    }
    Map<String, String> keys = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      if (followed.contains(sorted.get(i).key())) {
        keys.put(sorted.get(i).key(), "c" + (i + 1));
      }
    }
    List<ApiCall> out = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Placed p = sorted.get(i);
      List<String> after = p.call().after();
      out.add(
          p.call()
              .placed(
                  p.phase(),
                  "c" + (i + 1),
                  after.isEmpty() ? after : after.stream().map(keys::get).toList()));
    }
    return out;
  }

  private int typeRank(String type) {
    int i = typeOrder.indexOf(type);
    return i < 0 ? typeOrder.size() : i;
  }
}
