package dev.flightplan.render;

import static dev.flightplan.testing.Fixtures.*;

import dev.flightplan.apply.Guards;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.InvitationPolicy;
import dev.flightplan.config.Manage;
import dev.flightplan.config.Manage.GroupsMode;
import dev.flightplan.config.Manage.TestersMode;
import dev.flightplan.config.Secrets;
import dev.flightplan.kinds.Kinds;
import dev.flightplan.plan.InvitationHistory;
import dev.flightplan.plan.Note;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.state.Fingerprints;
import dev.flightplan.state.InvitationLog;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.ReadScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The plans every view's golden files are made of: the same cases for the terminal, JSON and
 * Markdown views, each wrapped as a saved plan with a fixed version and file hash so the documents
 * are stable.
 */
final class PlanCases {
  static final String VERSION = "1.0.0-test";
  static final SavedPlan.ConfigRef CONFIG =
      new SavedPlan.ConfigRef(
          "testflight.yaml", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  private static final Manage ALL_EXCLUSIVE = manage(GroupsMode.ALL, TestersMode.EXCLUSIVE);

  /** One case: a name, and the plan with the live state and options it was made from. */
  record Case(String name, SavedPlan saved) {
    Plan plan() {
      return saved.plan();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private PlanCases() {}

  static LiveApp seeded() {
    return live(
        List.of(liveInternal("g1", "QA"), liveGroup("g2", "Friends"), liveGroup("g3", "Old")),
        List.of(
            liveTester("t1", "alice@example.com", "g1"),
            liveTester("t2", "carol@example.com", "g2"),
            liveTester("t3", "frank@example.com", "g2"),
            liveTester("t4", "grace@example.com", "g3")));
  }

  static Stream<Case> all() {
    LiveApp seeded = seeded();
    AppSpec desired =
        desired(
            ALL_EXCLUSIVE,
            List.of(
                internal("QA", "alice@example.com", "bob@example.com"),
                withFeedback(group("Friends", "carol@example.com", "dave@example.com"), true),
                group("Public", "carol@example.com")),
            List.of(
                named("dave@example.com", "Dave", "Ito"), named("bob@example.com", "Bob", "Roe")));
    AppSpec flipped = desired(Manage.DEFAULT, List.of(group("QA", "alice@example.com")), List.of());
    return Stream.of(
        of(
            "no-changes",
            desired(Manage.DEFAULT, List.of(internal("QA", "alice@example.com")), List.of()),
            seeded,
            PlanOptions.DEFAULTS),
        of("create-update", desired, seeded, PlanOptions.DEFAULTS),
        of("prune", desired, seeded, PlanOptions.DEFAULTS.withPrune(true)),
        of("replace", flipped, seeded, PlanOptions.DEFAULTS.withAllowReplace(true)),
        testflight(),
        testInformation(),
        of(
            "many-members",
            desired(
                Manage.DEFAULT,
                List.of(
                    group(
                        "Big",
                        "a@example.com",
                        "b@example.com",
                        "c@example.com",
                        "d@example.com",
                        "e@example.com")),
                List.of()),
            seeded,
            PlanOptions.DEFAULTS),
        guarded(desired, seeded),
        reminders(),
        hostile(),
        hygiene());
  }

  /**
   * The hygiene policies (issue 18), with --prune: frank (invited 40 days ago) and a public-link
   * joiner (seen 35 days ago) had no session in 30 days and leave the app; new (seen 3 days ago) is
   * in its grace, carol active, alice listed; 2.3 (41) is expired, 2.3 (42) kept because the file
   * gives it to Friends, 2.3 (43) as the latest.
   */
  static Case hygiene() {
    Instant now = Instant.parse("2026-11-30T10:00:00Z");
    LiveApp base =
        live(
            List.of(liveInternal("g1", "QA"), liveGroup("g2", "Friends")),
            List.of(
                liveTester("t1", "alice@example.com", "g1"),
                liveTester("t2", "carol@example.com", "g2"),
                liveTester("t3", "frank@example.com", "g2"),
                publicLinkTester("t4", "pat@example.com", "g2"),
                liveTester("t5", "new@example.com", "g2")),
            List.of(
                build("b41", "2.3", "41", 1),
                inGroups(build("b42", "2.3", "42", 2), "g2"),
                build("b43", "2.3", "43", 20)));
    String start = "2026-11-01T00:00:00Z";
    String end = "2026-12-01T00:00:00Z";
    LiveApp live =
        new LiveApp(
            base.id(),
            base.bundleId(),
            base.name(),
            base.groups(),
            base.testers(),
            base.builds(),
            base.parts(),
            List.of(
                new dev.flightplan.state.TesterActivity("t1", 0, 0, 0, start, end),
                new dev.flightplan.state.TesterActivity("t2", 5, 1, 1, start, end),
                new dev.flightplan.state.TesterActivity("t3", 0, 0, 0, start, end),
                new dev.flightplan.state.TesterActivity("t4", 0, 0, 0, start, end),
                new dev.flightplan.state.TesterActivity("t5", 0, 0, 0, start, end)));
    AppSpec d =
        desired(
            Manage.DEFAULT,
            List.of(
                internal("QA", "alice@example.com"),
                withBuilds(group("Friends", "carol@example.com"), ref("2.3", "42"))),
            List.of());
    AppSpec desired =
        new AppSpec(
            d.bundleId(),
            d.manage(),
            d.groups(),
            d.testers(),
            d.localizations(),
            d.licenseAgreement(),
            d.reviewDetail(),
            d.invitations(),
            d.builds(),
            new dev.flightplan.config.InactiveTesterPolicy(30, 30, List.of(), List.of(), true, POS),
            new dev.flightplan.config.BuildExpiryPolicy(7, 1, POS),
            d.pos());
    SortedMap<String, InvitationLog.Entry> entries = new TreeMap<>();
    entries.put("t3", new InvitationLog.Entry(now.minus(Duration.ofDays(40)), true));
    entries.put("t4", new InvitationLog.Entry(now.minus(Duration.ofDays(35)), false));
    entries.put("t5", new InvitationLog.Entry(now.minus(Duration.ofDays(3)), false));
    InvitationLog log = new InvitationLog(new TreeMap<>(Map.of(APP, entries)));
    PlanOptions options = PlanOptions.DEFAULTS.withPrune(true);
    Plan plan =
        Kinds.planner()
            .plan(
                new DesiredState("testflight.yaml", 1, List.of(desired)),
                new LiveState(List.of(live), List.of()),
                options,
                Secrets.none(),
                new InvitationHistory(log, now));
    return new Case("hygiene", saved(plan, live, options, false));
  }

  /**
   * Names that try to act on the terminal or break out of the Markdown: a screen clear and an OSC 8
   * link ended by BEL, a carriage return and a newline that forge lines, a C1 CSI (U+009B), bidi
   * overrides and isolates, backticks, pipes and HTML; a spreadsheet formula as a name. Planned
   * with --prune, so that they are deleted too.
   */
  static Case hostile() {
    String link = "Evil\u001b[2J\u001b]8;;https://evil.example/\u0007click me\u001b]8;;\u0007";
    String markup = "A|B ``` `x` <details><summary>&#x202e; **bold**";
    LiveApp live =
        live(
            List.of(
                liveInternal("g1", "QA"),
                liveGroup("g2", "Old\u009b31m\u202egnp.exe\u2066x\u2069"),
                liveGroup("g3", markup)),
            List.of(
                new LiveTester(
                    "t1",
                    "mallory@example.com",
                    "=HYPERLINK(\"https://evil.example\")",
                    "Bell\u0007\rFORGED",
                    "EMAIL",
                    "INVITED",
                    java.util.Set.of("g2"))));
    AppSpec desired =
        desired(
            ALL_EXCLUSIVE,
            List.of(internal("QA"), group(link, "eve@example.com")),
            List.of(
                named(
                    "eve@example.com",
                    "Eve\nPlan: 0 to add, 0 to change, 0 to destroy.",
                    "\u202eevE\u202c")));
    return of("hostile", desired, live, PlanOptions.DEFAULTS.withPrune(true));
  }

  /**
   * The prune plan as apply's guards would refuse it with --max-deletes 1: the refusals are
   * warnings.
   */
  static Case guarded(AppSpec desired, LiveApp live) {
    PlanOptions options = PlanOptions.DEFAULTS.withPrune(true);
    Plan plan = plan(desired, live, options);
    Guards.Refusal refusal =
        Guards.check(plan, new LiveState(List.of(live), List.of()), new Guards.Limits(1, false));
    List<Note> notes = new ArrayList<>(plan.notes());
    refusal.reasons().forEach(r -> notes.add(new Note.Refusal(r)));
    return new Case("guarded", saved(plan.withNotes(notes), live, options, false));
  }

  /**
   * invitations.resendAfterDays: one reminder due, one tester waiting with no entry, one new
   * tester.
   */
  static Case reminders() {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    AppSpec desired =
        withInfo(
            desired(
                Manage.DEFAULT,
                List.of(
                    group("Friends", "frank@example.com", "gina@example.com", "new@example.com")),
                List.of()),
            null,
            null,
            null,
            new InvitationPolicy(true, 7, POS));
    LiveApp live =
        live(
            List.of(liveGroup("g1", "Friends")),
            List.of(
                liveTester("t1", "frank@example.com", "g1"),
                liveTester("t2", "gina@example.com", "g1")));
    SortedMap<String, InvitationLog.Entry> entries = new TreeMap<>();
    entries.put("t1", new InvitationLog.Entry(now.minus(Duration.ofDays(9)), true));
    InvitationLog log = new InvitationLog(new TreeMap<>(Map.of(APP, entries)));
    Plan plan =
        Kinds.planner()
            .plan(
                new DesiredState("testflight.yaml", 1, List.of(desired)),
                new LiveState(List.of(live), List.of()),
                PlanOptions.DEFAULTS,
                Secrets.none(),
                new InvitationHistory(log, now));
    return new Case("reminders", saved(plan, live, PlanOptions.DEFAULTS, false));
  }

  /**
   * Group settings, a public link with criteria, builds for a group and a tester, App Clip
   * invocations.
   */
  static Case testflight() {
    LiveBuild b44 =
        withClip(
            build("b44", "2.3", "44", 20),
            "bb1",
            invocation(
                "i1", "https://clip.example.com/forecast", "en-US", "l1", "See the forecast"));
    LiveBuild b45 = withDetail(build("b45", "2.3", "45", 21), false, false, Map.of());
    LiveApp live =
        live(
            List.of(
                liveInternal("g1", "QA"),
                liveLink(
                    liveGroup("g2", "Friends"),
                    true,
                    100,
                    new dev.flightplan.state.LiveGroup.LiveCriteria(
                        "c1",
                        List.of(
                            new dev.flightplan.state.LiveGroup.Filter("IPHONE", "16.0", null))))),
            List.of(liveTester("t2", "carol@example.com", "g2")),
            List.of(inGroups(b44, "g2"), b45));
    AppSpec desired =
        withAppBuilds(
            desired(
                Manage.DEFAULT,
                List.of(
                    withLink(
                        withBuilds(
                            withMac(group("Friends", "carol@example.com"), true),
                            ref("2.3", "44"),
                            ref("2.3", "45")),
                        true,
                        500,
                        criterion("IPHONE", "17.0", null),
                        criterion("IPAD", "17.0", "18.0")),
                    withLink(withBuilds(group("Public"), ref("2.3", "44")), true, null)),
                List.of(
                    testerWithBuilds("carol@example.com", List.of("Friends"), ref("2.3", "44")))),
            buildSpec(
                ref("2.3", "44"),
                invocationSpec(
                    "https://clip.example.com/forecast",
                    "en-US",
                    "See the 10-day forecast",
                    "de-DE",
                    "Die Vorhersage"),
                invocationSpec("https://clip.example.com/order", "en-US", "Order coffee")));
    Map<String, List<String>> options =
        Map.of("IPHONE", List.of("16.0", "17.0", "18.0"), "IPAD", List.of("17.0", "18.0"));
    return new Case(
        "testflight",
        saved(
            plan(desired, live, options, PlanOptions.DEFAULTS), live, PlanOptions.DEFAULTS, false));
  }

  /**
   * Localizations, license, review details with a password (never shown), build settings and a
   * review submission.
   */
  static Case testInformation() {
    LiveBuild b45 =
        withDetail(
            state(build("b45", "2.3", "45", 21), "VALID", false, null), false, null, Map.of());
    LiveApp live =
        withInfo(
            live(List.of(liveInternal("g1", "QA")), List.of(), List.of(b45)),
            new dev.flightplan.testing.LiveAppInfo(
                List.of(
                    new dev.flightplan.kinds.localization.LiveLocalization(
                        "l1", "en-US", "Beta", "beta@example.com", null, null, null)),
                new dev.flightplan.kinds.license.LiveLicense("lic", "Old agreement."),
                new dev.flightplan.kinds.reviewdetail.LiveReviewDetail(
                    "rd", "qa@example.com", "Jo", "Lee", null, false, null, "old-secret", null)));
    dev.flightplan.config.SecretRef password =
        new dev.flightplan.config.SecretRef("DEMO_PASSWORD", null, POS);
    AppSpec desired =
        withInfo(
            withAppBuilds(
                desired(Manage.DEFAULT, List.of(), List.of()),
                new dev.flightplan.config.BuildSpec(
                    ref("2.3", "45"),
                    Map.of("en-US", "New radar view"),
                    true,
                    false,
                    true,
                    null,
                    POS)),
            List.of(
                new dev.flightplan.config.LocalizationSpec(
                    "en-US",
                    "Weather Radar beta",
                    null,
                    null,
                    "https://example.com/privacy",
                    null,
                    POS),
                new dev.flightplan.config.LocalizationSpec(
                    "de-DE", "Wetterradar Beta", "beta@example.com", null, null, null, POS)),
            "New agreement.",
            new dev.flightplan.config.ReviewDetailSpec(
                null, null, null, "+1 555 0100", true, "demo@example.com", password, null, POS),
            null);
    Secrets secrets =
        Secrets.resolve(
                new DesiredState("testflight.yaml", 1, List.of(desired)),
                Map.of("DEMO_PASSWORD", "hunter2-golden"))
            .secrets();
    return new Case(
        "test-information",
        saved(
            plan(desired, live, secrets, PlanOptions.DEFAULTS), live, PlanOptions.DEFAULTS, false));
  }

  static Stream<Arguments> arguments() {
    return all().map(c -> Arguments.of(c.name(), c));
  }

  static Case of(String name, AppSpec desired, LiveApp live, PlanOptions options) {
    return new Case(name, saved(plan(desired, live, options), live, options, false));
  }

  static SavedPlan saved(Plan plan, LiveApp live, PlanOptions options, boolean partial) {
    return new SavedPlan(
        VERSION,
        CONFIG,
        List.of(live.bundleId()),
        partial,
        options,
        plan,
        groupsAndTesters(live.bundleId()),
        Fingerprints.of(new LiveState(List.of(live), List.of())));
  }

  /**
   * What planning a file of groups and testers reads: no builds, and so no build read in full for
   * any part of builds.
   */
  private static ReadScope groupsAndTesters(String bundleId) {
    Map<String, List<dev.flightplan.config.BuildRef>> none = new java.util.TreeMap<>();
    Kinds.reads().builds().forEach(p -> none.put(p.name(), List.of()));
    return new ReadScope(
        Map.of(bundleId, new ReadScope.AppReads(false, false, false, none)), false);
  }

  /**
   * A plan of more than {@link PlanDetail#COMPACT_ABOVE} changes, for the compact view: 240 testers
   * join a group whose 30 testers leave the app (--prune), a new group shares 3 of them, and a
   * group not in the file goes.
   */
  static Case large() {
    List<dev.flightplan.state.LiveTester> old = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      old.add(liveTester("o" + i, String.format("old%03d@example.com", i), "g1"));
    }
    LiveApp live = live(List.of(liveGroup("g1", "Everyone"), liveGroup("g2", "Old")), old);
    String[] added =
        java.util.stream.IntStream.rangeClosed(1, 240)
            .mapToObj(i -> String.format("new%04d@example.com", i))
            .toArray(String[]::new);
    AppSpec desired =
        desired(
            ALL_EXCLUSIVE,
            List.of(
                withFeedback(group("Everyone", added), true),
                group("Beta", added[0], added[1], added[2])),
            List.of());
    return of("large", desired, live, PlanOptions.DEFAULTS.withPrune(true));
  }

  /** A case by name. */
  static Case byName(String name) {
    return all().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** The create-update case as one app of a two-app file planned with --app. */
  static Case partial() {
    Case c = byName("create-update");
    SavedPlan s = c.saved();
    return new Case(
        "partial",
        new SavedPlan(
            s.flightplanVersion(),
            s.config(),
            s.apps(),
            true,
            s.options(),
            s.plan(),
            s.reads(),
            s.fingerprints()));
  }
}
