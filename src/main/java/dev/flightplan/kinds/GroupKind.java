package dev.flightplan.kinds;

import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Id;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.state.LiveGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Beta groups, keyed by (app, name as App Store Connect compares names, see {@link
 * dev.flightplan.plan.GroupMatch}): created, updated in place (name, settings, public link,
 * recruitment criteria, builds, and membership of existing testers in batches per group), replaced
 * when a create-only attribute changes and that is allowed, and deleted only when the file owns all
 * of the app's groups and {@code --prune} is given. A name App Store Connect holds twice is {@link
 * GroupCopies}'s; renames are {@link GroupRenames}', and a created group that looks like a rename
 * is said by {@link RenameLookAlikes}.
 */
public final class GroupKind implements Kind {
  @Override
  public List<String> types() {
    return List.of("group");
  }

  static final String TYPE = "betaGroups";

  @Override
  public void plan(AppContext ctx) {
    requireInternalGroup(ctx);
    InternalMembers.check(ctx);
    GroupRenames.check(ctx);
    Map<String, Set<String>> members = ctx.membersByGroup();
    List<GroupSpec> created = new ArrayList<>();
    for (GroupSpec spec : ctx.desired().groups()) {
      Set<String> wanted = members.getOrDefault(spec.name(), Set.of());
      ctx.liveGroup(spec.name())
          .ifPresentOrElse(
              live -> planExisting(ctx, spec, live, wanted),
              () -> {
                created.add(spec);
                planCreate(ctx, spec, wanted, null);
              });
    }
    GroupCopies.plan(ctx);
    planDeletes(ctx);
    RenameLookAlikes.plan(ctx, created);
  }

  /**
   * App Store Connect creates an external group only once the app has an internal one. The plan
   * creates internal groups first, so a file that declares one converges in one apply; one that
   * declares none is told so.
   */
  private static void requireInternalGroup(AppContext ctx) {
    boolean hasInternal =
        ctx.live().groups().stream().anyMatch(LiveGroup::internal)
            || ctx.desired().groups().stream().anyMatch(GroupSpec::internal);
    if (hasInternal) {
      return;
    }
    for (GroupSpec spec : ctx.desired().groups()) {
      if (ctx.liveGroup(spec.name()).isEmpty()) {
        ctx.out()
            .diagnostic(
                Diagnostic.error(
                    spec.pos(),
                    "group \""
                        + spec.name()
                        + "\" cannot be created: App Store Connect allows external groups only once the app has an internal group",
                    "add an internal group (internal: true) to the file; flightplan creates it first"));
      }
    }
  }

  private void planCreate(AppContext ctx, GroupSpec spec, Set<String> wanted, LiveGroup replaced) {
    Address address = Address.group(ctx.app(), spec.name());
    String ref = ctx.out().newRef();
    ctx.groupWillBeCreated(spec.name(), ref);
    GroupPlan p = new GroupPlan(ctx, address, Id.produced(ref));
    boolean willHaveBuild = GroupBuilds.plan(p, spec, null);
    GroupSettings.plan(p, spec, null, willHaveBuild);
    RecruitmentCriteria.plan(p, spec, null);
    if (replaced == null) {
      ctx.out()
          .action(
              new Action.Create(
                  address, desiredAttributes(p, spec, wanted), "not in App Store Connect"));
    }
    List<String> existingIds = new ArrayList<>();
    for (String email : wanted) {
      ctx.liveTester(email).ifPresent(t -> existingIds.add(t.id()));
    }
    List<List<String>> batches = Batches.of(existingIds, ctx.options().batchSize());
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("name", spec.name());
    attrs.put("isInternalGroup", spec.internal());
    attrs.put("hasAccessToAllBuilds", spec.accessToAllBuilds());
    attrs.put("feedbackEnabled", spec.feedback());
    Map<String, Object> rels = new LinkedHashMap<>();
    rels.put("app", new Linkage("apps", ctx.live().id()));
    if (!batches.isEmpty()) {
      rels.put(
          "betaTesters",
          batches.get(0).stream().map(id -> new Linkage(TesterKind.TYPE, id)).toList());
    }
    Phase phase = spec.internal() ? Phase.GROUP_CREATE_INTERNAL : Phase.GROUP_CREATE_EXTERNAL;
    ctx.out()
        .call(
            phase,
            new ApiCall(
                    "POST",
                    "/v1/betaGroups",
                    JsonApi.create(TYPE, attrs, rels),
                    ref,
                    "create " + address.local(),
                    List.of(address))
                .readingBack(
                    ReadBack.find(
                        Query.of("/v1/betaGroups")
                            .param("filter[app]", ctx.live().id())
                            .param("filter[name]", spec.name())
                            .param("fields[betaGroups]", "name")
                            .param("limit", 200)
                            .build(),
                        TYPE,
                        "name",
                        spec.name())));
    for (List<String> batch : batches.subList(Math.min(1, batches.size()), batches.size())) {
      ctx.out()
          .call(
              Phase.MEMBERSHIP_ADD,
              GroupMembers.call("POST", Id.produced(ref), batch, address, "add"));
    }
    p.emitPatches();
  }

