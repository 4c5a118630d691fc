package dev.flightplan.testing;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.BuildRef;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.CriterionSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.InvitationPolicy;
import dev.flightplan.config.InvocationSpec;
import dev.flightplan.config.LinkLimit;
import dev.flightplan.config.LocalizationSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.config.PublicLinkSpec;
import dev.flightplan.config.ReviewDetailSpec;
import dev.flightplan.config.Secrets;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.kinds.appclip.AppClipKind;
import dev.flightplan.kinds.appclip.LiveAppClip;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveParts;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.TeamUsers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Test data builders for planner tables: a desired app and a live app, written tersely. */
public final class Fixtures {
  public static final String APP = "com.example.app";
  public static final SourcePos POS = new SourcePos("testflight.yaml", 1, 1);

  private Fixtures() {}

  public static GroupSpec group(String name, String... testers) {
    return new GroupSpec(name, false, null, null, false, List.of(testers), POS);
  }

  public static GroupSpec internal(String name, String... testers) {
    return new GroupSpec(name, true, null, null, false, List.of(testers), POS);
  }

  public static GroupSpec withFeedback(GroupSpec g, boolean feedback) {
    return new GroupSpec(
        g.name(), g.internal(), g.accessToAllBuilds(), feedback, g.protect(), g.testers(), g.pos());
  }

  public static GroupSpec protectedGroup(GroupSpec g) {
    return new GroupSpec(
        g.name(), g.internal(), g.accessToAllBuilds(), g.feedback(), true, g.testers(), g.pos());
  }

  /**
   * The group, listing {@code email} (already among its testers) at {@code pos}, as the loader
   * records it.
   */
  public static GroupSpec listedAt(GroupSpec g, String email, SourcePos pos) {
    java.util.Map<String, SourcePos> at = new java.util.HashMap<>(g.testersAt());
    at.put(email, pos);
    return new GroupSpec(
        g.name(),
        g.internal(),
        g.accessToAllBuilds(),
        g.feedback(),
        g.protect(),
        g.testers(),
        g.appleSiliconMac(),
        g.appleVision(),
        g.publicLink(),
        g.builds(),
        g.pos(),
        at);
  }

  /**
   * A tester whose own entry names each of {@code groups} at a position of its own: line 20, 21,
   * ... column 5.
   */
  public static TesterSpec testerAt(String email, String... groups) {
    java.util.Map<String, SourcePos> at = new java.util.HashMap<>();
    for (int i = 0; i < groups.length; i++) {
      at.put(groups[i], new SourcePos("testflight.yaml", 20 + i, 5));
    }
    return new TesterSpec(email, null, null, List.of(groups), null, POS, at);
  }

  public static TesterSpec tester(String email, String... groups) {
    return new TesterSpec(email, null, null, List.of(groups), POS);
  }

  public static TesterSpec named(String email, String first, String last, String... groups) {
    return new TesterSpec(email, first, last, List.of(groups), POS);
  }

  /**
   * A desired app; testers mentioned only under groups are added as bare testers, as the loader
   * does.
   */
  public static AppSpec desired(Manage manage, List<GroupSpec> groups, List<TesterSpec> testers) {
    List<TesterSpec> all = new ArrayList<>(testers);
    for (GroupSpec g : groups) {
      for (String email : g.testers()) {
        if (all.stream().noneMatch(t -> t.email().equals(email))) {
          all.add(tester(email));
        }
      }
    }
    return new AppSpec(APP, manage, groups, all, POS);
  }

  public static Manage manage(Manage.GroupsMode groups, Manage.TestersMode testers) {
    return new Manage(groups, testers);
  }

  public static LiveGroup liveGroup(String id, String name) {
    return new LiveGroup(id, name, false, false, false, false);
  }

  public static LiveGroup liveInternal(String id, String name) {
    return new LiveGroup(id, name, true, false, false, false);
  }

  public static LiveTester liveTester(String id, String email, String... groupIds) {
    return new LiveTester(
        id, email, null, null, "EMAIL", "INVITED", Set.copyOf(Arrays.asList(groupIds)));
  }

  public static LiveTester publicLinkTester(String id, String email, String... groupIds) {
    return new LiveTester(
        id, email, null, null, "PUBLIC_LINK", "INSTALLED", Set.copyOf(Arrays.asList(groupIds)));
  }

  public static LiveApp live(List<LiveGroup> groups, List<LiveTester> testers) {
    return new LiveApp("100", APP, "App", groups, testers);
  }

  public static LiveApp live(
      List<LiveGroup> groups, List<LiveTester> testers, List<LiveBuild> builds) {
    return new LiveApp("100", APP, "App", groups, testers, builds);
  }

  /** The parts of a build read without an App Clip, as the state reader gives them. */
  public static final LiveParts NO_CLIP = LiveParts.NOT_READ.with(AppClipKind.LIVE, null);

