package dev.flightplan.apply;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.Plan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of an apply, complete even when it stopped half way: the result of every planned
 * call, from which each action's state follows (done when every call serving it was sent
 * successfully), and the ids of what it created or adopted, by the plan's reference ({@code r3}).
 */
public record ApplyReport(Plan plan, List<CallResult> results, Map<String, String> ids) {
  public ApplyReport {
    results = List.copyOf(results);
    ids = Map.copyOf(ids);
  }

  /** A report without the ids the apply created. */
  public ApplyReport(Plan plan, List<CallResult> results) {
    this(plan, results, Map.of());
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
    Map<Address, CallResult.Status> states = states();
    return plan.actions().stream()
        .filter(a -> state(states, a.address()) == CallResult.Status.DONE)
        .toList();
  }

  public List<Action> notDone() {
    Map<Address, CallResult.Status> states = states();
    return plan.actions().stream()
        .filter(a -> state(states, a.address()) != CallResult.Status.DONE)
        .toList();
  }

  private static CallResult.Status state(Map<Address, CallResult.Status> states, Address address) {
    return states.getOrDefault(address, CallResult.Status.DONE);
  }

  /**
   * Each object that is not done, with FAILED if a call serving it failed, else NOT_SENT; objects
   * absent from the map are done.
   */
  public Map<Address, CallResult.Status> states() {
    Map<Address, CallResult.Status> states = new HashMap<>();
    for (CallResult r : results) {
      if (r.status() == CallResult.Status.DONE) {
        continue;
      }
      for (Address a : r.call().serves()) {
        states.merge(a, r.status(), (x, y) -> x == CallResult.Status.FAILED ? x : y);
      }
    }
    return states;
  }
}
