package dev.flightplan.kinds;

import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Query;
import dev.flightplan.config.Manage;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Id;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The testers of an existing group. Testers that exist join in batches per group; testers that do
 * not exist yet join when they are created (see {@link TesterKind}). With {@code manage.testers:
 * exclusive}, members the file does not list leave the group, except those who joined through the
 * public link and those leaving the app.
 */
public final class GroupMembers {
  private GroupMembers() {}

  static void plan(GroupPlan p, LiveGroup live, Set<String> wanted) {
    AppContext ctx = p.ctx;
    List<LiveTester> current = ctx.liveMembers(live.id());
    Set<String> currentEmails = new HashSet<>();
    current.forEach(t -> currentEmails.add(t.email()));
    Map<String, String> toAdd = new TreeMap<>();
    List<String> added = new ArrayList<>();
    for (String email : wanted) {
      if (!currentEmails.contains(email)) {
        added.add(email);
        ctx.liveTester(email).ifPresent(t -> toAdd.put(email, t.id()));
      }
    }
    List<String> removed = new ArrayList<>();
    List<String> toRemove = new ArrayList<>();
    int publicLinkKept = 0;
    if (ctx.desired().manage().testers() == Manage.TestersMode.EXCLUSIVE) {
      for (LiveTester t : current.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
        if (t.email() != null && wanted.contains(t.email())) {
          continue;
        }
        if (t.joinedByPublicLink()) {
          publicLinkKept++;
        } else if (!ctx.leavesApp(t)) {
          removed.add(t.email() == null ? "(tester " + t.id() + ")" : t.email());
          toRemove.add(t.id());
        }
      }
    }
    if (publicLinkKept > 0) {
      ctx.out()
          .note(
              p.address.app(),
              p.address.toString(),
              publicLinkKept
                  + " tester(s) who joined through the public link are not in the file and are kept");
    }
    if (added.isEmpty() && removed.isEmpty()) {
      return;
    }
    p.changes.add(new Change.Members("testers", added, removed));
    for (List<String> batch :
        Batches.of(new ArrayList<>(toAdd.values()), ctx.options().batchSize())) {
      ctx.out().call(Phase.MEMBERSHIP_ADD, call("POST", Id.of(live.id()), batch, p.address, "add"));
    }
    for (List<String> batch : Batches.of(toRemove, ctx.options().batchSize())) {
      ctx.out()
          .call(
              Phase.MEMBERSHIP_REMOVE,
              call("DELETE", Id.of(live.id()), batch, p.address, "remove"));
    }
  }

  /**
   * The batched {@code DELETE /v1/betaGroups/{id}/relationships/betaTesters} calls that take the
   * testers {@code testerIds} out of the group at {@code group}.
   */
  public static void removeFromGroup(
      AppContext ctx, String groupId, List<String> testerIds, Address group) {
    for (List<String> batch : Batches.of(testerIds, ctx.options().batchSize())) {
      ctx.out()
          .call(Phase.MEMBERSHIP_REMOVE, call("DELETE", Id.of(groupId), batch, group, "remove"));
    }
  }

  static ApiCall call(
      String method, Id groupId, List<String> testerIds, Address group, String verb) {
    String path = "/v1/betaGroups/" + groupId.inPath() + "/relationships/betaTesters";
    return new ApiCall(
            method,
            path,
            JsonApi.linkages(TesterKind.TYPE, testerIds),
            null,
            verb
                + " "
                + testerIds.size()
                + " tester(s) "
                + ("add".equals(verb) ? "to " : "from ")
                + group.local(),
            List.of(group))
        .withIdInPath(groupId)
        .readingBack(
            ReadBack.members(Query.of(path).param("limit", 200).build()).withIdInPath(groupId));
  }
}