  /** A processed, approved iOS build uploaded on day {@code day} of November 2026, in no group. */
  public static LiveBuild build(String id, String version, String number, int day) {
    return new LiveBuild(
        id,
        "IOS",
        version,
        number,
        "VALID",
        false,
        String.format("2026-11-%02dT10:00:00Z", day),
        "APP_STORE_ELIGIBLE",
        false,
        "APPROVED",
        Set.of(),
        Set.of(),
        NO_CLIP);
  }

  public static LiveBuild inGroups(LiveBuild b, String... groupIds) {
    return new LiveBuild(
        b.id(),
        b.platform(),
        b.version(),
        b.number(),
        b.processingState(),
        b.expired(),
        b.uploadedDate(),
        b.audience(),
        b.usesNonExemptEncryption(),
        b.reviewState(),
        Set.of(groupIds),
        b.individualTesterIds(),
        b.parts());
  }

  public static LiveBuild withTesters(LiveBuild b, String... testerIds) {
    return new LiveBuild(
        b.id(),
        b.platform(),
        b.version(),
        b.number(),
        b.processingState(),
        b.expired(),
        b.uploadedDate(),
        b.audience(),
        b.usesNonExemptEncryption(),
        b.reviewState(),
        b.groupIds(),
        Set.of(testerIds),
        b.parts());
  }

  public static LiveBuild state(
      LiveBuild b, String processingState, boolean expired, String reviewState) {
    return new LiveBuild(
        b.id(),
        b.platform(),
        b.version(),
        b.number(),
        processingState,
        expired,
        b.uploadedDate(),
        b.audience(),
        b.usesNonExemptEncryption(),
        reviewState,
        b.groupIds(),
        b.individualTesterIds(),
        b.parts());
  }

  public static LiveBuild withClip(
      LiveBuild b, String bundleId, LiveAppClip.LiveInvocation... invocations) {
    return b.withPart(AppClipKind.LIVE, new LiveAppClip(bundleId, List.of(invocations)));
  }

  public static LiveAppClip.LiveInvocation invocation(
      String id, String url, String... localeIdTitle) {
    java.util.Map<String, LiveAppClip.LiveTitle> titles = new java.util.HashMap<>();
    for (int i = 0; i < localeIdTitle.length; i += 3) {
      titles.put(
          localeIdTitle[i], new LiveAppClip.LiveTitle(localeIdTitle[i + 1], localeIdTitle[i + 2]));
    }
    return new LiveAppClip.LiveInvocation(id, url, titles);
  }

  public static BuildRef ref(String version, String number) {
    return new BuildRef("IOS", version, number, false, POS);
  }

  public static BuildRef latest(String version) {
    return new BuildRef("IOS", version, null, true, POS);
  }

  /** The group with these builds (managed) and, optionally, a public link. */
  public static GroupSpec withBuilds(GroupSpec g, BuildRef... builds) {
    return new GroupSpec(
        g.name(),
        g.internal(),
        g.accessToAllBuilds(),
        g.feedback(),
        g.protect(),
        g.testers(),
        g.appleSiliconMac(),
        g.appleVision(),
        g.publicLink(),
        List.of(builds),
        g.pos(),
        g.testersAt());
  }

  public static GroupSpec withLink(
      GroupSpec g, boolean enabled, Integer limit, CriterionSpec... criteria) {
    return new GroupSpec(
        g.name(),
        g.internal(),
        g.accessToAllBuilds(),
        g.feedback(),
        g.protect(),
        g.testers(),
        g.appleSiliconMac(),
        g.appleVision(),
        new PublicLinkSpec(
            enabled,
            limit == null ? null : LinkLimit.of(limit),
            criteria.length == 0 ? null : List.of(criteria),
            POS),
        g.builds(),
        g.pos(),
        g.testersAt());
  }

  public static GroupSpec withNoCriteria(GroupSpec g) {
    return new GroupSpec(
        g.name(),
        g.internal(),
        g.accessToAllBuilds(),
        g.feedback(),
        g.protect(),
        g.testers(),
        g.appleSiliconMac(),
        g.appleVision(),
        new PublicLinkSpec(g.publicLink().enabled(), g.publicLink().limit(), List.of(), POS),
        g.builds(),
        g.pos(),
        g.testersAt());
  }

  public static GroupSpec withMac(GroupSpec g, boolean mac) {
    return new GroupSpec(
        g.name(),
        g.internal(),
        g.accessToAllBuilds(),
        g.feedback(),
        g.protect(),
        g.testers(),
        mac,
        g.appleVision(),
        g.publicLink(),
        g.builds(),
        g.pos(),
        g.testersAt());
  }

  public static GroupSpec allBuilds(GroupSpec g) {
    return new GroupSpec(
        g.name(),
        g.internal(),
        true,
        g.feedback(),
        g.protect(),
        g.testers(),
        g.appleSiliconMac(),
        g.appleVision(),
        g.publicLink(),
        g.builds(),
        g.pos(),
        g.testersAt());
  }

