package dev.flightplan.plan;

import static dev.flightplan.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.config.Manage.GroupsMode;
import dev.flightplan.config.Manage.TestersMode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveTester;
import dev.flightplan.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planner tables: (desired, live, options) → the actions, the API calls in order, and the
 * diagnostics.
 */
class PlannerTest {
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

  private static final Manage LISTED_ADDITIVE = Manage.DEFAULT;
  private static final Manage ALL_EXCLUSIVE = manage(GroupsMode.ALL, TestersMode.EXCLUSIVE);
  private static final PlanOptions PRUNE = PlanOptions.DEFAULTS.withPrune(true);

  /** An app needs an internal group before App Store Connect creates external ones. */
  private static final dev.flightplan.state.LiveGroup TEAM = liveInternal("g0", "Team");

  static Stream<Case> cases() {
    List<LiveTester> many = new ArrayList<>();
    List<String> manyEmails = new ArrayList<>();
    IntStream.range(0, 450)
        .forEach(
            i -> {
              many.add(liveTester("t" + i, "user" + i + "@example.com"));
              manyEmails.add("user" + i + "@example.com");
            });
    return Stream.of(
        new Case(
            "nothing to do",
            desired(LISTED_ADDITIVE, List.of(), List.of()),
            live(List.of(), List.of()),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "matching group and tester: no changes",
            desired(LISTED_ADDITIVE, List.of(group("Beta", "a@example.com")), List.of()),
            live(
                List.of(liveGroup("g1", "Beta")), List.of(liveTester("t1", "a@example.com", "g1"))),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "new group",
            desired(LISTED_ADDITIVE, List.of(group("Beta")), List.of()),
            live(List.of(TEAM), List.of()),
            PlanOptions.DEFAULTS,
            List.of("+ group \"Beta\""),
            List.of("POST /v1/betaGroups"),
            List.of()),
        new Case(
            "new group takes existing testers in the create call",
            desired(LISTED_ADDITIVE, List.of(group("Beta", "a@example.com")), List.of()),
            live(List.of(TEAM), List.of(liveTester("t1", "a@example.com"))),
            PlanOptions.DEFAULTS,
            List.of("+ group \"Beta\""),
            List.of("POST /v1/betaGroups"),
            List.of()),
        new Case(
            "new tester is created with its groups in one call",
            desired(LISTED_ADDITIVE, List.of(group("Beta", "new@example.com")), List.of()),
            live(List.of(liveGroup("g1", "Beta")), List.of()),
            PlanOptions.DEFAULTS,
            List.of("~ group \"Beta\"", "+ tester \"new@example.com\""),
            List.of("POST /v1/betaTesters"),
            List.of()),
        new Case(
            "new tester in a new group: the group is created first",
            desired(
                LISTED_ADDITIVE,
                List.of(group("Beta")),
                List.of(tester("new@example.com", "Beta"))),
            live(List.of(TEAM), List.of()),
            PlanOptions.DEFAULTS,
            List.of("+ group \"Beta\"", "+ tester \"new@example.com\""),
            List.of("POST /v1/betaGroups", "POST /v1/betaTesters"),
            List.of()),
        new Case(
            "existing tester joins a group: one linkage call",
            desired(
                LISTED_ADDITIVE,
                List.of(group("Beta", "a@example.com", "b@example.com")),
                List.of()),
            live(
                List.of(liveGroup("g1", "Beta")),
                List.of(liveTester("t1", "a@example.com"), liveTester("t2", "b@example.com"))),
            PlanOptions.DEFAULTS,
            List.of("~ group \"Beta\""),
            List.of("POST /v1/betaGroups/{id}/relationships/betaTesters"),
            List.of()),
        new Case(
            "450 testers join a group in batches of 200",
            desired(
                LISTED_ADDITIVE,
                List.of(group("Beta", manyEmails.toArray(String[]::new))),
                List.of()),
            live(List.of(liveGroup("g1", "Beta")), many),
            PlanOptions.DEFAULTS,
            List.of("~ group \"Beta\""),
            List.of(
                "POST /v1/betaGroups/{id}/relationships/betaTesters",
                "POST /v1/betaGroups/{id}/relationships/betaTesters",
                "POST /v1/betaGroups/{id}/relationships/betaTesters"),
            List.of()),
        new Case(
            "additive: a member missing from the file stays",
            desired(LISTED_ADDITIVE, List.of(group("Beta")), List.of()),
            live(
                List.of(liveGroup("g1", "Beta")), List.of(liveTester("t1", "a@example.com", "g1"))),
            PRUNE,
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "exclusive: a member missing from the file leaves the group",
            desired(ALL_EXCLUSIVE, List.of(group("Beta", "a@example.com")), List.of()),
            live(
                List.of(liveGroup("g1", "Beta")),
                List.of(
                    liveTester("t1", "a@example.com", "g1"),
                    liveTester("t2", "b@example.com", "g1"))),
            PlanOptions.DEFAULTS,
            List.of("~ group \"Beta\""),
            List.of("DELETE /v1/betaGroups/{id}/relationships/betaTesters"),
            List.of()),
        new Case(
            "exclusive: testers who joined by public link are kept",
            desired(ALL_EXCLUSIVE, List.of(group("Beta")), List.of()),
            live(
                List.of(liveGroup("g1", "Beta")),
                List.of(publicLinkTester("t1", "p@example.com", "g1"))),
            PRUNE,
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "feedback changes in place",
            desired(LISTED_ADDITIVE, List.of(withFeedback(group("Beta"), true)), List.of()),
            live(List.of(liveGroup("g1", "Beta")), List.of()),
            PlanOptions.DEFAULTS,
            List.of("~ group \"Beta\""),
            List.of("PATCH /v1/betaGroups/{id}"),
            List.of()),
        new Case(
            "internal flag changed: refused without --allow-replace",
            desired(LISTED_ADDITIVE, List.of(internal("QA")), List.of()),
            live(List.of(liveGroup("g1", "QA")), List.of()),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of("error: group \"QA\": internal can only be set when a group is created")),
        new Case(
            "internal flag changed: replaced with --allow-replace, delete before create",
            desired(LISTED_ADDITIVE, List.of(internal("QA", "a@example.com")), List.of()),
            live(List.of(liveGroup("g1", "QA")), List.of(liveTester("t1", "a@example.com", "g1"))),
            PlanOptions.DEFAULTS.withAllowReplace(true),
            List.of("-/+ group \"QA\""),
            List.of("DELETE /v1/betaGroups/{id}", "POST /v1/betaGroups"),
            List.of()),
        new Case(
            "a protected group is never replaced",
            desired(LISTED_ADDITIVE, List.of(protectedGroup(internal("QA"))), List.of()),
            live(List.of(liveGroup("g1", "QA")), List.of()),
            PlanOptions.DEFAULTS.withAllowReplace(true),
            List.of(),
            List.of(),
            List.of("error: group \"QA\" is protected")),
        new Case(
            "groups: all without --prune deletes nothing",
            desired(ALL_EXCLUSIVE, List.of(), List.of()),
            live(List.of(liveGroup("g1", "Old")), List.of()),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "groups: all with --prune deletes unlisted groups",
            desired(ALL_EXCLUSIVE, List.of(), List.of()),
            live(List.of(liveGroup("g1", "Old")), List.of()),
            PRUNE,
            List.of("- group \"Old\""),
            List.of("DELETE /v1/betaGroups/{id}"),
            List.of()),
        new Case(
            "groups: listed never deletes, even with --prune",
            desired(manage(GroupsMode.LISTED, TestersMode.EXCLUSIVE), List.of(), List.of()),
            live(List.of(liveGroup("g1", "Old")), List.of()),
            PRUNE,
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "exclusive testers with --prune: unlisted testers leave the app in one batch, not group by group",
            desired(ALL_EXCLUSIVE, List.of(group("Beta", "a@example.com")), List.of()),
            live(
                List.of(liveGroup("g1", "Beta")),
                List.of(
                    liveTester("t1", "a@example.com", "g1"),
                    liveTester("t2", "b@example.com", "g1"),
                    liveTester("t3", "c@example.com"))),
            PRUNE,
            List.of("- tester \"b@example.com\"", "- tester \"c@example.com\""),
            List.of("DELETE /v1/apps/{id}/relationships/betaTesters"),
            List.of()),
        new Case(
            "exclusive testers without --prune: nobody leaves the app",
            desired(ALL_EXCLUSIVE, List.of(group("Beta", "a@example.com")), List.of()),
            live(
                List.of(liveGroup("g1", "Beta")),
                List.of(
                    liveTester("t1", "a@example.com", "g1"), liveTester("t3", "c@example.com"))),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "a new tester in no group is an error",
            desired(LISTED_ADDITIVE, List.of(), List.of(tester("lonely@example.com"))),
            live(List.of(), List.of()),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of("error: tester lonely@example.com is in no group")),
        new Case(
            "a name that differs is a warning, not a change",
            desired(
                LISTED_ADDITIVE,
                List.of(group("Beta", "a@example.com")),
                List.of(named("a@example.com", "Ann", "Lee"))),
            live(
                List.of(liveGroup("g1", "Beta")), List.of(liveTester("t1", "a@example.com", "g1"))),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of(
                "warning: tester a@example.com has another first and last name in App Store Connect than in the file")),
        new Case(
            "an external group in an app without an internal group is an error",
            desired(LISTED_ADDITIVE, List.of(group("Public")), List.of()),
            live(List.of(), List.of()),
            PlanOptions.DEFAULTS,
            List.of("+ group \"Public\""),
            List.of("POST /v1/betaGroups"),
            List.of(
                "error: group \"Public\" cannot be created: App Store Connect allows external groups only once the app has an internal group")),
        new Case(
            "internal groups are created before external ones, whatever the file order",
            desired(LISTED_ADDITIVE, List.of(group("Public"), internal("QA")), List.of()),
            live(List.of(), List.of()),
            PlanOptions.DEFAULTS,
            List.of("+ group \"Public\"", "+ group \"QA\""),
            List.of("POST /v1/betaGroups", "POST /v1/betaGroups"),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plans(Case c) {
    Plan plan = Fixtures.plan(c.desired(), c.live(), c.options());
    assertThat(summary(plan)).as("actions").containsExactlyElementsOf(c.actions());
    assertThat(calls(plan)).as("calls").containsExactlyElementsOf(c.calls());
    List<String> diagnostics = plan.diagnostics().items().stream().map(Diagnostic::format).toList();
    assertThat(diagnostics).as("diagnostics").hasSameSizeAs(c.diagnostics());
    for (int i = 0; i < diagnostics.size(); i++) {
      assertThat(diagnostics.get(i)).contains(c.diagnostics().get(i));
    }
    assertThat(Fixtures.plan(c.desired(), c.live(), c.options()))
        .as("deterministic")
        .isEqualTo(plan);
  }
}
