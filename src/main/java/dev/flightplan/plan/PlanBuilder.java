package dev.flightplan.plan;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects what the kinds find for every app, then orders it into a {@link Plan}. */
public final class PlanBuilder {
  private record Placed(int app, Phase phase, int seq, ApiCall call) {}

  private record PlacedAction(int app, int rank, int seq, Action action) {}

  private static final List<String> TYPE_ORDER =
      List.of(
          "localization", "licenseAgreement", "reviewDetail", "group", "tester", "build", "whatToTest", "appClipInvocation",
          "appClipTitle", "reviewSubmission", "notification", "invitation");

  private final List<PlacedAction> actions = new ArrayList<>();
  private final List<Placed> calls = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<InvitationRecord> invitations = new ArrayList<>();
  private int appIndex;
  private int refs;
  private int seq;

  void beginApp(int index) {
    this.appIndex = index;
  }

  public void action(Action action) {
    actions.add(new PlacedAction(appIndex, typeRank(action.address().type()), seq++, action));
  }

  public void call(Phase phase, ApiCall call) {
    calls.add(new Placed(appIndex, phase, seq++, call.inPhase(phase)));
  }

  public void diagnostic(Diagnostic d) {
    diagnostics.add(d);
  }

  public void note(String note) {
    notes.add(note);
  }

  /** Bookkeeping for the invitation log, written by apply. */
  public void invitation(InvitationRecord record) {
    invitations.add(record);
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
    List<ApiCall> orderedCalls =
        calls.stream()
            .sorted(Comparator.comparingInt(Placed::app).thenComparing(Placed::phase).thenComparingInt(Placed::seq))
            .map(Placed::call)
            .toList();
    return new Plan(orderedActions, orderedCalls, Diagnostics.of(diagnostics), notes, invitations);
  }

  private static int typeRank(String type) {
    int i = TYPE_ORDER.indexOf(type);
    return i < 0 ? TYPE_ORDER.size() : i;
  }
}
