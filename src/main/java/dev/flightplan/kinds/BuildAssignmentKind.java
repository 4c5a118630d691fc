package dev.flightplan.kinds;

import dev.flightplan.api.JsonApi;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.BuildAssignments;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ResourceKind;
import java.util.List;

/**
 * Sends the build assignments the other kinds collected: per build, one request adds it to all its new groups
 * (build-side, {@code /v1/builds/{id}/relationships/betaGroups}, which works for freshly processed builds where the
 * group side may not yet) and one gives it to its new individual testers; removals likewise. Runs last.
 */
public final class BuildAssignmentKind implements ResourceKind {
  @Override
  public void plan(AppContext ctx) {
    for (BuildAssignments.Batch batch : ctx.buildAssignments().batches()) {
      boolean groups = batch.target() == BuildAssignments.Target.GROUPS;
      String rel = groups ? "betaGroups" : "individualTesters";
      String type = groups ? GroupKind.TYPE : TesterKind.TYPE;
      String what = groups ? "group(s)" : "tester(s)";
      for (List<String> ids : Batches.of(batch.ids(), ctx.options().batchSize())) {
        String purpose =
            batch.add()
                ? "give build " + batch.buildLabel() + " to " + ids.size() + " " + what
                : "take build " + batch.buildLabel() + " from " + ids.size() + " " + what;
        ctx.out().call(
            batch.add() ? Phase.BUILD_ASSIGN : Phase.BUILD_UNASSIGN,
            new ApiCall(
                batch.add() ? "POST" : "DELETE",
                "/v1/builds/" + batch.buildId() + "/relationships/" + rel,
                JsonApi.linkages(type, ids),
                null,
                purpose,
                batch.serves()));
      }
    }
  }
}
