package dev.flightplan.plan;

import static dev.flightplan.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.InvitationPolicy;
import dev.flightplan.config.LocalizationSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.config.ReviewDetailSpec;
import dev.flightplan.config.SecretRef;
import dev.flightplan.config.Secrets;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.kinds.license.LiveLicense;
import dev.flightplan.kinds.localization.LiveLocalization;
import dev.flightplan.kinds.reviewdetail.LiveReviewDetail;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.testing.Fixtures;
import dev.flightplan.testing.LiveAppInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planner tables for test information (localizations, license agreement, review details, build
 * settings, What to Test, review submissions) and the one-off actions (notifications, invitations):
 * each fires once and never again.
 */
class PlannerInfoTest {
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

  static final String PASSWORD = "s3cret-Pa55word";
  static final SecretRef PASSWORD_REF = new SecretRef("DEMO_PASSWORD", null, POS);
  static final LiveReviewDetail READY_REVIEW =
      new LiveReviewDetail(
          "rd", "qa@example.com", "Jo", "Lee", "+1 555 0100", false, null, null, null);
  static final LiveAppInfo INFO =
      new LiveAppInfo(
          List.of(
              new LiveLocalization("l1", "en-US", "Beta", "beta@example.com", null, null, null)),
          new LiveLicense("lic", "Old text."),
          READY_REVIEW);
  static final LiveBuild B45 =
      withDetail(
          build("b45", "2.3", "45", 20),
          false,
          false,
          Map.of("en-US", new LiveBuild.LiveText("w1", "Try it")));

  static AppSpec app() {
    return desired(Manage.DEFAULT, List.of(), List.of());
  }

  static LocalizationSpec loc(String locale, String description) {
    return new LocalizationSpec(locale, description, null, null, null, null, POS);
  }

  static ReviewDetailSpec review(String phone, SecretRef password) {
    return new ReviewDetailSpec(
        null,
        null,
        null,
        phone,
        password == null ? null : true,
        password == null ? null : "demo",
        password,
        null,
        POS);
  }

  static BuildSpec settings(
      Boolean encryption, Boolean autoNotify, Map<String, String> whatToTest, boolean submit) {
    return new BuildSpec(ref("2.3", "45"), whatToTest, autoNotify, encryption, submit, null, POS);
  }

  static LiveApp liveApp(LiveBuild... builds) {
    return withInfo(live(List.of(), List.of(), List.of(builds)), INFO);
  }

