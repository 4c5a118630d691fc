package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.Manage.GroupsMode;
import dev.flightplan.config.Manage.TestersMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped example loads cleanly into exactly the facts it states (the sandbox's demo data
 * differs from them).
 */
class ExampleConfigTest {
  static final Path EXAMPLE = Path.of("examples", "testflight.yaml");
  private static LoadResult result;
  private static AppSpec app;

  @BeforeAll
  static void load() {
    result = ConfigLoader.load(EXAMPLE);
    app = result.state().orElseThrow().app("com.example.weather").orElseThrow();
  }

  @Test
  void loadsWithoutDiagnostics() {
    assertThat(result.diagnostics().isEmpty()).as(result.diagnostics().toString()).isTrue();
    DesiredState state = result.state().orElseThrow();
    assertThat(state.source()).isEqualTo(EXAMPLE.toString());
    assertThat(state.version()).isEqualTo(1);
    assertThat(state.apps()).extracting(AppSpec::bundleId).containsExactly("com.example.weather");
  }

  @Test
  void manageIsAllAndExclusive() {
    assertThat(app.manage()).isEqualTo(new Manage(GroupsMode.ALL, TestersMode.EXCLUSIVE));
  }

  @Test
  void groupsCarryTheirSettings() {
    assertThat(app.groupNames()).containsExactly("QA", "Friends & Family", "Public Beta");
    GroupSpec qa = app.groups().get(0);
    assertThat(qa.internal()).isTrue();
    assertThat(qa.accessToAllBuilds()).isTrue();
    assertThat(qa.feedback()).isTrue();
    assertThat(qa.protect()).isFalse();
    GroupSpec friends = app.groups().get(1);
    assertThat(friends.internal()).isFalse();
    assertThat(friends.accessToAllBuilds()).isNull();
    assertThat(friends.feedback()).isTrue();
    assertThat(friends.protect()).isFalse();
    GroupSpec publicBeta = app.groups().get(2);
    assertThat(publicBeta.internal()).isFalse();
    assertThat(publicBeta.feedback()).isTrue();
    assertThat(publicBeta.protect()).isTrue();
    assertThat(publicBeta.testers()).containsExactly("carol@example.com");
  }

  @Test
  void membersByGroupIsTheUnionOfBothLists() {
    assertThat(app.membersByGroup())
        .containsExactly(
            Map.entry("QA", Set.of("alice@example.com", "bob@example.com")),
            Map.entry("Friends & Family", Set.of("carol@example.com", "dave@example.com")),
            Map.entry("Public Beta", Set.of("carol@example.com", "dave@example.com")));
  }

  @Test
  void groupsByTester() {
    assertThat(app.groupsByTester())
        .containsExactly(
            Map.entry("carol@example.com", Set.of("Friends & Family", "Public Beta")),
            Map.entry("dave@example.com", Set.of("Friends & Family", "Public Beta")),
            Map.entry("alice@example.com", Set.of("QA")),
            Map.entry("bob@example.com", Set.of("QA")));
  }

