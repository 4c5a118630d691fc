package dev.flightplan.engine;

import static dev.flightplan.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.Manage;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.state.Fingerprints;
import dev.flightplan.state.Fingerprints.Difference;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.TeamUsers;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints: one per live object at the plan's addresses, stable, and sensitive to what a plan
 * decides on.
 */
class FingerprintsTest {
  private static LiveApp app(List<LiveGroup> groups, List<LiveTester> testers) {
    return live(groups, testers);
  }

  private static SortedMap<String, String> of(LiveApp app) {
    return Fingerprints.of(new LiveState(List.of(app), List.of()));
  }

  private static final LiveApp BASE =
      app(
          List.of(liveInternal("g1", "QA"), liveGroup("g2", "Friends")),
          List.of(
              liveTester("t1", "alice@example.com", "g1"),
              liveTester("t2", "carol@example.com", "g1", "g2")));

  @Test
  void oneEntryPerObjectAtThePlansAddresses() {
    assertThat(of(BASE).keySet())
        .containsExactly(
            "com.example.app/app[\"com.example.app\"]",
            "com.example.app/group[\"Friends\"]",
            "com.example.app/group[\"QA\"]",
            "com.example.app/tester[\"alice@example.com\"]",
            "com.example.app/tester[\"carol@example.com\"]");
    assertThat(of(BASE).values()).allMatch(h -> h.matches("[0-9a-f]{64}"));
  }

  @Test
  void plannedAddressesAreFingerprintAddresses() {
    Plan plan =
        plan(
            desired(
                manage(Manage.GroupsMode.ALL, Manage.TestersMode.EXCLUSIVE),
                List.of(group("QA", "alice@example.com")),
                List.of()),
            BASE,
            PlanOptions.DEFAULTS.withPrune(true).withAllowReplace(true));
    SortedMap<String, String> fingerprints = of(BASE);
    for (Action a : plan.actions()) {
      if (a.kind() != dev.flightplan.plan.ActionKind.CREATE) {
        assertThat(fingerprints).as("%s", a.address()).containsKey(a.address().toString());
      }
    }
  }

  @Test
  void stableAndBlindToOrder() {
    LiveApp reordered =
        app(
            List.of(BASE.groups().get(1), BASE.groups().get(0)),
            List.of(
                BASE.testers().get(1),
                new LiveTester(
                    "t1", "alice@example.com", null, null, "EMAIL", "INVITED", Set.of("g1"))));
    assertThat(of(reordered)).isEqualTo(of(BASE));
  }

  @Test
  void everyManagedFieldAndMembershipCounts() {
    LiveApp feedback =
        app(
            List.of(
                BASE.groups().get(0), new LiveGroup("g2", "Friends", false, false, true, false)),
            BASE.testers());
    assertThat(Fingerprints.compare(of(BASE), of(feedback)))
        .containsExactly(
            new Difference("com.example.app/group[\"Friends\"]", Difference.Kind.CHANGED));
    LiveApp moved =
        app(
            BASE.groups(),
            List.of(liveTester("t1", "alice@example.com", "g1", "g2"), BASE.testers().get(1)));
    assertThat(Fingerprints.compare(of(BASE), of(moved)))
        .containsExactly(
            new Difference(
                "com.example.app/tester[\"alice@example.com\"]", Difference.Kind.CHANGED));
    LiveApp recreated =
        app(List.of(liveInternal("g9", "QA"), BASE.groups().get(1)), BASE.testers());
    assertThat(Fingerprints.compare(of(BASE), of(recreated)))
        .extracting(Difference::address)
        .contains("com.example.app/group[\"QA\"]");
  }

  @Test
  void aTesterAcceptingAnInvitationDoesNotMakePlansStale() {
    LiveApp accepted =
        app(
            BASE.groups(),
            List.of(
                new LiveTester(
                    "t1", "alice@example.com", null, null, "EMAIL", "ACCEPTED", Set.of("g1")),
                BASE.testers().get(1)));
    assertThat(of(accepted)).isEqualTo(of(BASE));
  }

  @Test
  void appearedAndDisappearedObjectsAreNamed() {
    LiveApp changed =
        app(
            List.of(BASE.groups().get(0)),
            List.of(
                BASE.testers().get(0),
                liveTester("t2", "carol@example.com", "g1"),
                liveTester("t3", "zed@example.com", "g1")));
    assertThat(Fingerprints.compare(of(BASE), of(changed)))
        .containsExactly(
            new Difference("com.example.app/group[\"Friends\"]", Difference.Kind.DISAPPEARED),
            new Difference(
                "com.example.app/tester[\"carol@example.com\"]", Difference.Kind.CHANGED),
            new Difference(
                "com.example.app/tester[\"zed@example.com\"]", Difference.Kind.APPEARED));
  }

  @Test
  void aTesterWithoutEmailIsAddressedByIdAsThePlanDoes() {
    LiveApp anonymous = app(BASE.groups(), List.of(publicLinkTester("t7", null, "g2")));
    assertThat(of(anonymous)).containsKey("com.example.app/tester[\"t7\"]");
  }

  @Test
  void onlyTheUsersAPlanReliesOnAreFingerprintedAndOneWhoLeftDisappears() {
    var joining = java.util.Map.of(APP, List.of("bob@example.com", "erin@example.com"));
    SortedMap<String, String> planned =
        Fingerprints.ofUsers(
            TeamUsers.read(List.of("Bob@Example.com", "erin@example.com", "alice@example.com")),
            joining);
    assertThat(planned.keySet())
        .containsExactly(
            "com.example.app/user[\"bob@example.com\"]",
            "com.example.app/user[\"erin@example.com\"]");
    assertThat(Fingerprints.userEntry("com.example.app/user[\"bob@example.com\"]"))
        .contains(java.util.Map.entry(APP, "bob@example.com"));
    assertThat(Fingerprints.userEntry("com.example.app/tester[\"bob@example.com\"]")).isEmpty();
    assertThat(Fingerprints.invitationLogEntry("com.example.app/user[\"bob@example.com\"]"))
        .isEmpty();
    SortedMap<String, String> now =
        Fingerprints.ofUsers(
            TeamUsers.read(List.of("bob@example.com", "zed@example.com")), joining);
    assertThat(Fingerprints.compare(planned, now))
        .containsExactly(
            new Difference(
                "com.example.app/user[\"erin@example.com\"]", Difference.Kind.DISAPPEARED));
  }

  /**
   * A new live record type must be registered in Fingerprints.KINDS (one line: its address type,
   * natural key and fingerprint), or its fingerprints are addressed by component name and id and do
   * not match the plan's.
   */
  @Test
  void everyLiveRecordTypeIsRegistered() {
    List<String> unregistered = new ArrayList<>();
    for (RecordComponent c : LiveApp.class.getRecordComponents()) {
      Class<?> recordType = recordType(c);
      if (recordType != null && !Fingerprints.registeredTypes().contains(recordType)) {
        unregistered.add("LiveApp." + c.getName() + " (" + recordType.getSimpleName() + ")");
      }
    }
    assertThat(unregistered).as("live record types missing from Fingerprints.KINDS").isEmpty();
  }

  private static Class<?> recordType(RecordComponent c) {
    if (Record.class.isAssignableFrom(c.getType())) {
      return c.getType();
    }
    if (c.getGenericType() instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      if (args[args.length - 1] instanceof Class<?> arg && Record.class.isAssignableFrom(arg)) {
        return arg;
      }
    }
    return null;
  }
}
