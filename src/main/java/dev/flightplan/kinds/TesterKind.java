package dev.flightplan.kinds;

import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.config.Manage;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Id;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.plan.Substitution;
import dev.flightplan.state.LiveTester;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Beta testers, keyed by (app, lower-cased email). A missing tester is created with all its groups
 * in one call. Testers cannot be renamed through the API, so a name difference is a warning, not a
 * change. A tester is removed from the app ({@code DELETE /v1/apps/{id}/relationships/betaTesters},
 * batched) only when the file owns the app's testers exclusively and {@code --prune} is given;
 * never with {@code DELETE /v1/betaTesters/{id}}, which would remove the person from every app of
 * the team.
 */
public final class TesterKind implements Kind {
  @Override
  public List<String> types() {
    return List.of("tester", "invitation");
  }

  static final String TYPE = "betaTesters";

  @Override
  public void plan(AppContext ctx) {
    TesterInvitations invitations = new TesterInvitations(ctx);
    for (TesterSpec spec : ctx.desired().testers()) {
      // a plain branch, not ifPresentOrElse: its two lambdas were allocated per tester
      LiveTester live = ctx.liveTester(spec.email()).orElse(null);
      if (live != null) {
        planExisting(ctx, spec, live, invitations);
      } else {
        planCreate(ctx, spec, ctx.desiredGroupsOf(spec), invitations);
      }
    }
    planRemovals(ctx);
    invitations.finish();
  }

  private void planCreate(
      AppContext ctx, TesterSpec spec, List<String> groups, TesterInvitations invitations) {
    Address address = Address.tester(ctx.app(), spec.email());
    if (groups.isEmpty()) {
      ctx.out()
          .diagnostic(
              Diagnostic.error(
                  spec.pos(),
                  "tester "
                      + spec.email()
                      + " is in no group, and App Store Connect only adds testers to a group or a build",
                  "list the tester under a group's testers, or give it groups: [...]"));
      return;
    }
    String ref = ctx.out().newRef();
    Id id = Id.produced(ref);
    ctx.testerWillBeCreated(spec.email(), id);
    TesterBuilds.Diff builds = TesterBuilds.plan(ctx, spec, null, id, address);
    ctx.out()
        .action(
            new Action.Create(
                address,
                Attributes.builder()
                    .put("firstName", spec.firstName())
                    .put("lastName", spec.lastName())
                    .put("groups", List.copyOf(groups))
                    .put("builds", spec.builds() == null ? null : builds.added())
                    .build(),
                "not a tester of the app"));
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("firstName", spec.firstName());
    attrs.put("lastName", spec.lastName());
    attrs.put("email", spec.email());
    // sized for the groups: ApiCall copies them, so each is only a step on the way
    List<Linkage> linkages = new ArrayList<>(groups.size());
    List<Substitution> ids = new ArrayList<>(groups.size());
    List<Address> serves = new ArrayList<>(groups.size() + 1);
    serves.add(address);
    for (String group : groups) {
      String pointer = Substitution.relationshipId("betaGroups", linkages.size());
      linkages.add(
          new Linkage(GroupKind.TYPE, Substitution.place(ctx.groupId(group), pointer, ids)));
      serves.add(ctx.groupAddress(group));
    }
    ctx.out()
        .call(
            Phase.TESTER_CREATE,
            new ApiCall(
                "POST",
                "/v1/betaTesters",
                null,
                ref,
                description(address, groups.size()),
                serves,
                List.of(),
                null,
                // text rather than a tree: one create per tester adds up in large plans
                JsonApi.createText(TYPE, attrs, Map.of("betaGroups", linkages)),
                ids,
                ReadBack.findIgnoringCase(
                    Query.of("/v1/betaTesters")
                        .param("filter[apps]", ctx.live().id())
                        .param("filter[email]", spec.email())
                        .param("fields[betaTesters]", "email")
                        .param("limit", 200)
                        .build(),
                    TYPE,
                    "email",
                    spec.email()),
                null,
                List.of()));
    invitations.created(spec.email(), id, groups);
  }

  private void planExisting(
      AppContext ctx, TesterSpec spec, LiveTester live, TesterInvitations invitations) {
    checkNames(ctx, spec, live);
    invitations.existing(spec.email(), live, ctx.desiredGroupsOf(spec));
    Address address = Address.tester(ctx.app(), spec.email());
    TesterBuilds.Diff builds = TesterBuilds.plan(ctx, spec, live.id(), Id.of(live.id()), address);
    if (!builds.isEmpty()) {
      ctx.out()
          .action(
              new Action.Update(
                  address,
                  live.id(),
                  List.of(
                      new dev.flightplan.plan.Change.Members(
                          "builds", builds.added(), builds.removed())),
                  "differs from the file"));
    }
  }

