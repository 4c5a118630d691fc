package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Builds, public links and criteria as they reach the records: versions as written, defaults, null
 * vs empty.
 */
class BuildConfigTest {
  static AppSpec app(String yamlAfterBundleId) {
    String yaml = "version: 1\napps:\n  - bundleId: com.example.weather\n" + yamlAfterBundleId;
    LoadResult result = ConfigLoader.parse("t.yaml", yaml);
    assertThat(result.diagnostics().items()).extracting(Diagnostic::format).isEmpty();
    return result.state().orElseThrow().apps().get(0);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2.3         | 2.3",
        "2.10        | 2.10",
        "2.30        | 2.30",
        "'\"2.10\"'  | 2.10",
        "2           | 2",
        "02.3        | 02.3",
        "2.3.1       | 2.3.1",
        "!!str 2.10  | 2.10",
      })
  void versionsAreReadAsWritten(String written, String read) {
    AppSpec app =
        app(
            "    groups:\n      - name: Beta\n        builds: [{ version: "
                + written
                + ", number: 045 }]\n");
    BuildRef ref = app.groups().get(0).builds().get(0);
    assertThat(ref.version()).isEqualTo(read);
    assertThat(ref.number()).isEqualTo("045");
  }

  @Test
  void aBuildRefDefaultsToIos() {
    AppSpec app =
        app(
            """
            groups:
              - name: Beta
                builds:
                  - { version: "2.3", number: "45" }
                  - { version: "2.3", latest: true, platform: MAC_OS }
        """);
    List<BuildRef> builds = app.groups().get(0).builds();
    assertThat(builds.get(0))
        .isEqualTo(new BuildRef("IOS", "2.3", "45", false, new SourcePos("t.yaml", 7, 13)));
    assertThat(builds.get(1))
        .isEqualTo(new BuildRef("MAC_OS", "2.3", null, true, new SourcePos("t.yaml", 8, 13)));
    assertThat(builds.get(1).label()).isEqualTo("2.3 (latest, MAC_OS)");
  }

  @Test
  void theSameBuildForAGroupAndATesterIsFine() {
    AppSpec app =
        app(
            """
            groups:
              - name: Beta
                testers: [carol@example.com]
                builds: [{ version: "2.3", number: "44" }]
            testers:
              - email: Carol@Example.com
                builds: [{ version: "2.3", number: "44" }, { version: "2.3", number: "44", platform: TV_OS }]
        """);
    assertThat(app.testers().get(0).builds())
        .extracting(BuildRef::label)
        .containsExactly("2.3 (44)", "2.3 (44, TV_OS)");
  }

  @Test
  void buildListsAbsentAreNullAndEmptyAreEmpty() {
    AppSpec app =
        app(
            """
            groups:
              - name: Beta
              - name: Closed
                builds: []
            testers:
              - email: a@example.com
              - email: b@example.com
                builds: []
        """);
    assertThat(app.groups().get(0).builds()).isNull();
    assertThat(app.groups().get(1).builds()).isEmpty();
    assertThat(app.testers().get(0).builds()).isNull();
    assertThat(app.testers().get(1).builds()).isEmpty();
    assertThat(app.builds()).isEmpty();
  }

  @Test
  void buildSpecsCarryEverythingTheFileSays() {
    AppSpec app =
        app(
            """
            builds:
              - version: 2.3
                latest: true
                whatToTest: { en-US: "New radar view", de-DE: "Neue Radaransicht" }
                autoNotify: false
                usesNonExemptEncryption: false
                submitForReview: true
                appClipInvocations:
                  - url: https://appclip.example.com/order?size=large
                    title: { en-US: "Order coffee", de-DE: "Kaffee bestellen" }
              - version: "2.3"
                number: "45"
        """);
    BuildSpec latest = app.builds().get(0);
    assertThat(latest.ref())
        .isEqualTo(new BuildRef("IOS", "2.3", null, true, new SourcePos("t.yaml", 5, 9)));
    assertThat(latest.whatToTest())
        .containsExactly(
            Map.entry("de-DE", "Neue Radaransicht"), Map.entry("en-US", "New radar view"));
    assertThat(latest.autoNotify()).isFalse();
    assertThat(latest.usesNonExemptEncryption()).isFalse();
    assertThat(latest.submitForReview()).isTrue();
    assertThat(latest.appClipInvocations())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.url()).isEqualTo("https://appclip.example.com/order?size=large");
              assertThat(i.titles())
                  .containsExactly(
                      Map.entry("de-DE", "Kaffee bestellen"), Map.entry("en-US", "Order coffee"));
              assertThat(i.pos()).isEqualTo(new SourcePos("t.yaml", 12, 13));
            });
    BuildSpec bare = app.builds().get(1);
    assertThat(bare.ref().number()).isEqualTo("45");
    assertThat(bare.whatToTest()).isNull();
    assertThat(bare.autoNotify()).isNull();
    assertThat(bare.usesNonExemptEncryption()).isNull();
    assertThat(bare.submitForReview()).isFalse();
    assertThat(bare.appClipInvocations()).isNull();
  }

  @Test
  void noInvocationsIsAnEmptyList() {
    AppSpec app =
        app("    builds: [{ version: \"2.3\", number: \"45\", appClipInvocations: [] }]\n");
    assertThat(app.builds().get(0).appClipInvocations()).isEmpty();
  }

  @Test
  void aLimitOf4000CharactersAllowsExactly4000() {
    String text = "é".repeat(4000);
    AppSpec app =
        app(
            "    builds: [{ version: \"2.3\", number: \"45\", whatToTest: { en-US: \""
                + text
                + "\" } }]\n");
    assertThat(app.builds().get(0).whatToTest().get("en-US")).hasSize(4000);
  }

  @Test
  void publicLinkWithoutLimitOrCriteria() {
    AppSpec app =
        app(
            """
            groups:
              - name: Beta
                appleSiliconMac: true
                appleVision: false
                publicLink: { enabled: false }
              - name: Open
                publicLink:
                  enabled: true
                  limit: 10000
                  criteria: []
              - name: Closed
        """);
    GroupSpec beta = app.groups().get(0);
    assertThat(beta.appleSiliconMac()).isTrue();
    assertThat(beta.appleVision()).isFalse();
    assertThat(beta.publicLink())
        .isEqualTo(new PublicLinkSpec(false, null, null, new SourcePos("t.yaml", 8, 21)));
    PublicLinkSpec open = app.groups().get(1).publicLink();
    assertThat(open.enabled()).isTrue();
    assertThat(open.limit()).isEqualTo(LinkLimit.of(10000));
    assertThat(open.criteria()).isEmpty();
    GroupSpec closed = app.groups().get(2);
    assertThat(closed.publicLink()).isNull();
    assertThat(closed.appleSiliconMac()).isNull();
    assertThat(closed.appleVision()).isNull();
  }

  @Test
  void criteriaKeepTheirOsVersionsAsWritten() {
    AppSpec app =
        app(
            """
            groups:
              - name: Beta
                publicLink:
                  enabled: true
                  limit: 1
                  criteria:
                    - { deviceFamily: IPHONE, minOs: 17.10, maxOs: "18" }
                    - { deviceFamily: IPAD, maxOs: 17.0 }
                    - { deviceFamily: MAC, minOs: "14", maxOs: "14.0" }
        """);
    assertThat(app.groups().get(0).publicLink().criteria())
        .extracting(CriterionSpec::deviceFamily, CriterionSpec::minOs, CriterionSpec::maxOs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("IPHONE", "17.10", "18"),
            org.assertj.core.groups.Tuple.tuple("IPAD", null, "17.0"),
            org.assertj.core.groups.Tuple.tuple("MAC", "14", "14.0"));
  }

  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({
    "17.10, 17.9, 1",
    "17, 17.0, 0",
    "17.0.1, 17.0, 1",
    "9, 10, -1",
    "99999999999999999999, 1, 1"
  })
  void osVersionsCompareNumberByNumber(String a, String b, int sign) {
    assertThat(Integer.signum(CriteriaRules.compare(a, b))).isEqualTo(sign);
  }

  @Test
  void buildsOnAGroupWithAccessToAllBuildsIsAWarning() {
    LoadResult result =
        ConfigLoader.parse(
            "t.yaml",
            """
        version: 1
        apps:
          - bundleId: com.x
            groups:
              - { name: QA, internal: true, accessToAllBuilds: true, builds: [{ version: "2.3", latest: true }] }
        """);
    assertThat(result.state()).isPresent();
    assertThat(result.diagnostics().items())
        .extracting(Diagnostic::format)
        .containsExactly(
            "t.yaml:5:62: warning: group \"QA\" gets every build (accessToAllBuilds: true), and App Store Connect refuses"
                + " builds given to such a group by hand (remove builds, or accessToAllBuilds)");
  }
}
