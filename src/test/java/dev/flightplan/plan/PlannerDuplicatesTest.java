package dev.flightplan.plan;

import static dev.flightplan.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.LocalizationSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.kinds.appclip.AppClipKind;
import dev.flightplan.kinds.appclip.LiveAppClip;
import dev.flightplan.kinds.localization.LiveLocalization;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import dev.flightplan.testing.LiveAppInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planner tables for natural keys App Store Connect holds twice (two creates that ran at once):
 * each extra copy is drift, planned as a delete that names the copy kept (the oldest group,
 * otherwise the lowest id), without {@code --prune}; a group copy that holds testers, builds or a
 * public link of its own is an error naming both.
 */
class PlannerDuplicatesTest {
  record Case(
      String name,
      AppSpec desired,
      LiveApp live,
      PlanOptions options,
      List<String> actions,
      List<String> calls,
      List<String> diagnostics) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String URL = "https://clip.example.com/a";
  static final LiveBuild B44 = build("b44", "2.3", "44", 20);

  static LiveGroup dated(String id, String name, int day) {
    return new LiveGroup(
        id,
        name,
        false,
        false,
        false,
        false,
        false,
        null,
        null,
        false,
        false,
        null,
        String.format("2026-11-%02dT10:00:00.000Z", day));
  }

  static LiveGroup linked(LiveGroup g) {
    return new LiveGroup(
        g.id(),
        g.name(),
        false,
        false,
        false,
        true,
        false,
        null,
        "https://testflight.apple.com/join/x",
        false,
        false,
        null,
        g.createdDate());
  }

  static AppSpec groups(dev.flightplan.config.GroupSpec... groups) {
    return desired(Manage.DEFAULT, List.of(groups), List.of());
  }

  static AppSpec localizations(LocalizationSpec... specs) {
    return withInfo(
        desired(Manage.DEFAULT, List.of(), List.of()), List.of(specs), null, null, null);
  }

  static LocalizationSpec loc(String locale, String description) {
    return new LocalizationSpec(locale, description, null, null, null, null, POS);
  }

  static LiveApp liveLocalizations(LiveLocalization... live) {
    return withInfo(live(List.of(), List.of()), new LiveAppInfo(List.of(live), null, null));
  }

  static LiveLocalization liveLoc(String id, String locale, String description) {
    return new LiveLocalization(id, locale, description, null, null, null, null);
  }

