package dev.flightplan.plan;

import static dev.flightplan.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.Manage;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.kinds.InternalMembers;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.TeamUsers;
import dev.flightplan.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planner tables for internal groups, which take only App Store Connect users of the team:
 * (desired, live, the team's users, options) → the diagnostics and notes; and when planning needs
 * the users at all.
 */
class PlannerInternalMembersTest {
  record Case(
      String name,
      AppSpec desired,
      LiveApp live,
      TeamUsers users,
      PlanOptions options,
      List<String> diagnostics,
      List<String> notes) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final SourcePos LISTED = new SourcePos("testflight.yaml", 7, 19);
  private static final TeamUsers USERS =
      TeamUsers.read(List.of("Alice@Example.com", "bob@example.com"));
  private static final String NOT_A_USER =
      "testflight.yaml:7:19: error: tester x@example.com cannot join internal group"
          + " \"QA\": it is not an App Store Connect user of the team (invite them in Users and Access first, which emails"
          + " them the invitation, or put them in an external group)";

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "a non-user listed under an existing internal group: an error where the file lists them",
            desired(
                Manage.DEFAULT,
                List.of(listedAt(internal("QA", "x@example.com"), "x@example.com", LISTED)),
                List.of()),
            live(List.of(liveInternal("g1", "QA")), List.of()),
            USERS,
            PlanOptions.DEFAULTS,
            List.of(NOT_A_USER),
            List.of()),
        new Case(
            "a non-user whose own entry names the group: an error at that groups entry",
            desired(
                Manage.DEFAULT, List.of(internal("QA")), List.of(testerAt("x@example.com", "QA"))),
            live(List.of(liveInternal("g1", "QA")), List.of()),
            USERS,
            PlanOptions.DEFAULTS,
            List.of(NOT_A_USER.replace("7:19", "20:5")),
            List.of()),
        new Case(
            "an existing external tester joining the internal group is checked too",
            desired(
                Manage.DEFAULT,
                List.of(
                    listedAt(internal("QA", "x@example.com"), "x@example.com", LISTED),
                    group("Beta")),
                List.of()),
            live(
                List.of(liveInternal("g1", "QA"), liveGroup("g2", "Beta")),
                List.of(liveTester("t1", "x@example.com", "g2"))),
            USERS,
            PlanOptions.DEFAULTS,
            List.of(NOT_A_USER),
            List.of()),
        new Case(
            "a new internal group with a non-user among its first members",
            desired(
                Manage.DEFAULT,
                List.of(
                    listedAt(
                        internal("QA", "alice@example.com", "x@example.com"),
                        "x@example.com",
                        LISTED)),
                List.of()),
            live(List.of(), List.of()),
            USERS,
            PlanOptions.DEFAULTS,
            List.of(NOT_A_USER),
            List.of()),
        new Case(
            "users are found ignoring case: no error",
            desired(
                Manage.DEFAULT,
                List.of(internal("QA", "alice@example.com", "bob@example.com")),
                List.of()),
            live(List.of(liveInternal("g1", "QA")), List.of(liveTester("t2", "bob@example.com"))),
            USERS,
            PlanOptions.DEFAULTS,
            List.of(),
            List.of()),
        new Case(
            "a live member of the internal group is not checked again",
            desired(Manage.DEFAULT, List.of(internal("QA", "old@example.com")), List.of()),
            live(
                List.of(liveInternal("g1", "QA")),
                List.of(liveTester("t1", "old@example.com", "g1"))),
            USERS,
            PlanOptions.DEFAULTS,
            List.of(),
            List.of()),
        new Case(
            "external groups take anyone",
            desired(
                Manage.DEFAULT, List.of(internal("QA"), group("Beta", "x@example.com")), List.of()),
            live(List.of(liveInternal("g1", "QA"), liveGroup("g2", "Beta")), List.of()),
            USERS,
            PlanOptions.DEFAULTS,
            List.of(),
            List.of()),
        new Case(
            "an external group re-created as internal: its members join a new internal group",
            desired(
                Manage.DEFAULT,
                List.of(listedAt(internal("QA", "x@example.com"), "x@example.com", LISTED)),
                List.of()),
            live(List.of(liveGroup("g1", "QA")), List.of(liveTester("t1", "x@example.com", "g1"))),
            USERS,
            PlanOptions.DEFAULTS.withAllowReplace(true),
            List.of(NOT_A_USER),
            List.of()),
        new Case(
            "users that could not be listed: a note, no error",
            desired(Manage.DEFAULT, List.of(internal("QA", "x@example.com")), List.of()),
            live(List.of(liveInternal("g1", "QA")), List.of()),
            TeamUsers.refused("GET /v1/users: 403 FORBIDDEN_ERROR"),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(
                "com.example.app: the membership of internal groups could not be checked: 1 tester(s) would join an"
                    + " internal group, and App Store Connect refused to list the team's users (GET /v1/users: 403 FORBIDDEN_ERROR)."
                    + " Apply fails for anyone who is not an App Store Connect user of the team: check them in Users and Access,"
                    + " or plan with an API key whose role may list users")),
        new Case(
            "--invitations-only changes no membership: nothing to check",
            desired(Manage.DEFAULT, List.of(internal("QA", "x@example.com")), List.of()),
            live(List.of(liveInternal("g1", "QA")), List.of()),
            USERS,
            PlanOptions.DEFAULTS.withInvitationsOnly(true),
            List.of(),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plans(Case c) {
    Plan plan = Fixtures.plan(c.desired(), c.live(), c.users(), c.options());
    List<String> diagnostics = plan.diagnostics().items().stream().map(Diagnostic::format).toList();
    assertThat(diagnostics).as("diagnostics").hasSameSizeAs(c.diagnostics());
    for (int i = 0; i < diagnostics.size(); i++) {
      assertThat(diagnostics.get(i)).isEqualTo(c.diagnostics().get(i));
    }
    List<String> notes =
        plan.notes().stream().map(Note::text).filter(n -> n.contains("internal groups")).toList();
    assertThat(notes).as("notes").hasSameSizeAs(c.notes());
    for (int i = 0; i < notes.size(); i++) {
      assertThat(notes.get(i)).isEqualTo(c.notes().get(i));
    }
    assertThat(Fixtures.plan(c.desired(), c.live(), c.users(), c.options()))
        .as("deterministic")
        .isEqualTo(plan);
  }

  record Need(
      String name,
      AppSpec desired,
      LiveApp live,
      PlanOptions options,
      Map<String, Set<String>> joining) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Need> needs() {
    return Stream.of(
        new Need(
            "no internal group",
            desired(Manage.DEFAULT, List.of(group("Beta", "x@example.com")), List.of()),
            live(List.of(liveGroup("g1", "Beta")), List.of()),
            PlanOptions.DEFAULTS,
            Map.of()),
        new Need(
            "every member is in the live internal group already",
            desired(Manage.DEFAULT, List.of(internal("QA", "a@example.com")), List.of()),
            live(
                List.of(liveInternal("g1", "QA")),
                List.of(liveTester("t1", "a@example.com", "g1"))),
            PlanOptions.DEFAULTS,
            Map.of()),
        new Need(
            "a tester created in the internal group",
            desired(
                Manage.DEFAULT, List.of(internal("QA")), List.of(tester("n@example.com", "QA"))),
            live(List.of(liveInternal("g1", "QA")), List.of()),
            PlanOptions.DEFAULTS,
            Map.of(APP, Set.of("n@example.com"))),
        new Need(
            "an existing tester joining it",
            desired(
                Manage.DEFAULT,
                List.of(internal("QA", "a@example.com", "b@example.com")),
                List.of()),
            live(
                List.of(liveInternal("g1", "QA")),
                List.of(
                    liveTester("t1", "a@example.com", "g1"), liveTester("t2", "b@example.com"))),
            PlanOptions.DEFAULTS,
            Map.of(APP, Set.of("b@example.com"))),
        new Need(
            "--invitations-only",
            desired(Manage.DEFAULT, List.of(internal("QA", "b@example.com")), List.of()),
            live(List.of(liveInternal("g1", "QA")), List.of()),
            PlanOptions.DEFAULTS.withInvitationsOnly(true),
            Map.of(APP, Set.of("b@example.com"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("needs")
  void readsTheUsersOnlyWhenSomeoneJoinsAnInternalGroup(Need n) {
    DesiredState desired = new DesiredState("testflight.yaml", 1, List.of(n.desired()));
    LiveState live = new LiveState(List.of(n.live()), List.of());
    assertThat(InternalMembers.joining(desired, live)).isEqualTo(n.joining());
    assertThat(InternalMembers.needsUsers(desired, live, n.options()))
        .isEqualTo(!n.joining().isEmpty() && !n.options().invitationsOnly());
  }
}