  public static CriterionSpec criterion(String family, String min, String max) {
    return new CriterionSpec(family, min, max, POS);
  }

  public static TesterSpec testerWithBuilds(String email, List<String> groups, BuildRef... builds) {
    return new TesterSpec(email, null, null, groups, List.of(builds), POS);
  }

  public static BuildSpec buildSpec(BuildRef ref, InvocationSpec... invocations) {
    return new BuildSpec(ref, null, null, null, false, List.of(invocations), POS);
  }

  public static InvocationSpec invocationSpec(String url, String... localeTitle) {
    java.util.Map<String, String> titles = new java.util.TreeMap<>();
    for (int i = 0; i < localeTitle.length; i += 2) {
      titles.put(localeTitle[i], localeTitle[i + 1]);
    }
    return new InvocationSpec(url, titles, POS);
  }

  public static AppSpec withAppBuilds(AppSpec app, BuildSpec... builds) {
    return new AppSpec(
        app.bundleId(),
        app.manage(),
        app.groups(),
        app.testers(),
        app.localizations(),
        app.licenseAgreement(),
        app.reviewDetail(),
        app.invitations(),
        List.of(builds),
        app.pos());
  }

  public static LiveGroup liveLink(
      LiveGroup g, boolean enabled, Integer limit, LiveGroup.LiveCriteria criteria) {
    return new LiveGroup(
        g.id(),
        g.name(),
        g.internal(),
        g.accessToAllBuilds(),
        g.feedback(),
        enabled,
        limit != null,
        limit,
        enabled ? "https://testflight.apple.com/join/abc" : null,
        g.appleSiliconMac(),
        g.appleVision(),
        criteria);
  }

  public static LiveGroup liveAllBuilds(LiveGroup g) {
    return new LiveGroup(g.id(), g.name(), g.internal(), true, g.feedback(), g.publicLinkEnabled());
  }

  public static LiveApp withInfo(LiveApp app, LiveAppInfo info) {
    return new LiveApp(
        app.id(),
        app.bundleId(),
        app.name(),
        app.groups(),
        app.testers(),
        app.builds(),
        info.parts());
  }

  public static LiveBuild withDetail(
      LiveBuild b,
      boolean autoNotify,
      Boolean encryption,
      java.util.Map<String, LiveBuild.LiveText> whatToTest) {
    return new LiveBuild(
        b.id(),
        b.platform(),
        b.version(),
        b.number(),
        b.processingState(),
        b.expired(),
        b.uploadedDate(),
        b.audience(),
        encryption,
        b.reviewState(),
        b.groupIds(),
        b.individualTesterIds(),
        new LiveBuild.LiveBetaDetail("d-" + b.id(), autoNotify),
        whatToTest,
        b.parts());
  }

  public static AppSpec withInfo(
      AppSpec app,
      List<LocalizationSpec> localizations,
      String license,
      ReviewDetailSpec review,
      InvitationPolicy invitations) {
    return new AppSpec(
        app.bundleId(),
        app.manage(),
        app.groups(),
        app.testers(),
        localizations,
        license,
        review,
        invitations,
        app.builds(),
        app.pos());
  }

  public static Plan plan(AppSpec desired, LiveApp live, Secrets secrets, PlanOptions planOptions) {
    return dev.flightplan.kinds.Kinds.planner()
        .plan(
            new DesiredState("testflight.yaml", 1, List.of(desired)),
            new LiveState(List.of(live), List.of()),
            planOptions,
            secrets);
  }

  public static Plan plan(
      AppSpec desired,
      LiveApp live,
      java.util.Map<String, List<String>> options,
      PlanOptions planOptions) {
    return dev.flightplan.kinds.Kinds.planner()
        .plan(
            new DesiredState("testflight.yaml", 1, List.of(desired)),
            new LiveState(List.of(live), List.of(), options),
            planOptions);
  }

  /** A plan made knowing the team's users as {@code users} has them. */
  public static Plan plan(AppSpec desired, LiveApp live, TeamUsers users, PlanOptions options) {
    return dev.flightplan.kinds.Kinds.planner()
        .plan(
            new DesiredState("testflight.yaml", 1, List.of(desired)),
            new LiveState(List.of(live), List.of()).withUsers(users),
            options);
  }

  public static Plan plan(AppSpec desired, LiveApp live, PlanOptions options) {
    return dev.flightplan.kinds.Kinds.planner()
        .plan(
            new DesiredState("testflight.yaml", 1, List.of(desired)),
            new LiveState(List.of(live), List.of()),
            options);
  }

  /** "+ group \"QA\"" lines, one per action, for compact assertions. */
  public static List<String> summary(Plan plan) {
    return plan.actions().stream().map(a -> a.kind().symbol() + " " + a.address().local()).toList();
  }

  public static List<String> calls(Plan plan) {
    return plan.calls().stream().map(ApiCall::template).toList();
  }
}
