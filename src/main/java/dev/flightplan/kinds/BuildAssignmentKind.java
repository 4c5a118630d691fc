package dev.flightplan.kinds;

import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.BuildAssignments;
import dev.flightplan.plan.Id;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.plan.Substitution;
import dev.flightplan.state.Builds;
import dev.flightplan.state.LiveBuild;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the build assignments the other kinds collected: per build, one request adds it to all its
 * new groups (build-side, {@code /v1/builds/{id}/relationships/betaGroups}, which works for freshly
 * processed builds where the group side may not yet) and one gives it to its new individual
 * testers; removals likewise. Runs last.
 */
public final class BuildAssignmentKind implements Kind {
  @Override
  public List<String> types() {
    return List.of("notification");
  }

  @Override
  public void plan(AppContext ctx) {
    Map<String, Boolean> autoNotifyWanted = new HashMap<>();
    for (BuildSpec spec : ctx.desired().builds()) {
      if (spec.autoNotify() != null) {
        Builds.resolve(ctx.live().builds(), spec.ref())
            .ifPresent(b -> autoNotifyWanted.putIfAbsent(b.id(), spec.autoNotify()));
      }
    }
    for (BuildAssignments.Batch batch : ctx.buildAssignments().batches()) {
      if (batch.add() && batch.target() == BuildAssignments.Target.GROUPS) {
        notifyIfNeeded(ctx, batch, autoNotifyWanted);
      }
      boolean groups = batch.target() == BuildAssignments.Target.GROUPS;
      String rel = groups ? "betaGroups" : "individualTesters";
      String type = groups ? GroupKind.TYPE : TesterKind.TYPE;
      String what = groups ? "group(s)" : "tester(s)";
      for (List<Id> ids : Batches.of(batch.ids(), ctx.options().batchSize())) {
        List<Substitution> produced = new ArrayList<>();
        List<String> inBody = new ArrayList<>();
        for (Id id : ids) {
          inBody.add(Substitution.place(id, Substitution.linkageId(inBody.size()), produced));
        }
        String purpose =
            batch.add()
                ? "give build " + batch.buildLabel() + " to " + ids.size() + " " + what
                : "take build " + batch.buildLabel() + " from " + ids.size() + " " + what;
        ctx.out()
            .call(
                batch.add() ? Phase.BUILD_ASSIGN : Phase.BUILD_UNASSIGN,
                new ApiCall(
                        batch.add() ? "POST" : "DELETE",
                        "/v1/builds/" + batch.buildId() + "/relationships/" + rel,
                        JsonApi.linkages(type, inBody),
                        null,
                        purpose,
                        batch.serves())
                    .substituting(produced)
                    .readingBack(
                        ReadBack.members(
                            groups
                                ? Query.of("/v1/betaGroups")
                                    .param("filter[builds]", batch.buildId())
                                    .param("fields[betaGroups]", "name")
                                    .param("limit", 200)
                                    .build()
                                : Query.of(
                                        "/v1/builds/"
                                            + batch.buildId()
                                            + "/relationships/individualTesters")
                                    .param("limit", 200)
                                    .build())));
      }
    }
  }

  /**
   * A build newly given to groups, with auto-notify off (as it will be after this apply), is
   * announced to their testers once. Apple answers 409 when auto-notify is on after all; that
   * counts as done.
   */
  private static void notifyIfNeeded(
      AppContext ctx, BuildAssignments.Batch batch, Map<String, Boolean> autoNotifyWanted) {
    LiveBuild build =
        ctx.live().builds().stream()
            .filter(b -> b.id().equals(batch.buildId()))
            .findFirst()
            .orElse(null);
    if (build == null || build.betaDetail() == null) {
      return;
    }
    boolean autoNotify = autoNotifyWanted.getOrDefault(build.id(), build.betaDetail().autoNotify());
    if (autoNotify) {
      return;
    }
    Address address = new Address(ctx.app(), "notification", build.label());
    ctx.out()
        .action(
            new Action.Send(
                address,
                Attributes.builder()
                    .put("build", build.label())
                    .put("groups", batch.ids().size())
                    .build(),
                "build newly given to "
                    + batch.ids().size()
                    + " group(s), and auto-notify is off"));
    ctx.out()
        .call(
            Phase.NOTIFY,
            new ApiCall(
                    "POST",
                    "/v1/buildBetaNotifications",
                    JsonApi.create(
                        "buildBetaNotifications",
                        Map.of(),
                        Map.of("build", new Linkage("builds", build.id()))),
                    null,
                    "notify the testers of build " + build.label(),
                    List.of(address))
                .tolerating("STATE_ERROR.ENTITY_STATE_INVALID")
                // a notification leaves nothing to read: when its answer is lost it is not sent
                // again (no second email)
                .readingBack(ReadBack.none()));
  }
}
