package dev.flightplan.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plan cut down to its invitation emails ({@code --invitations-only}): the re-sends of {@code
 * invitations.resendAfterDays} and the invitations of testers the app already has. An invitation to
 * a tester the plan would create goes with the create, so it is left out too. Diagnostics stay (a
 * file with errors is not applied); the plan counts the other changes it left out ({@link
 * Plan#leftOut}), and a note says how many.
 */
final class InvitationsOnly {
  private InvitationsOnly() {}

  static Plan of(Plan plan) {
    // one pass over the calls, not one per action: a plan may hold thousands of each
    Set<Address> withCreatedIds = new HashSet<>();
    plan.calls().stream()
        .filter(c -> !c.needs().isEmpty())
        .forEach(c -> withCreatedIds.addAll(c.serves()));
    Set<Address> kept = new HashSet<>();
    List<Action> actions = new ArrayList<>();
    for (Action a : plan.actions()) {
      if (a.address().type().equals("invitation") && !withCreatedIds.contains(a.address())) {
        kept.add(a.address());
        actions.add(a);
      }
    }
    List<ApiCall> calls = plan.calls().stream().filter(c -> kept.containsAll(c.serves())).toList();
    List<InvitationRecord> records =
        plan.invitations().stream()
            .filter(r -> r.kind() != InvitationRecord.Kind.SENT || kept.contains(r.invitation()))
            .toList();
    List<Note> notes = new ArrayList<>(plan.notes());
    int left = plan.actions().size() - actions.size();
    if (left > 0) {
      notes.add(
          new Note.Remark(
              left
                  + " other change(s) left out (--invitations-only): plan without it to see them"));
    }
    return new Plan(
        actions,
        calls,
        plan.diagnostics(),
        notes,
        records,
        left,
        plan.pending(),
        plan.reliedOnActivity());
  }
}
