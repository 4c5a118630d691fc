package dev.flightplan.apply;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.Plan;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an apply, complete even when it stopped half way: the result of every planned call, from which
 * each action's state follows (done when every call serving it was sent successfully).
 */
public record ApplyReport(Plan plan, List<CallResult> results) {
  public ApplyReport {
    results = List.copyOf(results);
  }

  public boolean succeeded() {
    return results.stream().allMatch(r -> r.status() == CallResult.Status.DONE);
  }

  public Optional<CallResult> failure() {
    return results.stream().filter(r -> r.status() == CallResult.Status.FAILED).findFirst();
  }

  public long sent() {
    return results.stream().filter(r -> r.status() != CallResult.Status.NOT_SENT).count();
  }

  public List<Action> done() {
    return plan.actions().stream().filter(a -> state(a.address()) == CallResult.Status.DONE).toList();
  }

  public List<Action> notDone() {
    return plan.actions().stream().filter(a -> state(a.address()) != CallResult.Status.DONE).toList();
  }

  /** FAILED if a call serving the object failed, NOT_SENT if one was not sent, else DONE. */
  public CallResult.Status state(Address address) {
    CallResult.Status state = CallResult.Status.DONE;
    for (CallResult r : results) {
      if (!r.call().serves().contains(address) || r.status() == CallResult.Status.DONE) {
        continue;
      }
      if (r.status() == CallResult.Status.FAILED) {
        return CallResult.Status.FAILED;
      }
      state = CallResult.Status.NOT_SENT;
    }
    return state;
  }
}