  private void planExisting(AppContext ctx, GroupSpec spec, LiveGroup live, Set<String> wanted) {
    List<String> forcedBy = new ArrayList<>();
    if (spec.internal() != live.internal()) {
      forcedBy.add("internal");
    }
    if (spec.accessToAllBuilds() != null && spec.accessToAllBuilds() != live.accessToAllBuilds()) {
      forcedBy.add("accessToAllBuilds");
    }
    if (!forcedBy.isEmpty()) {
      planReplace(ctx, spec, live, wanted, forcedBy);
      return;
    }
    Address address = Address.group(ctx.app(), spec.name());
    GroupPlan p = new GroupPlan(ctx, address, Id.of(live.id()));
    GroupRenames.plan(p, spec, live);
    boolean willHaveBuild = GroupBuilds.plan(p, spec, live);
    GroupSettings.plan(p, spec, live, willHaveBuild);
    RecruitmentCriteria.plan(p, spec, live);
    GroupMembers.plan(p, live, wanted);
    if (p.changes.isEmpty()) {
      return;
    }
    String renamed = GroupRenames.reason(ctx, spec, live);
    String reason =
        renamed == null
            ? "differs from the file"
            : p.changes.size() == 1 ? renamed : renamed + "; and differs from the file";
    ctx.out().action(new Action.Update(address, live.id(), p.changes, reason));
    p.emitPatches();
  }

  private void planReplace(
      AppContext ctx, GroupSpec spec, LiveGroup live, Set<String> wanted, List<String> forcedBy) {
    Address address = Address.group(ctx.app(), spec.name());
    String what = String.join(" and ", forcedBy);
    if (spec.protect()) {
      ctx.out()
          .diagnostic(
              Diagnostic.error(
                  spec.pos(),
                  "group \""
                      + spec.name()
                      + "\" is protected, but its "
                      + what
                      + " cannot be changed without deleting and re-creating it",
                  "keep "
                      + what
                      + " as App Store Connect has it ("
                      + liveValues(live, forcedBy)
                      + "), or remove protect: true if losing the group's testers and public link is intended"));
      return;
    }
    if (!ctx.options().allowReplace()) {
      ctx.out()
          .diagnostic(
              Diagnostic.error(
                  spec.pos(),
                  "group \""
                      + spec.name()
                      + "\": "
                      + what
                      + " can only be set when a group is created, so this change means deleting and re-creating the group",
                  "run again with --allow-replace to replace it (its members are re-added; its public link changes), or keep "
                      + liveValues(live, forcedBy)));
      return;
    }
    // the new group keeps the live values of the settings the file leaves unsaid
    GroupSpec effective =
        new GroupSpec(
            spec.name(),
            spec.internal(),
            spec.accessToAllBuilds() != null
                ? spec.accessToAllBuilds()
                : (spec.internal() && live.internal() ? live.accessToAllBuilds() : null),
            spec.feedback() != null ? spec.feedback() : live.feedback(),
            spec.protect(),
            spec.testers(),
            spec.appleSiliconMac() != null ? spec.appleSiliconMac() : live.appleSiliconMac(),
            spec.appleVision() != null ? spec.appleVision() : live.appleVision(),
            spec.publicLink(),
            spec.builds(),
            spec.pos(),
            spec.testersAt());
    ctx.out()
        .action(
            new Action.Replace(
                address,
                live.id(),
                liveAttributes(live, ctx),
                replacementAttributes(effective, wanted),
                forcedBy,
                what
                    + " cannot change in place; the group is deleted and created again, with a new public link"));
    PublicLinkLoss.warn(ctx, live, true, spec.pos());
    ctx.out()
        .call(
            Phase.GROUP_REPLACE_DELETE,
            new ApiCall(
                "DELETE",
                "/v1/betaGroups/" + live.id(),
                null,
                null,
                "delete " + address.local() + " (replace)",
                List.of(address)));
    planCreate(ctx, effective, wanted, live);
  }

