package dev.flightplan.kinds.expiry;

import dev.flightplan.api.JsonApi;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.BuildExpiryPolicy;
import dev.flightplan.config.BuildRef;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.kinds.Kind;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Phase;
import dev.flightplan.state.Builds;
import dev.flightplan.state.LiveBuild;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The build expiry policy ({@code buildExpiry}) of one app: every unexpired build uploaded more
 * than {@code olderThanDays} ago is expired ({@code PATCH /v1/builds/{id}} with {@code expired:
 * true}, which App Store Connect cannot undo), except the latest {@code keepLatest} unexpired
 * builds of its version and platform (by upload date), builds still processing, and every build the
 * file gives a group or tester or names under {@code builds} (a {@code latest: true} reference as
 * it resolves now). Expiring is a {@code delete} of the build in every view: it needs {@code
 * --prune} (without it the plan says what {@code --prune} would expire) and counts against {@code
 * --max-deletes}. Ages are counted from the planning time.
 */
public final class BuildExpiry implements Kind {
  @Override
  public List<String> types() {
    return List.of("build");
  }

  @Override
  public void plan(AppContext ctx) {
    BuildExpiryPolicy policy = ctx.desired().buildExpiry();
    if (policy == null || ctx.options().invitationsOnly()) {
      return;
    }
    Set<String> given = givenByFile(ctx);
    Instant now = ctx.history().now();
    Map<String, Integer> rank = latestRank(ctx.live().builds());
    List<LiveBuild> expiring = new ArrayList<>();
    int protectedByFile = 0;
    for (LiveBuild b : ctx.live().builds()) {
      if (b.expired()
          || "PROCESSING".equals(b.processingState())
          || rank.get(b.id()) < policy.keepLatest()) {
        continue;
      }
      Instant uploaded = uploaded(b);
      if (uploaded == null
          || !uploaded.plus(Duration.ofDays(policy.olderThanDays())).isBefore(now)) {
        continue;
      }
      if (given.contains(b.id())) {
        protectedByFile++;
        continue;
      }
      expiring.add(b);
    }
    if (protectedByFile > 0) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              protectedByFile
                  + " build(s) older than "
                  + policy.olderThanDays()
                  + " days are"
                  + " kept because the file gives them to a group or tester or names them under builds (buildExpiry)");
    }
    if (!ctx.options().prune()) {
      if (!expiring.isEmpty()) {
        ctx.out()
            .note(
                ctx.app(),
                ctx.app(),
                "--prune would expire "
                    + expiring.size()
                    + " build(s) (uploaded more than "
                    + policy.olderThanDays()
                    + " days ago, not among the latest "
                    + policy.keepLatest()
                    + " of their version; buildExpiry); expiring cannot be undone");
      }
      return;
    }
    for (LiveBuild b : expiring) {
      expire(ctx, policy, b, now);
    }
  }

  private static void expire(AppContext ctx, BuildExpiryPolicy policy, LiveBuild b, Instant now) {
    Address address = new Address(ctx.app(), "build", b.label());
    long age = Duration.between(uploaded(b), now).toDays();
    ctx.out()
        .action(
            new Action.Delete(
                address,
                b.id(),
                Attributes.builder()
                    .put("uploaded", b.uploadedDate())
                    .put("processingState", b.processingState())
                    .put("groups", b.groupIds().size())
                    .put("individualTesters", b.individualTesterIds().size())
                    .build(),
                "buildExpiry: uploaded "
                    + b.uploadedDate().substring(0, 10)
                    + ", "
                    + age
                    + " days ago (more than olderThanDays "
                    + policy.olderThanDays()
                    + "), not among the latest "
                    + policy.keepLatest()
                    + " of "
                    + b.version()
                    + " ("
                    + b.platform()
                    + "), given to no group or tester by the file; expiring cannot be undone (testers can no"
                    + " longer install it); --prune"));
    ctx.out()
        .call(
            Phase.BUILD_EXPIRE,
            new ApiCall(
                "PATCH",
                "/v1/builds/" + b.id(),
                JsonApi.update("builds", b.id(), Map.of("expired", true)),
                null,
                "expire " + address.local(),
                List.of(address)));
  }

  /**
   * The ids of the builds the file gives to a group or tester, or names under {@code builds}, as
   * they resolve now.
   */
  private static Set<String> givenByFile(AppContext ctx) {
    AppSpec app = ctx.desired();
    List<BuildRef> refs = new ArrayList<>();
    for (GroupSpec g : app.groups()) {
      if (g.builds() != null) {
        refs.addAll(g.builds());
      }
    }
    for (TesterSpec t : app.testers()) {
      if (t.builds() != null) {
        refs.addAll(t.builds());
      }
    }
    for (BuildSpec b : app.builds()) {
      refs.add(b.ref());
    }
    Set<String> ids = new HashSet<>();
    for (BuildRef ref : refs) {
      Builds.resolve(ctx.live().builds(), ref).ifPresent(b -> ids.add(b.id()));
    }
    return ids;
  }

  /**
   * Each build's place among the unexpired builds of its version and platform, newest upload first
   * (0 = latest).
   */
  private static Map<String, Integer> latestRank(List<LiveBuild> builds) {
    Map<String, List<LiveBuild>> byVersion = new HashMap<>();
    for (LiveBuild b : builds) {
      if (!b.expired()) {
        byVersion.computeIfAbsent(b.platform() + " " + b.version(), k -> new ArrayList<>()).add(b);
      }
    }
    Map<String, Integer> rank = new HashMap<>();
    for (List<LiveBuild> same : byVersion.values()) {
      same.sort(
          Comparator.comparing((LiveBuild b) -> b.uploadedDate() == null ? "" : b.uploadedDate())
              .reversed()
              .thenComparing(LiveBuild::id));
      for (int i = 0; i < same.size(); i++) {
        rank.put(same.get(i).id(), i);
      }
    }
    builds.stream().filter(LiveBuild::expired).forEach(b -> rank.put(b.id(), Integer.MAX_VALUE));
    return rank;
  }

  private static Instant uploaded(LiveBuild b) {
    try {
      return b.uploadedDate() == null ? null : Instant.parse(b.uploadedDate());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
