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
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.apply.Guards;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guards against destructive plans, as tables: desired and live state, the plan, what the guards say. */
class GuardsTest {
  private static final Manage EXCLUSIVE = manage(Manage.GroupsMode.LISTED, Manage.TestersMode.EXCLUSIVE);
  private static final LiveApp LIVE = live(
      List.of(liveInternal("g1", "QA"), liveGroup("g2", "Beta")),
      List.of(liveTester("t1", "a@x.com", "g1"), liveTester("t2", "b@x.com", "g2"), liveTester("t3", "c@x.com", "g2")));

  private static Guards.Refusal check(AppSpec desired, LiveApp live, PlanOptions options, Guards.Limits limits) {
    Plan plan = plan(desired, live, options);
    return Guards.check(plan, new LiveState(List.of(live), List.of()), limits);
  }

  @Test
  void removingEveryMemberOfAGroupEmptiesIt() {
    AppSpec app = desired(EXCLUSIVE, List.of(internal("QA", "a@x.com"), group("Beta")), List.of());
    Guards.Refusal r = check(app, LIVE, PlanOptions.DEFAULTS, Guards.Limits.defaults());
    assertThat(r.reasons()).containsExactly("this plan would empty group \"Beta\" of com.example.app (its 2 member(s)"
        + " would be removed and none added); if that is intended, run again with --allow-empty-groups");
    assertThat(check(app, LIVE, PlanOptions.DEFAULTS, new Guards.Limits(10, true)).refused()).isFalse();
  }

  @Test
  void replacingMembersOrAddingANewTesterIsNotEmptying() {
    AppSpec app = desired(EXCLUSIVE, List.of(internal("QA", "a@x.com"), group("Beta", "new@x.com")), List.of());
    assertThat(check(app, LIVE, PlanOptions.DEFAULTS, Guards.Limits.defaults()).refused()).isFalse();
    assertThat(Guards.deletions(plan(app, LIVE, PlanOptions.DEFAULTS))).isEqualTo(2);
  }

  @Test
  void testersWhoJoinedByThePublicLinkStaySoTheGroupIsNotEmptied() {
    LiveApp withLink = live(List.of(liveInternal("g1", "QA"), liveGroup("g2", "Beta")),
        List.of(liveTester("t1", "a@x.com", "g1"), liveTester("t2", "b@x.com", "g2"), publicLinkTester("t4", "p@x.com", "g2")));
    AppSpec app = desired(EXCLUSIVE, List.of(internal("QA", "a@x.com"), group("Beta")), List.of());
    assertThat(check(app, withLink, PlanOptions.DEFAULTS, Guards.Limits.defaults()).refused()).isFalse();
  }

  @Test
  void deletionsCountDeletedGroupsTestersLeavingTheAppAndTestersRemovedFromGroups() {
    AppSpec app = desired(manage(Manage.GroupsMode.ALL, Manage.TestersMode.EXCLUSIVE), List.of(internal("QA", "a@x.com")), List.of());
    PlanOptions prune = PlanOptions.DEFAULTS.withPrune(true);
    assertThat(Guards.deletions(plan(app, LIVE, prune))).isEqualTo(3);
    Guards.Refusal r = check(app, LIVE, prune, new Guards.Limits(2, true));
    assertThat(r.reasons()).containsExactly("this plan would delete 3 objects (1 group deleted, 2 testers leaving the"
        + " app), more than --max-deletes 2 allows; if that is intended, run again with --max-deletes 3");
    assertThat(check(app, LIVE, prune, new Guards.Limits(3, true)).refused()).isFalse();
    // a deleted group is a deletion, not an emptying
    assertThat(check(app, LIVE, prune, new Guards.Limits(3, false)).refused()).isFalse();
  }
}
