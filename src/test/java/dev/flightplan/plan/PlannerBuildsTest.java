package dev.flightplan.plan;

import static dev.flightplan.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planner tables for builds given to groups and testers, public links, recruitment criteria and App
 * Clip invocations, including the orderings the API imposes.
 */
class PlannerBuildsTest {
  record Case(
      String name,
      AppSpec desired,
      LiveApp live,
      List<String> actions,
      List<String> calls,
      List<String> diagnostics) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Map<String, List<String>> OPTIONS =
      Map.of(
          "IPHONE",
          List.of("16.0", "17.0", "17.4", "18.0"),
          "IPAD",
          List.of("16.0", "17.0", "18.0"));
  static final LiveBuild B44 = build("b44", "2.3", "44", 20);
  static final LiveBuild B45 = build("b45", "2.3", "45", 21);
  static final LiveBuild B46 = state(build("b46", "2.3", "46", 22), "PROCESSING", false, null);
  static final LiveGroup G = liveGroup("g1", "Beta");
  static final LiveGroup TEAM = liveInternal("g0", "Team");
  static final String GIVE = "POST /v1/builds/{id}/relationships/betaGroups";

  static AppSpec app(dev.flightplan.config.GroupSpec... groups) {
    return desired(Manage.DEFAULT, List.of(groups), List.of());
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "a build is given to a group, build-side",
            app(withBuilds(group("Beta"), ref("2.3", "44"))),
            live(List.of(G), List.of(), List.of(B44)),
            List.of("~ group \"Beta\""),
            List.of(GIVE),
            List.of()),
        new Case(
            "a build given to two groups takes one request",
            app(withBuilds(group("A"), ref("2.3", "44")), withBuilds(group("B"), ref("2.3", "44"))),
            live(List.of(liveGroup("g1", "A"), liveGroup("g2", "B")), List.of(), List.of(B44)),
            List.of("~ group \"A\"", "~ group \"B\""),
            List.of(GIVE),
            List.of()),
        new Case(
            "latest means the newest processed build: 45, not the processing 46",
            app(withBuilds(group("Beta"), latest("2.3"))),
            live(List.of(G), List.of(), List.of(B44, inGroups(B45, "g1"), B46)),
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "an unknown build is an error listing the builds there are",
            app(withBuilds(group("Beta"), ref("2.3", "99"))),
            live(List.of(G), List.of(), List.of(B44, B46)),
            List.of(),
            List.of(),
            List.of(
                "error: group \"Beta\": no build 2.3 (99); builds of 2.3: 44, 46 (processing)")),
        new Case(
            "a build without beta review is reported, not forced, for an external group",
            app(withBuilds(group("Beta"), ref("2.3", "45"))),
            live(List.of(G), List.of(), List.of(state(B45, "VALID", false, null))),
            List.of(),
            List.of(),
            List.of(
                "warning: build 2.3 (45) is not given to group \"Beta\" yet: it has not passed beta review")),
        new Case(
            "an internal group with all builds takes no manual assignment",
            app(withBuilds(allBuilds(internal("QA")), ref("2.3", "44"))),
            live(List.of(liveAllBuilds(liveInternal("g1", "QA"))), List.of(), List.of(B44)),
            List.of(),
            List.of(),
            List.of("warning: group \"QA\" gets every build automatically")),
        new Case(
            "a build the file no longer lists is taken from the group",
            app(withBuilds(group("Beta"), ref("2.3", "45"))),
            live(List.of(G), List.of(), List.of(inGroups(B44, "g1"), inGroups(B45, "g1"))),
            List.of("~ group \"Beta\""),
            List.of("DELETE /v1/builds/{id}/relationships/betaGroups"),
            List.of()),
        new Case(
            "an expired build is left where it is",
            app(withBuilds(group("Beta"), ref("2.3", "45"))),
            live(
                List.of(G),
                List.of(),
                List.of(
                    state(inGroups(B44, "g1"), "VALID", true, "APPROVED"), inGroups(B45, "g1"))),
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "a new group with a build and a public link: create, give the build, then enable the link",
            app(withLink(withBuilds(group("Public"), ref("2.3", "44")), true, 500)),
            live(List.of(TEAM), List.of(), List.of(B44)),
            List.of("+ group \"Public\""),
            List.of("POST /v1/betaGroups", GIVE, "PATCH /v1/betaGroups/{id}"),
            List.of()),
        new Case(
            "a build that expired is never given, and the warning says so",
            app(withBuilds(group("Beta"), ref("2.3", "44"))),
            live(List.of(G), List.of(), List.of(state(B44, "VALID", true, "APPROVED"))),
            List.of(),
            List.of(),
            List.of(
                "warning: build 2.3 (44) is never given to group \"Beta\": it has expired, and that does not change")),
        new Case(
            "a public link on a new group whose build is in review waits for the build, with a warning",
            app(withLink(withBuilds(group("Public"), ref("2.3", "45")), true, 500)),
            live(List.of(TEAM), List.of(), List.of(state(B45, "VALID", false, "IN_REVIEW"))),
            List.of("+ group \"Public\""),
            List.of("POST /v1/betaGroups"),
            List.of(
                "warning: build 2.3 (45) is not given to group \"Public\" yet: it has not passed beta review (IN_REVIEW)",
                "warning: group \"Public\": the public link is not enabled yet: it needs a build in the group, and build 2.3 (45)")),
        new Case(
            "a public link on a group that will have no build is an error",
            app(withLink(withBuilds(group("Public")), true, null)),
            live(List.of(TEAM), List.of(), List.of(B44)),
            List.of("+ group \"Public\""),
            List.of("POST /v1/betaGroups"),
            List.of(
                "error: group \"Public\": a public link can only be enabled once the group has a build")),
        new Case(
            "the link limit of an enabled link changes with the group's settings",
            app(withLink(group("Beta"), true, 200)),
            live(List.of(liveLink(G, true, 100, null)), List.of(), List.of(inGroups(B44, "g1"))),
            List.of("~ group \"Beta\""),
            List.of("PATCH /v1/betaGroups/{id}"),
            List.of()),
        new Case(
            "disabling a link is patched with the group's settings",
            app(withLink(group("Beta"), false, null)),
            live(List.of(liveLink(G, true, null, null)), List.of(), List.of()),
            List.of("~ group \"Beta\""),
            List.of("PATCH /v1/betaGroups/{id}"),
            List.of()),
        new Case(
            "criteria are created for a group that has none",
            app(withLink(group("Beta"), true, null, criterion("IPHONE", "17.0", null))),
            live(List.of(liveLink(G, true, null, null)), List.of(), List.of(inGroups(B44, "g1"))),
            List.of("~ group \"Beta\""),
            List.of("POST /v1/betaRecruitmentCriteria"),
            List.of()),
        new Case(
            "criteria that differ are patched; in another order they are the same",
            app(
                withLink(
                    group("Beta"),
                    true,
                    null,
                    criterion("IPHONE", "17.0", null),
                    criterion("IPAD", "16.0", null))),
            live(
                List.of(
                    liveLink(
                        G,
                        true,
                        null,
                        new LiveGroup.LiveCriteria(
                            "c1",
                            List.of(
                                new LiveGroup.Filter("IPAD", "16.0", null),
                                new LiveGroup.Filter("IPHONE", "17.0", null))))),
                List.of(),
                List.of(inGroups(B44, "g1"))),
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "criteria the file empties are deleted",
            app(
                withNoCriteria(
                    withLink(group("Beta"), true, null, criterion("IPHONE", "17.0", null)))),
            live(
                List.of(
                    liveLink(
                        G,
                        true,
                        null,
                        new LiveGroup.LiveCriteria(
                            "c1", List.of(new LiveGroup.Filter("IPHONE", "16.0", null))))),
                List.of(),
                List.of(inGroups(B44, "g1"))),
            List.of("~ group \"Beta\""),
            List.of("DELETE /v1/betaRecruitmentCriteria/{id}"),
            List.of()),
        new Case(
            "an unknown device family or OS version is an error with the valid choices",
            app(
                withLink(
                    group("Beta"),
                    true,
                    null,
                    criterion("IPHON", null, null),
                    criterion("IPHONE", "17.1", null))),
            live(List.of(liveLink(G, true, null, null)), List.of(), List.of(inGroups(B44, "g1"))),
            List.of(),
            List.of(),
            List.of(
                "error: App Store Connect offers no OS version \"17.1\" for IPHONE (valid versions: 16.0, 17.0, 17.4, 18.0)",
                "error: App Store Connect offers no recruitment criteria for device family \"IPHON\" (valid device families: IPAD, IPHONE)")),
        new Case(
            "criteria as App Store Connect has them stay, even in an OS version no longer offered (a pulled file)",
            app(withLink(group("Beta"), true, null, criterion("IPHONE", "14.0", null))),
            live(
                List.of(
                    liveLink(
                        G,
                        true,
                        null,
                        new LiveGroup.LiveCriteria(
                            "c1", List.of(new LiveGroup.Filter("IPHONE", "14.0", null))))),
                List.of(),
                List.of(inGroups(B44, "g1"))),
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "the Apple silicon Mac flag is patched",
            app(withMac(group("Beta"), true)),
            live(List.of(G), List.of(), List.of()),
            List.of("~ group \"Beta\""),
            List.of("PATCH /v1/betaGroups/{id}"),
            List.of()),
        new Case(
            "a new tester is created, then given its build",
            desired(
                Manage.DEFAULT,
                List.of(group("Beta")),
                List.of(testerWithBuilds("t@example.com", List.of("Beta"), ref("2.3", "44")))),
            live(List.of(G), List.of(), List.of(B44)),
            List.of("~ group \"Beta\"", "+ tester \"t@example.com\""),
            List.of("POST /v1/betaTesters", "POST /v1/builds/{id}/relationships/individualTesters"),
            List.of()),
        new Case(
            "an existing tester loses a build the file no longer gives",
            desired(
                Manage.DEFAULT,
                List.of(group("Beta", "t@example.com")),
                List.of(testerWithBuilds("t@example.com", List.of()))),
            live(
                List.of(G),
                List.of(liveTester("t1", "t@example.com", "g1")),
                List.of(withTesters(B44, "t1"))),
            List.of("~ tester \"t@example.com\""),
            List.of("DELETE /v1/builds/{id}/relationships/individualTesters"),
            List.of()),
        new Case(
            "an App Clip invocation is created with its titles in one request",
            withAppBuilds(
                app(),
                buildSpec(
                    ref("2.3", "44"),
                    invocationSpec(
                        "https://clip.example.com/a", "en-US", "Order", "de-DE", "Bestellen"))),
            live(List.of(), List.of(), List.of(withClip(B44, "bb1"))),
            List.of("+ appClipInvocation \"2.3 (44) https://clip.example.com/a\""),
            List.of("POST /v1/betaAppClipInvocations"),
            List.of()),
        new Case(
            "titles change, are added and removed in place; an unlisted invocation is deleted first",
            withAppBuilds(
                app(),
                buildSpec(
                    ref("2.3", "44"),
                    invocationSpec(
                        "https://clip.example.com/a", "en-US", "Order now", "fr-FR", "Commander"),
                    invocationSpec("https://clip.example.com/new", "en-US", "New"))),
            live(
                List.of(),
                List.of(),
                List.of(
                    withClip(
                        B44,
                        "bb1",
                        invocation(
                            "i1",
                            "https://clip.example.com/a",
                            "en-US",
                            "l1",
                            "Order",
                            "de-DE",
                            "l2",
                            "Bestellen"),
                        invocation("i2", "https://clip.example.com/old", "en-US", "l3", "Old")))),
            List.of(
                "+ appClipInvocation \"2.3 (44) https://clip.example.com/new\"",
                "~ appClipInvocation \"2.3 (44) https://clip.example.com/a\"",
                "- appClipInvocation \"2.3 (44) https://clip.example.com/old\""),
            List.of(
                "DELETE /v1/betaAppClipInvocations/{id}",
                "POST /v1/betaAppClipInvocations",
                "PATCH /v1/betaAppClipInvocationLocalizations/{id}",
                "POST /v1/betaAppClipInvocationLocalizations",
                "DELETE /v1/betaAppClipInvocationLocalizations/{id}"),
            List.of()),
        new Case(
            "invocations on a build without an App Clip are an error",
            withAppBuilds(
                app(),
                buildSpec(
                    ref("2.3", "44"),
                    invocationSpec("https://clip.example.com/a", "en-US", "Order"))),
            live(List.of(), List.of(), List.of(B44)),
            List.of(),
            List.of(),
            List.of("error: build 2.3 (44) has no App Clip")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plans(Case c) {
    Plan plan = Fixtures.plan(c.desired(), c.live(), OPTIONS, PlanOptions.DEFAULTS);
    assertThat(
            plan.actions().stream()
                .map(a -> a.kind().symbol() + " " + a.address().local())
                .toList())
        .as("actions")
        .containsExactlyInAnyOrderElementsOf(c.actions());
    assertThat(calls(plan)).as("calls").containsExactlyElementsOf(c.calls());
    List<String> diagnostics = plan.diagnostics().items().stream().map(Diagnostic::format).toList();
    assertThat(diagnostics).as("diagnostics").hasSameSizeAs(c.diagnostics());
    for (int i = 0; i < diagnostics.size(); i++) {
      assertThat(diagnostics.get(i)).contains(c.diagnostics().get(i));
    }
  }

  @Test
  void aNewTestersBuildRequestNamesTheIdItsCreationProduces() {
    Plan plan =
        Fixtures.plan(
            desired(
                Manage.DEFAULT,
                List.of(group("Beta")),
                List.of(testerWithBuilds("t@example.com", List.of("Beta"), ref("2.3", "44")))),
            live(List.of(G), List.of(), List.of(B44)),
            OPTIONS,
            PlanOptions.DEFAULTS);
    ApiCall create = plan.calls().get(0);
    ApiCall give = plan.calls().get(1);
    assertThat(create.produces()).isNotNull();
    assertThat(give.path()).isEqualTo("/v1/builds/b44/relationships/individualTesters");
    assertThat(give.needs()).containsExactly(create.produces());
  }

  @Test
  void anInvocationIsCreatedWithItsTitlesInline() {
    Plan plan =
        Fixtures.plan(
            withAppBuilds(
                app(),
                buildSpec(
                    ref("2.3", "44"),
                    invocationSpec(
                        "https://clip.example.com/a", "en-US", "Order", "de-DE", "Bestellen"))),
            live(List.of(), List.of(), List.of(withClip(B44, "bb1"))),
            OPTIONS,
            PlanOptions.DEFAULTS);
    var body = plan.calls().get(0).body();
    assertThat(body.at("/data/relationships/buildBundle/data/id").asText()).isEqualTo("bb1");
    assertThat(body.at("/data/relationships/betaAppClipInvocationLocalizations/data")).hasSize(2);
    assertThat(body.at("/included/0/attributes/locale").asText()).isEqualTo("de-DE");
    assertThat(body.at("/included/0/id").asText())
        .isEqualTo(
            body.at("/data/relationships/betaAppClipInvocationLocalizations/data/0/id").asText());
  }
}
