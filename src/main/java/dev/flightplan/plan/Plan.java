package dev.flightplan.plan;

import dev.flightplan.diag.Diagnostics;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The difference between the file and the live state, as a value: the actions (sorted by app, then
 * in apply order), the API calls that carry them out in the order apply sends them, diagnostics
 * found while planning, and notes (things left alone on purpose, such as what {@code --prune} would
 * delete), what apply writes in the invitation log ({@code invitations}: bookkeeping for {@code
 * invitations.resendAfterDays}, never a change), and how many changes {@code --invitations-only}
 * left out ({@code leftOut}: App Store Connect still differs from the file in them, whatever this
 * plan holds), and the builds the file gives that App Store Connect does not take yet ({@code
 * pending}: still processing or in beta review; not kept in a saved plan), and the testers whose
 * usage its actions rely on ({@code reliedOnActivity}: those it removes as inactive; a session of
 * theirs makes a saved plan stale; not kept in a saved plan, whose fingerprints hold only their
 * usage). A call depends only on calls before it ({@link ApiCall#after()} names keys of earlier
 * calls).
 */
public record Plan(
    List<Action> actions,
    List<ApiCall> calls,
    Diagnostics diagnostics,
    List<Note> notes,
    List<InvitationRecord> invitations,
    int leftOut,
    List<PendingBuild> pending,
    Set<TesterRef> reliedOnActivity) {
  /** A tester of an app, by id (a tester App Store Connect knows no email of has one too). */
  public record TesterRef(String app, String testerId) {
    public TesterRef {
      Objects.requireNonNull(app, "app");
      Objects.requireNonNull(testerId, "testerId");
    }
  }

  public Plan {
    pending = List.copyOf(pending);
    reliedOnActivity = Set.copyOf(reliedOnActivity);
    actions = List.copyOf(actions);
    calls = List.copyOf(calls);
    notes = List.copyOf(notes);
    invitations = List.copyOf(invitations);
    if (leftOut < 0) {
      throw new IllegalArgumentException("leftOut must be 0 or more, got " + leftOut);
    }
    checkDependencies(calls);
  }

  private static void checkDependencies(List<ApiCall> calls) {
    if (calls.stream().allMatch(c -> c.after().isEmpty())) {
      return;
    }
    Set<String> before = new HashSet<>();
    for (ApiCall c : calls) {
      for (String key : c.after()) {
        if (!before.contains(key)) {
          throw new IllegalArgumentException(
              "the call \""
                  + c.purpose()
                  + "\" must follow "
                  + key
                  + ", which is not a call before it");
        }
      }
      if (c.key() != null && !before.add(c.key())) {
        throw new IllegalArgumentException("two calls have the key " + c.key());
      }
    }
  }

  public Plan(
      List<Action> actions,
      List<ApiCall> calls,
      Diagnostics diagnostics,
      List<Note> notes,
      List<InvitationRecord> invitations,
      int leftOut) {
    this(actions, calls, diagnostics, notes, invitations, leftOut, List.of(), Set.of());
  }

  /** A plan of every change there is. */
  public Plan(
      List<Action> actions,
      List<ApiCall> calls,
      Diagnostics diagnostics,
      List<Note> notes,
      List<InvitationRecord> invitations) {
    this(actions, calls, diagnostics, notes, invitations, 0);
  }

  /** A plan of every change there is, that writes nothing in the invitation log. */
  public Plan(
      List<Action> actions, List<ApiCall> calls, Diagnostics diagnostics, List<Note> notes) {
    this(actions, calls, diagnostics, notes, List.of());
  }

  /** This plan with other notes. */
  public Plan withNotes(List<Note> other) {
    return new Plan(
        actions, calls, diagnostics, other, invitations, leftOut, pending, reliedOnActivity);
  }

  public boolean hasChanges() {
    return !actions.isEmpty();
  }

  /**
   * Whether applying this plan leaves App Store Connect matching the file: it has every change
   * there is.
   */
  public boolean complete() {
    return leftOut == 0;
  }

  public Map<ActionKind, Integer> counts() {
    Map<ActionKind, Integer> counts = new EnumMap<>(ActionKind.class);
    for (ActionKind k : ActionKind.values()) {
      counts.put(k, 0);
    }
    actions.forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
    return counts;
  }

  public List<ApiCall> callsServing(Address address) {
    return calls.stream().filter(c -> c.serves().contains(address)).toList();
  }
}