  private void checkNames(AppContext ctx, TesterSpec spec, LiveTester live) {
    boolean firstDiffers =
        spec.firstName() != null && !Objects.equals(spec.firstName(), live.firstName());
    boolean lastDiffers =
        spec.lastName() != null && !Objects.equals(spec.lastName(), live.lastName());
    if (firstDiffers || lastDiffers) {
      // the names themselves are not repeated: a diagnostic is free text, which the Markdown view
      // cannot mask
      String which =
          firstDiffers && lastDiffers
              ? "first and last name"
              : firstDiffers ? "first name" : "last name";
      ctx.out()
          .diagnostic(
              Diagnostic.warning(
                  spec.pos(),
                  "tester "
                      + spec.email()
                      + " has another "
                      + which
                      + " in App Store Connect than in the file",
                  "the API cannot rename a tester; the name is left as it is (flightplan pull shows the one App Store"
                      + " Connect has)"));
    }
  }

  private void planRemovals(AppContext ctx) {
    if (ctx.desired().manage().testers() != Manage.TestersMode.EXCLUSIVE) {
      return;
    }
    List<LiveTester> leaving = new ArrayList<>();
    int undeclared = 0;
    int publicLink = 0;
    UnmanagedGroups unmanaged = new UnmanagedGroups(ctx);
    for (LiveTester t : ctx.live().testers()) {
      if (ctx.leavesApp(t)) {
        leaving.add(t);
      } else if (!ctx.declared(t.email())) {
        if (t.joinedByPublicLink()) {
          publicLink++;
        } else if (ctx.owns(t)) {
          undeclared++;
        } else {
          unmanaged.add(t);
        }
      }
    }
    if (undeclared > 0) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              undeclared + " tester(s) not in the file would be removed from the app with --prune");
    }
    if (publicLink > 0 && ctx.options().prune()) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              publicLink
                  + " tester(s) who joined through a public link are not in the file and are kept");
    }
    unmanaged.note();
    List<String> ids = new ArrayList<>();
    List<Address> served = new ArrayList<>();
    for (LiveTester t : leaving) {
      Address address = Address.tester(ctx.app(), t.email() == null ? t.id() : t.email());
      ctx.out()
          .action(
              new Action.Delete(
                  address,
                  t.id(),
                  Attributes.builder()
                      .put("firstName", t.firstName())
                      .put("lastName", t.lastName())
                      .put("state", t.state())
                      .build(),
                  "not in the file, which owns the testers (manage.testers: exclusive), and --prune was given; removed from this app only, not from the team"));
      ids.add(t.id());
      served.add(address);
    }
    removeFromApp(ctx, ids, served);
  }

  /**
   * The batched {@code DELETE /v1/apps/{id}/relationships/betaTesters} calls that take the testers
   * {@code ids} out of the app (never the team), each serving the addresses of its testers ({@code
   * served}, aligned with {@code ids}).
   */
  public static void removeFromApp(AppContext ctx, List<String> ids, List<Address> served) {
    List<List<String>> batches = Batches.of(ids, ctx.options().batchSize());
    List<List<Address>> servedBatches = Batches.of(served, ctx.options().batchSize());
    for (int i = 0; i < batches.size(); i++) {
      ctx.out()
          .call(
              Phase.TESTER_REMOVE,
              new ApiCall(
                      "DELETE",
                      "/v1/apps/" + ctx.live().id() + "/relationships/betaTesters",
                      JsonApi.linkages(TYPE, batches.get(i)),
                      null,
                      "remove " + batches.get(i).size() + " tester(s) from app " + ctx.app(),
                      servedBatches.get(i))
                  .readingBack(
                      ReadBack.members(
                          Query.of("/v1/betaTesters")
                              .param("filter[apps]", ctx.live().id())
                              .param("filter[id]", batches.get(i))
                              .param("fields[betaTesters]", "email")
                              .param("limit", 200)
                              .build())));
    }
  }

  /**
   * {@code create tester "EMAIL" in N group(s)}, made in one buffer of its size: one per tester a
   * plan creates (the build joins strings with a growing StringBuilder, see the pom).
   */
  private static String description(Address address, int groups) {
    String local = address.local();
    return new StringBuilder(local.length() + 24)
        .append("create ")
        .append(local)
        .append(" in ")
        .append(groups)
        .append(" group(s)")
        .toString();
  }
}