  static Stream<Case> cases() {
    LiveBuild fresh =
        withDetail(
            state(build("b45", "2.3", "45", 20), "VALID", false, null), false, null, Map.of());
    return Stream.of(
        new Case(
            "a new localization is created, a changed one patched",
            withInfo(
                app(), List.of(loc("en-US", "Beta 2"), loc("de-DE", "Beta")), null, null, null),
            liveApp(),
            PlanOptions.DEFAULTS,
            List.of("+ localization \"de-DE\"", "~ localization \"en-US\""),
            List.of("PATCH /v1/betaAppLocalizations/{id}", "POST /v1/betaAppLocalizations"),
            List.of()),
        new Case(
            "an unlisted localization stays without --prune, goes with it",
            withInfo(app(), List.of(), null, null, null),
            liveApp(),
            PlanOptions.DEFAULTS.withPrune(true),
            List.of("- localization \"en-US\""),
            List.of("DELETE /v1/betaAppLocalizations/{id}"),
            List.of()),
        new Case(
            "the license agreement is updated in place",
            withInfo(app(), null, "New text.", null, null),
            liveApp(),
            PlanOptions.DEFAULTS,
            List.of("~ licenseAgreement \"com.example.app\""),
            List.of("PATCH /v1/betaLicenseAgreements/{id}"),
            List.of()),
        new Case(
            "review details: a changed field and a new password",
            withInfo(app(), null, null, review("+1 555 0199", PASSWORD_REF), null),
            liveApp(),
            PlanOptions.DEFAULTS,
            List.of("~ reviewDetail \"com.example.app\""),
            List.of("PATCH /v1/betaAppReviewDetails/{id}"),
            List.of()),
        new Case(
            "export compliance and auto-notify are set before What to Test",
            withAppBuilds(
                app(),
                settings(true, true, Map.of("en-US", "Try it", "de-DE", "Probier es"), false)),
            liveApp(B45),
            PlanOptions.DEFAULTS,
            List.of("~ build \"2.3 (45)\""),
            List.of(
                "PATCH /v1/builds/{id}",
                "PATCH /v1/buildBetaDetails/{id}",
                "POST /v1/betaBuildLocalizations"),
            List.of()),
        new Case(
            "a ready build is submitted for review after its What to Test",
            withAppBuilds(app(), settings(false, null, Map.of("en-US", "New radar"), true)),
            liveApp(fresh),
            PlanOptions.DEFAULTS,
            List.of("~ build \"2.3 (45)\"", "+ reviewSubmission \"2.3 (45)\""),
            List.of(
                "PATCH /v1/builds/{id}",
                "POST /v1/betaBuildLocalizations",
                "POST /v1/betaAppReviewSubmissions"),
            List.of()),
        new Case(
            "a build already in review is not submitted again; its state is a note",
            withAppBuilds(app(), settings(null, null, null, true)),
            liveApp(B45),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "what beta review needs is reported where to fix it",
            withInfo(
                withAppBuilds(app(), settings(null, null, null, true)),
                List.of(loc("fr-FR", null)),
                null,
                review(null, null),
                null),
            withInfo(
                live(List.of(), List.of(), List.of(fresh)),
                new LiveAppInfo(
                    List.of(new LiveLocalization("l1", "en-US", " ", null, null, null, null)),
                    null,
                    new LiveReviewDetail("rd", null, "Jo", "Lee", null, false, null, null, null))),
            PlanOptions.DEFAULTS,
            List.of("+ localization \"fr-FR\""),
            List.of("POST /v1/betaAppLocalizations"),
            List.of(
                "error: build 2.3 (45) cannot be submitted for beta review: it has no What to Test",
                "error: build 2.3 (45) cannot be submitted for beta review: its export compliance is not set",
                "error: build 2.3 (45) cannot be submitted for beta review: the en-US beta app localization has no description",
                "error: build 2.3 (45) cannot be submitted for beta review: the fr-FR beta app localization has no description",
                "error: build 2.3 (45) cannot be submitted for beta review: the review details lack contactEmail, contactPhone")),
        new Case(
            "a build newly given to a group with auto-notify off is announced once",
            desired(
                Manage.DEFAULT, List.of(withBuilds(group("Beta"), ref("2.3", "45"))), List.of()),
            live(List.of(liveGroup("g1", "Beta")), List.of(), List.of(B45)),
            PlanOptions.DEFAULTS,
            List.of("~ group \"Beta\"", "> notification \"2.3 (45)\""),
            List.of(
                "POST /v1/builds/{id}/relationships/betaGroups", "POST /v1/buildBetaNotifications"),
            List.of()),
        new Case(
            "no notification when the file turns auto-notify on",
            withAppBuilds(
                desired(
                    Manage.DEFAULT,
                    List.of(withBuilds(group("Beta"), ref("2.3", "45"))),
                    List.of()),
                settings(null, true, null, false)),
            live(List.of(liveGroup("g1", "Beta")), List.of(), List.of(B45)),
            PlanOptions.DEFAULTS,
            List.of("~ group \"Beta\"", "~ build \"2.3 (45)\""),
            List.of(
                "PATCH /v1/buildBetaDetails/{id}", "POST /v1/builds/{id}/relationships/betaGroups"),
            List.of()),
        new Case(
            "no notification once the build is in the group",
            desired(
                Manage.DEFAULT, List.of(withBuilds(group("Beta"), ref("2.3", "45"))), List.of()),
            live(List.of(liveGroup("g1", "Beta")), List.of(), List.of(inGroups(B45, "g1"))),
            PlanOptions.DEFAULTS,
            List.of(),
            List.of(),
            List.of()),
        new Case(
            "a tester new to internal groups only is invited once; an existing one is not",
            desired(
                Manage.DEFAULT,
                List.of(internal("QA", "new@example.com", "old@example.com")),
                List.of()),
            live(
                List.of(liveInternal("g1", "QA")),
                List.of(liveTester("t1", "old@example.com", "g1"))),
            PlanOptions.DEFAULTS,
            List.of(
                "~ group \"QA\"",
                "+ tester \"new@example.com\"",
                "> invitation \"new@example.com\""),
            List.of("POST /v1/betaTesters", "POST /v1/betaTesterInvitations"),
            List.of()),
        new Case(
            "a tester who joins an external group gets App Store Connect's email, not a second one",
            desired(
                Manage.DEFAULT,
                List.of(internal("QA", "new@example.com"), group("Beta", "new@example.com")),
                List.of()),
            live(List.of(liveInternal("g0", "QA"), liveGroup("g1", "Beta")), List.of()),
            PlanOptions.DEFAULTS,
            List.of("~ group \"QA\"", "~ group \"Beta\"", "+ tester \"new@example.com\""),
            List.of("POST /v1/betaTesters"),
            List.of()),
        new Case(
            "no invitation when onAdd is off",
            withInfo(
                desired(Manage.DEFAULT, List.of(internal("QA", "new@example.com")), List.of()),
                null,
                null,
                null,
                new InvitationPolicy(false, null, POS)),
            live(List.of(liveInternal("g1", "QA")), List.of()),
            PlanOptions.DEFAULTS,
            List.of("~ group \"QA\"", "+ tester \"new@example.com\""),
            List.of("POST /v1/betaTesters"),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plans(Case c) {
    Plan plan = Fixtures.plan(c.desired(), c.live(), secrets(c.desired()), c.options());
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
    assertThat(plan.toString()).as("no secret in the plan").doesNotContain(PASSWORD);
  }

  @Test
  void thePasswordIsComparedButNeverHeldByThePlan() {
    AppSpec desired = withInfo(app(), null, null, review(null, PASSWORD_REF), null);
    Plan changed = Fixtures.plan(desired, liveApp(), secrets(desired), PlanOptions.DEFAULTS);
    Action.Update update = (Action.Update) changed.actions().get(0);
    assertThat(update.changes())
        .contains(new Change.Value("demoAccountPassword", null, Sensitive.VALUE));
    ApiCall call = changed.calls().get(0);
    assertThat(call.body().at("/data/attributes/demoAccountPassword").asText()).isEmpty();
    assertThat(call.substitutions())
        .containsExactly(
            Substitution.secret(
                "/data/attributes/demoAccountPassword",
                new SecretRef("DEMO_PASSWORD", null, null)));
    assertThat(changed.toString()).doesNotContain(PASSWORD);

    LiveApp same =
        withInfo(
            live(List.of(), List.of()),
            new LiveAppInfo(
                INFO.localizations(),
                INFO.license(),
                new LiveReviewDetail(
                    "rd",
                    "qa@example.com",
                    "Jo",
                    "Lee",
                    "+1 555 0100",
                    true,
                    "demo",
                    PASSWORD,
                    null)));
    assertThat(Fixtures.plan(desired, same, secrets(desired), PlanOptions.DEFAULTS).hasChanges())
        .isFalse();
  }

  @Test
  void aBuildInReviewShowsItsStateAsANote() {
    Plan plan =
        Fixtures.plan(
            withAppBuilds(app(), settings(null, null, null, true)),
            liveApp(B45),
            Secrets.none(),
            PlanOptions.DEFAULTS);
    assertThat(plan.notes())
        .extracting(Note::text)
        .contains("com.example.app: build 2.3 (45) is in beta review: APPROVED");
  }

  @Test
  void theNotificationToleratesAutoNotifyAlreadyOn() {
    Plan plan =
        Fixtures.plan(
            desired(
                Manage.DEFAULT, List.of(withBuilds(group("Beta"), ref("2.3", "45"))), List.of()),
            live(List.of(liveGroup("g1", "Beta")), List.of(), List.of(B45)),
            Secrets.none(),
            PlanOptions.DEFAULTS);
    assertThat(plan.calls().get(1).tolerate()).containsExactly("STATE_ERROR.ENTITY_STATE_INVALID");
  }

  private static Secrets secrets(AppSpec app) {
    return Secrets.resolve(
            new DesiredState("testflight.yaml", 1, List.of(app)), Map.of("DEMO_PASSWORD", PASSWORD))
        .secrets();
  }
}
