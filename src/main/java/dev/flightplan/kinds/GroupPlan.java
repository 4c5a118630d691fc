package dev.flightplan.kinds;

import dev.flightplan.api.JsonApi;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Id;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.Substitution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What planning one group collects before it becomes an action: the changes to show, and the
 * attributes to PATCH now (with the group's other settings) or later (once the group has its
 * builds: enabling a public link).
 */
final class GroupPlan {
  final AppContext ctx;
  final Address address;

  /** The group's id, known or produced by its creation. */
  final Id groupId;

  final List<Change> changes = new ArrayList<>();
  final Map<String, Object> patchNow = new LinkedHashMap<>();
  final Map<String, Object> patchAfterBuilds = new LinkedHashMap<>();

  /**
   * Why a build the file gives the group is not given yet but may be later ("build 2.3 (45): it is
   * ..."), or null.
   */
  String buildPending;

  /**
   * Whether enabling the public link waits for {@link #buildPending}: the link is then left as it
   * is.
   */
  boolean linkDeferred;

  GroupPlan(AppContext ctx, Address address, Id groupId) {
    this.ctx = ctx;
    this.address = address;
    this.groupId = groupId;
  }

  void change(String attribute, Object before, Object after) {
    changes.add(new Change.Value(attribute, before, after));
  }

  /**
   * Sends the collected PATCHes: settings with the group's updates, the public link after builds
   * are given.
   */
  void emitPatches() {
    if (!patchNow.isEmpty()) {
      ctx.out().call(Phase.GROUP_UPDATE, patch(patchNow, "update " + address.local()));
    }
    if (!patchAfterBuilds.isEmpty()) {
      ctx.out()
          .call(
              Phase.PUBLIC_LINK,
              patch(patchAfterBuilds, "enable the public link of " + address.local()));
    }
  }

  private ApiCall patch(Map<String, Object> attributes, String purpose) {
    List<Substitution> ids = new ArrayList<>();
    return new ApiCall(
            "PATCH",
            "/v1/betaGroups/" + groupId.inPath(),
            JsonApi.update(
                GroupKind.TYPE,
                Substitution.place(groupId, Substitution.dataId(), ids),
                attributes),
            null,
            purpose,
            List.of(address))
        .withIdInPath(groupId)
        .substituting(ids);
  }
}