  static LiveBuild whatToTest(
      LiveBuild b, String keptId, String text, LiveBuild.LiveCopy... copies) {
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
        b.individualTesterIds(),
        new LiveBuild.LiveBetaDetail("d", false),
        Map.of("en-US", new LiveBuild.LiveText(keptId, text)),
        List.of(copies),
        b.parts());
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "a second localization of a locale is deleted, the lowest id kept and updated",
            localizations(loc("en-US", "Beta 2")),
            liveLocalizations(liveLoc("l2", "en-US", "Other"), liveLoc("l1", "en-US", "Beta")),
            PlanOptions.DEFAULTS,
            List.of("~ localization \"en-US\"", "- localization \"en-US (duplicate l2)\""),
            List.of("PATCH /v1/betaAppLocalizations/l1", "DELETE /v1/betaAppLocalizations/l2"),
            List.of()),
        new Case(
            "both copies of an unlisted locale go with --prune, and stay without it",
            localizations(),
            liveLocalizations(liveLoc("l1", "fr-FR", "A"), liveLoc("l2", "fr-FR", "B")),
            PlanOptions.DEFAULTS.withPrune(true),
            List.of("- localization \"fr-FR\"", "- localization \"fr-FR (duplicate l2)\""),
            List.of("DELETE /v1/betaAppLocalizations/l1", "DELETE /v1/betaAppLocalizations/l2"),
            List.of()),
        new Case(
            "a second What to Test of a locale is deleted",
            withAppBuilds(
                groups(),
                new BuildSpec(
                    ref("2.3", "44"), Map.of("en-US", "Try it"), null, null, false, null, POS)),
            live(
                List.of(),
                List.of(),
                List.of(
                    whatToTest(B44, "w1", "Try it", new LiveBuild.LiveCopy("en-US", "w2", "Try")))),
            PlanOptions.DEFAULTS,
            List.of("- whatToTest \"2.3 (44) en-US (duplicate w2)\""),
            List.of("DELETE /v1/betaBuildLocalizations/w2"),
            List.of()),
        new Case(
            "a second invocation of a URL is deleted, and a second title of a locale",
            withAppBuilds(
                groups(), buildSpec(ref("2.3", "44"), invocationSpec(URL, "en-US", "Order"))),
            live(
                List.of(),
                List.of(),
                List.of(
                    withClip(
                        B44,
                        "bb1",
                        new LiveAppClip.LiveInvocation(
                            "i1",
                            URL,
                            Map.of("en-US", new LiveAppClip.LiveTitle("t1", "Order")),
                            List.of(new LiveBuild.LiveCopy("en-US", "t2", "Order"))),
                        invocation("i2", URL, "en-US", "t3", "Order")))),
            PlanOptions.DEFAULTS,
            List.of(
                "- appClipInvocation \"2.3 (44) " + URL + " (duplicate i2)\"",
                "- appClipTitle \"2.3 (44) " + URL + " en-US (duplicate t2)\""),
            List.of(
                "DELETE /v1/betaAppClipInvocations/i2",
                "DELETE /v1/betaAppClipInvocationLocalizations/t2"),
            List.of()),
        new Case(
            "an empty copy of a group is deleted; the oldest is kept even with the higher id",
            groups(group("Beta", "a@example.com")),
            live(
                List.of(dated("g1", "Beta", 2), dated("g9", "Beta", 1)),
                List.of(liveTester("t1", "a@example.com", "g9"))),
            PlanOptions.DEFAULTS,
            List.of("- group \"Beta (duplicate g1)\""),
            List.of("DELETE /v1/betaGroups/g1"),
            List.of()),
        new Case(
            "a copy whose testers are all in the kept group is deleted",
            groups(group("Beta", "a@example.com")),
            live(
                List.of(dated("g1", "Beta", 1), dated("g2", "Beta", 2)),
                List.of(liveTester("t1", "a@example.com", "g1", "g2"))),
            PlanOptions.DEFAULTS,
            List.of("- group \"Beta (duplicate g2)\""),
            List.of("DELETE /v1/betaGroups/g2"),
            List.of()),
        new Case(
            "a copy with a tester of its own is an error naming both, and nothing is deleted",
            groups(group("Beta", "a@example.com")),
            live(
                List.of(dated("g1", "Beta", 1), dated("g2", "Beta", 2)),
                List.of(
                    liveTester("t1", "a@example.com", "g1"),
                    liveTester("t2", "b@example.com", "g2"))),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of(
                "error: group \"Beta\" is in App Store Connect twice: g1 (created 2026-11-01T10:00:00.000Z, the copy"
                    + " flightplan manages) and g2 (created 2026-11-02T10:00:00.000Z), which has 1 tester(s) the other lacks")),
        new Case(
            "a copy with its public link on is an error",
            groups(group("Beta")),
            live(List.of(dated("g1", "Beta", 1), linked(dated("g2", "Beta", 2))), List.of()),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of("which has a public link in use (https://testflight.apple.com/join/x)")),
        new Case(
            "a copy holding a build the kept one lacks is an error",
            withAppBuilds(groups(group("Beta")), buildSpec(ref("2.3", "44"))),
            live(
                List.of(dated("g1", "Beta", 1), dated("g2", "Beta", 2)),
                List.of(),
                List.of(inGroups(B44, "g2"))),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of("which has 1 build(s) the other lacks")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void duplicatesArePlannedAsDrift(Case c) {
    Plan plan = plan(c.desired(), c.live(), c.options());
    assertThat(summary(plan)).as("actions").containsExactlyInAnyOrderElementsOf(c.actions());
    assertThat(plan.calls().stream().map(a -> a.method() + " " + a.path()).toList())
        .as("calls")
        .containsExactlyElementsOf(c.calls());
    List<String> diagnostics = plan.diagnostics().items().stream().map(Diagnostic::format).toList();
    assertThat(diagnostics).as("diagnostics").hasSameSizeAs(c.diagnostics());
    for (int i = 0; i < diagnostics.size(); i++) {
      assertThat(diagnostics.get(i)).contains(c.diagnostics().get(i));
    }
    // the same copy is kept whatever order App Store Connect lists them in
    assertThat(summary(plan(c.desired(), reversed(c.live()), c.options())))
        .containsExactlyInAnyOrderElementsOf(c.actions());
  }

  @Test
  void theReasonSaysWhichCopyIsKeptAndWhy() {
    Plan groups =
        plan(
            groups(group("Beta")),
            live(List.of(dated("g1", "Beta", 1), dated("g2", "Beta", 2)), List.of()),
            PlanOptions.DEFAULTS);
    assertThat(groups.actions())
        .singleElement()
        .extracting(Action::reason)
        .asString()
        .startsWith(
            "duplicate of group \"Beta\" (kept: g1, the oldest, created 2026-11-01T10:00:00.000Z; this copy holds no"
                + " tester, build or public link the kept one lacks), created outside this plan");
    Plan locs =
        plan(
            localizations(loc("en-US", "Beta")),
            liveLocalizations(liveLoc("l1", "en-US", "Beta"), liveLoc("l2", "en-US", "Beta")),
            PlanOptions.DEFAULTS);
    assertThat(locs.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.reason())
                  .isEqualTo(
                      "duplicate of localization \"en-US\" (kept: l1, the lowest id, as App Store Connect"
                          + " dates neither copy), created outside this plan: App Store Connect holds it twice when two creates ran at once");
              assertThat(((Action.Delete) a).id()).isEqualTo("l2");
            });
  }

  private static LiveApp reversed(LiveApp app) {
    List<LiveGroup> groups = new ArrayList<>(app.groups());
    Collections.reverse(groups);
    List<LiveTester> testers = new ArrayList<>(app.testers());
    Collections.reverse(testers);
    List<LiveBuild> builds = new ArrayList<>();
    for (LiveBuild b : app.builds()) {
      LiveAppClip clip = b.part(AppClipKind.LIVE);
      if (clip == null || clip.invocations() == null) {
        builds.add(b);
        continue;
      }
      List<LiveAppClip.LiveInvocation> inv = new ArrayList<>(clip.invocations());
      Collections.reverse(inv);
      builds.add(b.withPart(AppClipKind.LIVE, new LiveAppClip(clip.bundleId(), inv)));
    }
    LiveAppInfo info = LiveAppInfo.of(app);
    if (info.localizations() != null) {
      List<LiveLocalization> locs = new ArrayList<>(info.localizations());
      Collections.reverse(locs);
      info = new LiveAppInfo(locs, info.license(), info.reviewDetail());
    }
    return new LiveApp(app.id(), app.bundleId(), app.name(), groups, testers, builds, info.parts());
  }
}
