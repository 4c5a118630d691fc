package dev.flightplan.config;

import static dev.flightplan.config.BuildConfigTest.app;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The app's beta information as it reaches the records: localizations, license, review detail,
 * invitations.
 */
class AppInfoConfigTest {
  @Test
  void whatTheFileDoesNotSayIsNotManaged() {
    AppSpec app = app("    groups: [{ name: QA }]\n");
    assertThat(app.localizations()).isNull();
    assertThat(app.licenseAgreement()).isNull();
    assertThat(app.reviewDetail()).isNull();
    assertThat(app.invitations()).isSameAs(InvitationPolicy.DEFAULT);
    assertThat(app.builds()).isEmpty();
  }

  @Test
  void localizationsInFileOrderWithUnsaidFieldsNull() {
    AppSpec app =
        app(
            """
            localizations:
              zh-Hans:
                description: "天气雷达测试版"
              en-US:
                description: "Weather Radar beta"
                feedbackEmail: beta@example.com
                marketingUrl: http://example.com
                privacyPolicyUrl: https://example.com/privacy?lang=en#top
                tvOsPrivacyPolicy: "We collect nothing on Apple TV."
              es-419: {}
        """);
    assertThat(app.localizations())
        .extracting(LocalizationSpec::locale)
        .containsExactly("zh-Hans", "en-US", "es-419");
    assertThat(app.localizations().get(0))
        .isEqualTo(
            new LocalizationSpec(
                "zh-Hans", "天气雷达测试版", null, null, null, null, new SourcePos("t.yaml", 5, 7)));
    assertThat(app.localizations().get(1))
        .isEqualTo(
            new LocalizationSpec(
                "en-US",
                "Weather Radar beta",
                "beta@example.com",
                "http://example.com",
                "https://example.com/privacy?lang=en#top",
                "We collect nothing on Apple TV.",
                new SourcePos("t.yaml", 7, 7)));
    assertThat(app.localizations().get(2).description()).isNull();
  }

  @Test
  void noLocalizationsIsAnEmptyList() {
    assertThat(app("    localizations: {}\n").localizations()).isEmpty();
  }

  @Test
  void aLocaleInAnotherCaseThanAppStoreConnectWritesItIsAWarning() {
    LoadResult result =
        ConfigLoader.parse(
            "t.yaml",
            """
        version: 1
        apps:
          - bundleId: com.x
            localizations:
              en-us: { description: "Weather Radar beta" }
              ZH-hant: { description: "天氣雷達測試版" }
        """);
    assertThat(result.state()).isPresent();
    assertThat(result.diagnostics().items())
        .extracting(Diagnostic::format)
        .containsExactly(
            "t.yaml:5:7: warning: locale \"en-us\" is written \"en-US\" in App Store Connect (write en-US)",
            "t.yaml:6:7: warning: locale \"ZH-hant\" is written \"zh-Hant\" in App Store Connect (write zh-Hant)");
    assertThat(result.state().orElseThrow().apps().get(0).localizations())
        .extracting(LocalizationSpec::locale)
        .containsExactly("en-us", "ZH-hant");
  }

  @Test
  void canonicalLocales() {
    assertThat(
            List.of("en-us", "DE", "zh-hans-cn", "es-419", "pt-BR").stream()
                .map(LocaleRules::canonical))
        .containsExactly("en-US", "de", "zh-Hans-CN", "es-419", "pt-BR");
  }

  @Test
  void licenseAgreementIsTheTextAsFolded() {
    AppSpec app = app("    licenseAgreement: >-\n      First sentence.\n      Second sentence.\n");
    assertThat(app.licenseAgreement()).isEqualTo("First sentence. Second sentence.");
  }

  @Test
  void reviewDetailWithAPasswordFromTheEnvironment() {
    AppSpec app =
        app(
            """
            reviewDetail:
              contactFirstName: Jo
              contactLastName: Lee
              contactEmail: qa@example.com
              contactPhone: "+1 (555) 010-0"
              demoAccountRequired: true
              demoAccountName: demo
              demoAccountPassword: { env: DEMO_PASSWORD }
              notes: "Sign in with the demo account."
        """);
    assertThat(app.reviewDetail())
        .isEqualTo(
            new ReviewDetailSpec(
                "qa@example.com",
                "Jo",
                "Lee",
                "+1 (555) 010-0",
                true,
                "demo",
                new SecretRef("DEMO_PASSWORD", null, new SourcePos("t.yaml", 11, 28)),
                "Sign in with the demo account.",
                new SourcePos("t.yaml", 5, 7)));
    assertThat(app.reviewDetail().demoAccountPassword().describe()).isEqualTo("env DEMO_PASSWORD");
  }

  @Test
  void aPasswordFileStaysAsWrittenAndIsNotRead() {
    AppSpec app =
        app("    reviewDetail:\n      demoAccountPassword: { file: secrets/no-such-file.txt }\n");
    ReviewDetailSpec detail = app.reviewDetail();
    assertThat(detail.demoAccountPassword().file()).isEqualTo("secrets/no-such-file.txt");
    assertThat(detail.demoAccountPassword().env()).isNull();
    assertThat(detail.contactEmail()).isNull();
    assertThat(detail.demoAccountRequired()).isNull();
    assertThat(detail.notes()).isNull();
  }

  @Test
  void aPasswordWrittenInTheFileIsNeverEchoed() {
    for (String written :
        List.of(
            "hunter2-secret",
            "\"hunter2-secret\"",
            "[hunter2-secret]",
            "{ env: hunter2-secret }",
            "{ file: x, env: hunter2-secret }",
            "{ file: 12345678, env: X }",
            "{ env: 12345678 }")) {
      LoadResult result =
          ConfigLoader.parse(
              "t.yaml",
              "version: 1\napps:\n  - bundleId: com.x\n    reviewDetail:\n      demoAccountPassword: "
                  + written
                  + "\n");
      assertThat(result.state()).as(written).isEmpty();
      assertThat(result.diagnostics().items())
          .as(written)
          .isNotEmpty()
          .allSatisfy(d -> assertThat(d.format()).doesNotContain("hunter2", "12345678"));
    }
  }

  @Test
  void invitationsDefaultToInvitingOnAddAndNeverResending() {
    assertThat(app("    invitations: {}\n").invitations())
        .isEqualTo(new InvitationPolicy(true, null, new SourcePos("t.yaml", 4, 18)));
    assertThat(app("    invitations: { onAdd: false, resendAfterDays: 90 }\n").invitations())
        .isEqualTo(new InvitationPolicy(false, 90, new SourcePos("t.yaml", 4, 18)));
    assertThat(app("    invitations: { resendAfterDays: 1 }\n").invitations().onAdd()).isTrue();
  }
}
