package dev.flightplan.plan;

import static dev.flightplan.testing.Fixtures.desired;
import static dev.flightplan.testing.Fixtures.group;
import static dev.flightplan.testing.Fixtures.internal;
import static dev.flightplan.testing.Fixtures.live;
import static dev.flightplan.testing.Fixtures.liveGroup;
import static dev.flightplan.testing.Fixtures.liveInternal;
import static dev.flightplan.testing.Fixtures.liveTester;
import static dev.flightplan.testing.Fixtures.manage;
import static dev.flightplan.testing.Fixtures.plan;
import static dev.flightplan.testing.Fixtures.publicLinkTester;
import static dev.flightplan.testing.Fixtures.tester;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.apply.Guards;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guards against destructive plans, as tables: desired and live state, the plan, what the
 * guards say.
 */
class GuardsTest {
  private static final Manage EXCLUSIVE =
      manage(Manage.GroupsMode.LISTED, Manage.TestersMode.EXCLUSIVE);
  private static final LiveApp LIVE =
      live(
          List.of(liveInternal("g1", "QA"), liveGroup("g2", "Beta")),
          List.of(
              liveTester("t1", "a@x.com", "g1"),
              liveTester("t2", "b@x.com", "g2"),
              liveTester("t3", "c@x.com", "g2")));

  private static Guards.Refusal check(
      AppSpec desired, LiveApp live, PlanOptions options, Guards.Limits limits) {
    Plan plan = plan(desired, live, options);
    return Guards.check(plan, new LiveState(List.of(live), List.of()), limits);
  }

  @Test
  void removingEveryMemberOfAGroupEmptiesIt() {
    AppSpec app = desired(EXCLUSIVE, List.of(internal("QA", "a@x.com"), group("Beta")), List.of());
    Guards.Refusal r = check(app, LIVE, PlanOptions.DEFAULTS, Guards.Limits.defaults());
    assertThat(r.reasons())
        .containsExactly(
            "this plan would empty group \"Beta\" of com.example.app (its 2 member(s)"
                + " would be removed and none added); if that is intended, run again with --allow-empty-groups");
    assertThat(check(app, LIVE, PlanOptions.DEFAULTS, new Guards.Limits(10, true)).refused())
        .isFalse();
  }

  @Test
  void replacingMembersOrAddingANewTesterIsNotEmptying() {
    AppSpec app =
        desired(
            EXCLUSIVE, List.of(internal("QA", "a@x.com"), group("Beta", "new@x.com")), List.of());
    assertThat(check(app, LIVE, PlanOptions.DEFAULTS, Guards.Limits.defaults()).refused())
        .isFalse();
    assertThat(
            Guards.deletions(
                plan(app, LIVE, PlanOptions.DEFAULTS), new LiveState(List.of(LIVE), List.of())))
        .isEqualTo(2);
  }

  @Test
  void testersWhoJoinedByThePublicLinkStaySoTheGroupIsNotEmptied() {
    LiveApp withLink =
        live(
            List.of(liveInternal("g1", "QA"), liveGroup("g2", "Beta")),
            List.of(
                liveTester("t1", "a@x.com", "g1"),
                liveTester("t2", "b@x.com", "g2"),
                publicLinkTester("t4", "p@x.com", "g2")));
    AppSpec app = desired(EXCLUSIVE, List.of(internal("QA", "a@x.com"), group("Beta")), List.of());
    assertThat(check(app, withLink, PlanOptions.DEFAULTS, Guards.Limits.defaults()).refused())
        .isFalse();
  }

  @Test
  void deletionsCountDeletedGroupsTestersLeavingTheAppAndTestersRemovedFromGroups() {
    AppSpec app =
        desired(
            manage(Manage.GroupsMode.ALL, Manage.TestersMode.EXCLUSIVE),
            List.of(internal("QA", "a@x.com")),
            List.of());
    PlanOptions prune = PlanOptions.DEFAULTS.withPrune(true);
    assertThat(Guards.deletions(plan(app, LIVE, prune), new LiveState(List.of(LIVE), List.of())))
        .isEqualTo(3);
    Guards.Refusal r = check(app, LIVE, prune, new Guards.Limits(2, true));
    assertThat(r.reasons())
        .containsExactly(
            "this plan would delete 3 objects (1 group deleted, 2 testers leaving the"
                + " app), more than --max-deletes 2 allows; if that is intended, run again with --max-deletes 3");
    assertThat(check(app, LIVE, prune, new Guards.Limits(3, true)).refused()).isFalse();
    // a deleted group is a deletion, not an emptying
    assertThat(check(app, LIVE, prune, new Guards.Limits(3, false)).refused()).isFalse();
  }

  @Test
  void
      aDeletedGroupCountsTheMembersItLeavesInNoGroupAmongThemThoseThePlanTakesOutOfTheirOtherGroups() {
    // g2 goes; b is only in g2; c is also in g3, but the exclusive file takes c out of g3; d stays
    // in g3; p joined by link
    LiveApp live =
        live(
            List.of(liveInternal("g1", "QA"), liveGroup("g2", "Beta"), liveGroup("g3", "Gamma")),
            List.of(
                liveTester("t1", "a@x.com", "g1"),
                liveTester("t2", "b@x.com", "g2"),
                liveTester("t3", "c@x.com", "g2", "g3"),
                liveTester("t4", "d@x.com", "g2", "g3"),
                publicLinkTester("t5", null, "g2")));
    AppSpec app =
        desired(
            manage(Manage.GroupsMode.ALL, Manage.TestersMode.EXCLUSIVE),
            List.of(internal("QA", "a@x.com"), group("Gamma", "d@x.com")),
            List.of(tester("b@x.com", "QA"), tester("c@x.com", "QA")));
    // b and c are in the file (so they stay in the app) and join QA, so only the public-link tester
    // is left in no group
    Plan plan = plan(app, live, PlanOptions.DEFAULTS.withPrune(true));
    LiveState state = new LiveState(List.of(live), List.of());
    assertThat(Guards.deletions(plan, state))
        .as("Beta deleted, c removed from Gamma, the link's tester left in no group")
        .isEqualTo(3);

    AppSpec noQa =
        desired(
            manage(Manage.GroupsMode.ALL, Manage.TestersMode.ADDITIVE),
            List.of(internal("QA", "a@x.com"), group("Gamma", "d@x.com")),
            List.of());
    Plan additive = plan(noQa, live, PlanOptions.DEFAULTS.withPrune(true));
    assertThat(Guards.check(additive, state, new Guards.Limits(2, true)).reasons())
        .containsExactly(
            "this plan would delete"
                + " 3 objects (1 group deleted, 2 testers left in no group by deleted groups), more than --max-deletes 2 allows; if"
                + " that is intended, run again with --max-deletes 3");
  }
}