  @Test
  void testersHaveNamesAndTheirOwnGroups() {
    assertThat(app.testers())
        .extracting(
            TesterSpec::email, TesterSpec::firstName, TesterSpec::lastName, TesterSpec::groups)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("carol@example.com", "Carol", "Ng", List.of()),
            org.assertj.core.groups.Tuple.tuple(
                "dave@example.com", "Dave", "Ito", List.of("Public Beta")),
            org.assertj.core.groups.Tuple.tuple("alice@example.com", "Alice", "Doe", List.of()),
            org.assertj.core.groups.Tuple.tuple("bob@example.com", "Bob", "Roe", List.of()));
  }

  @Test
  void groupsGetBuildsAndPublicBetaHasAPublicLink() {
    BuildRef b44 = app.groups().get(1).builds().get(0);
    assertThat(b44.platform()).isEqualTo("IOS");
    assertThat(b44.version()).isEqualTo("2.3");
    assertThat(b44.number()).isEqualTo("44");
    assertThat(b44.latest()).isFalse();
    assertThat(app.groups().get(0).builds())
        .as("QA gets every build; its builds are not managed")
        .isNull();
    GroupSpec publicBeta = app.groups().get(2);
    assertThat(publicBeta.builds()).extracting(BuildRef::label).containsExactly("2.3 (44)");
    assertThat(publicBeta.appleSiliconMac()).isTrue();
    assertThat(publicBeta.appleVision()).isNull();
    PublicLinkSpec link = publicBeta.publicLink();
    assertThat(link.enabled()).isTrue();
    assertThat(link.limit()).isEqualTo(LinkLimit.of(500));
    assertThat(link.criteria())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.deviceFamily()).isEqualTo("IPHONE");
              assertThat(c.minOs()).isEqualTo("17.0");
              assertThat(c.maxOs()).isNull();
            });
    assertThat(app.groups().get(1).publicLink()).isNull();
  }

  @Test
  void carolGetsBuild44HerselfAndOthersHaveNoIndividualBuilds() {
    assertThat(app.testers().get(0).builds())
        .extracting(BuildRef::label)
        .containsExactly("2.3 (44)");
    assertThat(app.testers().subList(1, 4)).allSatisfy(t -> assertThat(t.builds()).isNull());
  }

  @Test
  void localizationsLicenseAndReviewDetail() {
    assertThat(app.localizations())
        .extracting(
            LocalizationSpec::locale,
            LocalizationSpec::feedbackEmail,
            LocalizationSpec::privacyPolicyUrl)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "en-US", "beta@example.com", "https://example.com/privacy"),
            org.assertj.core.groups.Tuple.tuple("de-DE", "beta@example.com", null));
    assertThat(app.localizations().get(0).description())
        .isEqualTo("Weather Radar beta: radar, alerts and ten-day forecasts.");
    assertThat(app.localizations().get(1).description())
        .isEqualTo("Weather Radar Beta: Radar, Warnungen und Zehn-Tage-Vorhersagen.");
    assertThat(app.localizations())
        .allSatisfy(
            l -> {
              assertThat(l.marketingUrl()).isNull();
              assertThat(l.tvOsPrivacyPolicy()).isNull();
            });
    assertThat(app.licenseAgreement())
        .startsWith("By testing Weather Radar")
        .doesNotContain("\n")
        .matches("[^.]+\\. [^.]+\\.");
    ReviewDetailSpec review = app.reviewDetail();
    assertThat(review.contactFirstName()).isEqualTo("Jo");
    assertThat(review.contactLastName()).isEqualTo("Lee");
    assertThat(review.contactEmail()).isEqualTo("qa@example.com");
    assertThat(review.contactPhone()).isEqualTo("+1 555 0100");
    assertThat(review.demoAccountRequired()).isTrue();
    assertThat(review.demoAccountName()).isEqualTo("demo@example.com");
    assertThat(review.notes())
        .isEqualTo("Sign in with the demo account; location access is optional.");
    SecretRef password = review.demoAccountPassword();
    assertThat(password.file()).isEqualTo("demo-password.txt");
    assertThat(password.env()).isNull();
    assertThat(EXAMPLE.resolveSibling(password.file()))
        .as("the demo password file beside the example")
        .isRegularFile();
  }

  @Test
  void invitationsAreSentOnAddAndAgainAfterAWeek() {
    assertThat(app.invitations().onAdd()).isTrue();
    assertThat(app.invitations().resendAfterDays()).isEqualTo(7);
  }

  @Test
  void buildsSayWhatToTestAndTheirAppClips() {
    assertThat(app.builds())
        .extracting(b -> b.ref().label())
        .containsExactly("2.3 (44)", "2.3 (latest)");
    BuildSpec b44 = app.builds().get(0);
    assertThat(b44.whatToTest())
        .containsExactly(Map.entry("en-US", "Bug fixes and a faster radar."));
    assertThat(b44.autoNotify()).isNull();
    assertThat(b44.usesNonExemptEncryption()).isNull();
    assertThat(b44.submitForReview()).isFalse();
    assertThat(b44.appClipInvocations())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.url()).isEqualTo("https://appclip.example.com/forecast");
              assertThat(i.titles())
                  .containsExactly(
                      Map.entry("de-DE", "Die 10-Tage-Vorhersage"),
                      Map.entry("en-US", "See the 10-day forecast"));
            });
    BuildSpec latest = app.builds().get(1);
    assertThat(latest.ref())
        .extracting(BuildRef::platform, BuildRef::version, BuildRef::number, BuildRef::latest)
        .containsExactly("IOS", "2.3", null, true);
    assertThat(latest.usesNonExemptEncryption()).isFalse();
    assertThat(latest.autoNotify()).isTrue();
    assertThat(latest.submitForReview()).isTrue();
    assertThat(latest.whatToTest())
        .containsExactly(
            Map.entry("de-DE", "Neue Radaransicht"), Map.entry("en-US", "New radar view"));
    assertThat(latest.appClipInvocations())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.url()).isEqualTo("https://appclip.example.com/order?size=large");
              assertThat(i.titles()).containsExactly(Map.entry("en-US", "Order coffee"));
            });
  }

  @Test
  void positionsPointIntoTheFile() {
    assertThat(app.pos().file()).isEqualTo(EXAMPLE.toString());
    assertThat(app.groups().get(0).pos().line()).isGreaterThan(app.pos().line());
    assertThat(app.testers().get(0).pos().line()).isGreaterThan(app.groups().get(2).pos().line());
  }
}