  private void planDeletes(AppContext ctx) {
    if (ctx.desired().manage().groups() != Manage.GroupsMode.ALL) {
      return;
    }
    List<String> unlisted = new ArrayList<>();
    for (List<LiveGroup> copies : ctx.groups().unlisted()) {
      LiveGroup kept = copies.get(0);
      if (!ctx.options().prune()) {
        unlisted.add("\"" + kept.name() + "\"");
        continue;
      }
      Address address = Address.group(ctx.app(), kept.name());
      PublicLinkLoss.warn(ctx, kept, false, null);
      for (LiveGroup live : copies) {
        Duplicates.delete(
            ctx,
            Phase.GROUP_DELETE,
            TYPE,
            live == kept ? address : Duplicates.address(address, live.id()),
            live.id(),
            liveAttributes(live, ctx),
            "not in the file, which owns all groups (manage.groups: all), and --prune was given");
      }
    }
    if (!unlisted.isEmpty()) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              unlisted.size()
                  + " group(s) not in the file would be deleted with --prune: "
                  + String.join(", ", unlisted));
    }
  }

  /** The attributes a created group will have; only attributes the file says are shown. */
  private static Attributes desiredAttributes(GroupPlan p, GroupSpec spec, Set<String> members) {
    var link = spec.publicLink();
    return Attributes.builder()
        .put("internal", spec.internal())
        .put("accessToAllBuilds", spec.accessToAllBuilds())
        .put("feedback", spec.feedback())
        .put("appleSiliconMac", spec.appleSiliconMac())
        .put("appleVision", spec.appleVision())
        .put(
            "publicLink",
            link == null ? null : link.enabled() && !p.linkDeferred ? "enabled" : "disabled")
        .put(
            "publicLinkLimit",
            link == null || link.limit() == null || p.linkDeferred ? null : link.limit().max())
        .put("criteria", RecruitmentCriteria.labels(RecruitmentCriteria.desired(spec)))
        .put("builds", GroupBuilds.labels(p, spec))
        .put("testers", List.copyOf(new TreeSet<>(members)))
        .build();
  }

  /**
   * What the re-created group will have, in the same shape as {@link #liveAttributes}: unsaid means
   * Apple's default.
   */
  private static Attributes replacementAttributes(GroupSpec spec, Set<String> members) {
    var link = spec.publicLink();
    return Attributes.builder()
        .put("internal", spec.internal())
        .put("accessToAllBuilds", Boolean.TRUE.equals(spec.accessToAllBuilds()))
        .put("feedback", Boolean.TRUE.equals(spec.feedback()))
        .put("appleSiliconMac", Boolean.TRUE.equals(spec.appleSiliconMac()))
        .put("appleVision", Boolean.TRUE.equals(spec.appleVision()))
        .put("publicLink", link != null && link.enabled() ? "enabled" : "disabled")
        .put("publicLinkLimit", link == null || link.limit() == null ? null : link.limit().max())
        .put("criteria", RecruitmentCriteria.labels(RecruitmentCriteria.desired(spec)))
        .put("testers", List.copyOf(new TreeSet<>(members)))
        .build();
  }

  static Attributes liveAttributes(LiveGroup live, AppContext ctx) {
    return Attributes.builder()
        .put("internal", live.internal())
        .put("accessToAllBuilds", live.accessToAllBuilds())
        .put("feedback", live.feedback())
        .put("appleSiliconMac", live.appleSiliconMac())
        .put("appleVision", live.appleVision())
        .put("publicLink", live.publicLinkEnabled() ? "enabled" : "disabled")
        .put("publicLinkLimit", live.publicLinkLimitEnabled() ? live.publicLinkLimit() : null)
        .put(
            "criteria",
            live.criteria() == null ? null : RecruitmentCriteria.labels(live.criteria().filters()))
        .put(
            "testers",
            ctx.liveMembers(live.id()).stream()
                .map(t -> Objects.requireNonNullElse(t.email(), "(tester " + t.id() + ")"))
                .sorted()
                .toList())
        .build();
  }

  private static String liveValues(LiveGroup live, List<String> attrs) {
    List<String> parts = new ArrayList<>();
    for (String a : attrs) {
      parts.add(a + ": " + ("internal".equals(a) ? live.internal() : live.accessToAllBuilds()));
    }
    return String.join(", ", parts);
  }
}
