package dev.flightplan.testing;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.Planner;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.LiveTester;
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
    return new GroupSpec(g.name(), g.internal(), g.accessToAllBuilds(), feedback, g.protect(), g.testers(), g.pos());
  }

  public static GroupSpec protectedGroup(GroupSpec g) {
    return new GroupSpec(g.name(), g.internal(), g.accessToAllBuilds(), g.feedback(), true, g.testers(), g.pos());
  }

  public static TesterSpec tester(String email, String... groups) {
    return new TesterSpec(email, null, null, List.of(groups), POS);
  }

  public static TesterSpec named(String email, String first, String last, String... groups) {
    return new TesterSpec(email, first, last, List.of(groups), POS);
  }

  /** A desired app; testers mentioned only under groups are added as bare testers, as the loader does. */
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
    return new LiveTester(id, email, null, null, "EMAIL", "INVITED", Set.copyOf(Arrays.asList(groupIds)));
  }

  public static LiveTester publicLinkTester(String id, String email, String... groupIds) {
    return new LiveTester(id, email, null, null, "PUBLIC_LINK", "INSTALLED", Set.copyOf(Arrays.asList(groupIds)));
  }

  public static LiveApp live(List<LiveGroup> groups, List<LiveTester> testers) {
    return new LiveApp("100", APP, "App", groups, testers);
  }

  public static Plan plan(AppSpec desired, LiveApp live, PlanOptions options) {
    return new Planner(dev.flightplan.kinds.Kinds.all())
        .plan(new DesiredState("testflight.yaml", 1, List.of(desired)), new LiveState(List.of(live), List.of()), options);
  }

  /** "+ group \"QA\"" lines, one per action, for compact assertions. */
  public static List<String> summary(Plan plan) {
    return plan.actions().stream().map(a -> a.kind().symbol() + " " + a.address().local()).toList();
  }

  public static List<String> calls(Plan plan) {
    return plan.calls().stream().map(ApiCall::template).toList();
  }
}
