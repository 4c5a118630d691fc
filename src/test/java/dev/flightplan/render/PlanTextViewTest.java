package dev.flightplan.render;

import static dev.flightplan.testing.Fixtures.*;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.config.Manage.GroupsMode;
import dev.flightplan.config.Manage.TestersMode;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.state.LiveApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden files of the terminal view, one per kind of plan, plain and in colour. */
class PlanTextViewTest {
  private static final Manage ALL_EXCLUSIVE = manage(GroupsMode.ALL, TestersMode.EXCLUSIVE);

  static Stream<Arguments> plans() {
    LiveApp seeded =
        live(
            List.of(liveInternal("g1", "QA"), liveGroup("g2", "Friends"), liveGroup("g3", "Old")),
            List.of(
                liveTester("t1", "alice@example.com", "g1"),
                liveTester("t2", "carol@example.com", "g2"),
                liveTester("t3", "frank@example.com", "g2"),
                liveTester("t4", "grace@example.com", "g3")));
    AppSpec desired =
        desired(
            ALL_EXCLUSIVE,
            List.of(
                internal("QA", "alice@example.com", "bob@example.com"),
                withFeedback(group("Friends", "carol@example.com", "dave@example.com"), true),
                group("Public", "carol@example.com")),
            List.of(named("dave@example.com", "Dave", "Ito"), named("bob@example.com", "Bob", "Roe")));
    AppSpec flipped = desired(Manage.DEFAULT, List.of(group("QA", "alice@example.com")), List.of());
    return Stream.of(
        Arguments.of("no-changes", plan(desired(Manage.DEFAULT, List.of(internal("QA", "alice@example.com")), List.of()), seeded, PlanOptions.DEFAULTS)),
        Arguments.of("create-update", plan(desired, seeded, PlanOptions.DEFAULTS)),
        Arguments.of("prune", plan(desired, seeded, PlanOptions.DEFAULTS.withPrune(true))),
        Arguments.of("replace", plan(flipped, seeded, PlanOptions.DEFAULTS.withAllowReplace(true))),
        Arguments.of("many-members", plan(
            desired(Manage.DEFAULT, List.of(group("Big", "a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com")), List.of()),
            seeded, PlanOptions.DEFAULTS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void rendersPlain(String name, Plan plan) {
    Golden.check("plan/" + name + ".txt", render(plan, Style.PLAIN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void rendersInColour(String name, Plan plan) {
    Golden.check("plan/" + name + ".color.txt", render(plan, new Style(true)));
  }

  static String render(Plan plan, Style style) {
    StringWriter out = new StringWriter();
    new PlanTextView(new PrintWriter(out), style).render(plan);
    return out.toString();
  }
}
