package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.ClientOptions;
import dev.flightplan.api.Credentials;
import dev.flightplan.config.ConfigLoader;
import dev.flightplan.kinds.appclip.AppClipKind;
import dev.flightplan.kinds.appclip.LiveAppClip;
import dev.flightplan.kinds.reviewdetail.LiveReviewDetail;
import dev.flightplan.sandbox.Exchange;
import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.StateReader;
import dev.flightplan.testing.IntegrationTest;
import dev.flightplan.testing.LiveAppInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User-written text is data: text that looks like the references and secrets of flightplan's own
 * requests ({@code {r0}}, {@code {r1}}, {@code {secret:env X}}, {@code {secret:file P}}, forms that
 * name no secret) in every text field of the file (group and tester names, tester emails,
 * localizations, license agreement, review detail, What to Test, App Clip titles) reaches App Store
 * Connect byte for byte, through a plan, a saved plan applied later, and a direct apply, as reading
 * the sandbox back shows. No secret value goes anywhere but the demo password field: not the CI
 * token or the secret file the text names, not the demo password copied into public text.
 */
@IntegrationTest
class UserTextIsDataTest extends SandboxTest {
  private static final String CI_TOKEN = "ci-token-0f9d8e7c";
  private static final String FILE_SECRET = "file-secret-4b3a21";
  private static final String PASSWORD = "demo-pass-77aa55";

  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    return super.options().withStateFile(tmp.resolve("sandbox.json"));
  }

  /** Every text field, each with its own look-alike of a reference or a secret. */
  private static final String FILE =
      """
      version: 1
      apps:
        - bundleId: com.example.weather
          localizations:
            en-US: { description: "{secret:env CI_TOKEN}", feedbackEmail: "{r1}@example.com", tvOsPrivacyPolicy: "{secret:file secret.txt}" }
            de-DE: { description: "{secret:env DEMO_PASSWORD}", feedbackEmail: "{secret:x}@example.com", tvOsPrivacyPolicy: "Your code is {r1}" }
            fr-FR: { description: "{r0}", tvOsPrivacyPolicy: "{secret:vault kv/ci}" }
          licenseAgreement: "{secret:file secret.txt}"
          reviewDetail:
            contactFirstName: "{secret:env CI_TOKEN}"
            contactLastName: "{r1}"
            contactEmail: "{r2}@example.com"
            demoAccountRequired: true
            demoAccountName: "{secret:env DEMO_PASSWORD}"
            demoAccountPassword: { env: DEMO_PASSWORD }
            notes: "{secret:} {secret:env} {secret:env CI_TOKEN"
          groups:
            - name: QA
              internal: true
              accessToAllBuilds: true
            - name: "{r1}"
              testers: ["{r0}@example.com", "{{r1}}.{r9}@example.com"]
              builds: [{ version: "2.3", number: "44" }]
            - name: "{secret:env CI_TOKEN}"
              testers: ["{r0}@example.com"]
          testers:
            - { email: "{r0}@example.com", firstName: "{r1}", lastName: "{secret:env CI_TOKEN}" }
            - { email: "{{r1}}.{r9}@example.com", firstName: "{secret:file secret.txt}", lastName: "{{r1}} ${r0}" }
          builds:
            - version: "2.3"
              number: "44"
              whatToTest: { en-US: "{secret:env CI_TOKEN}", de-DE: "{r1}" }
              appClipInvocations:
                - url: https://appclip.example.com/forecast
                  title: { en-US: "{secret:env DEMO_PASSWORD}", de-DE: "{r1}", fr-FR: "{secret:file secret.txt}" }
                - url: https://appclip.example.com/new
                  title: { en-US: "{r0}" }
      """;

  /**
   * What App Store Connect must hold afterwards, field by field, as {@link #fields} reads it
   * (seeded groups too).
   */
  private static final List<String> EXPECTED =
      List.of(
          "group {r1}",
          "group {secret:env CI_TOKEN}",
          "group QA",
          "group Friends & Family",
          "group Old Beta",
          "tester {r0}@example.com: {r1} / {secret:env CI_TOKEN}",
          "tester {{r1}}.{r9}@example.com: {secret:file secret.txt} / {{r1}} ${r0}",
          "localization de-DE: {secret:env DEMO_PASSWORD} / {secret:x}@example.com / Your code is {r1}",
          "localization en-US: {secret:env CI_TOKEN} / {r1}@example.com / {secret:file secret.txt}",
          "localization fr-FR: {r0} / null / {secret:vault kv/ci}",
          "license: {secret:file secret.txt}",
          "review: {secret:env CI_TOKEN} / {r1} / {r2}@example.com / {secret:env DEMO_PASSWORD} / {secret:} {secret:env} {secret:env CI_TOKEN",
          "whatToTest 2.3 (44) de-DE: {r1}",
          "whatToTest 2.3 (44) en-US: {secret:env CI_TOKEN}",
          "title https://appclip.example.com/forecast de-DE: {r1}",
          "title https://appclip.example.com/forecast en-US: {secret:env DEMO_PASSWORD}",
          "title https://appclip.example.com/forecast fr-FR: {secret:file secret.txt}",
          "title https://appclip.example.com/new en-US: {r0}");

  private Path file() throws IOException {
    Files.writeString(tmp.resolve("secret.txt"), FILE_SECRET + "\n");
    return Files.writeString(tmp.resolve("testflight.yaml"), FILE);
  }

  private CliRunner runner() {
    return cli().env("CI_TOKEN", CI_TOKEN).env("DEMO_PASSWORD", PASSWORD);
  }

  @Test
  void aPlanShowsAndSavesTheTextAsWritten() throws IOException {
    // URLs too, though App Store Connect would refuse braces in a URL: the plan shows what would be
    // sent
    Path file =
        Files.writeString(
            tmp.resolve("urls.yaml"),
            FILE.replace(
                "fr-FR: { description: \"{r0}\",",
                "fr-FR: { description: \"{r0}\", marketingUrl: \"https://example.com/{r1}\","));
    Files.writeString(tmp.resolve("secret.txt"), FILE_SECRET + "\n");
    Path saved = tmp.resolve("plan.json");
    CliRunner.Result json =
        runner().run(sandbox, "plan", "-f", file.toString(), "--format", "json");
    CliRunner.Result text =
        runner().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString());
    assertThat(json.exit()).as(json.all()).isZero();
    assertThat(text.exit()).as(text.all()).isZero();
    for (String output : List.of(json.out(), Files.readString(saved))) {
      assertThat(output)
          .contains(
              "\"name\": \"{r1}\"",
              "\"firstName\": \"{r1}\"",
              "\"description\": \"{r0}\"",
              "\"marketingUrl\": \"https://example.com/{r1}\"",
              "\"notes\": \"{secret:} {secret:env} {secret:env CI_TOKEN\"",
              "\"agreementText\": \"{secret:file secret.txt}\"",
              "\"title\": \"{secret:env DEMO_PASSWORD}\"")
          .doesNotContain(CI_TOKEN, FILE_SECRET, PASSWORD);
    }
    assertThat(text.out())
        .contains("\"{secret:env CI_TOKEN}\"")
        .doesNotContain(CI_TOKEN, FILE_SECRET, PASSWORD);
    // what apply will put in, by structure: the one secret the file declares, in its field; ids
    // only in id fields
    List<String> substitutions = new ArrayList<>();
    new ObjectMapper()
        .readTree(saved.toFile())
        .path("api_calls")
        .forEach(
            c ->
                c.path("substitutions")
                    .forEach(
                        sub ->
                            substitutions.add(
                                sub.has("secret")
                                    ? sub.path("pointer").asText() + " <- " + sub.path("secret")
                                    : sub.path("pointer").asText())));
    assertThat(substitutions)
        .filteredOn(sub -> sub.contains("<-"))
        .containsExactly("/data/attributes/demoAccountPassword <- {\"env\":\"DEMO_PASSWORD\"}");
    assertThat(substitutions)
        .filteredOn(sub -> !sub.contains("<-"))
        .isNotEmpty()
        .allMatch(sub -> sub.endsWith("/id"));
  }

  @Test
  void aSavedPlanAppliedLaterSendsTheTextAsWritten() throws IOException {
    Path file = file();
    Path saved = tmp.resolve("plan.json");
    CliRunner.Result plan =
        runner().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString());
    assertThat(plan.exit()).as(plan.all()).isZero();
    CliRunner.Result apply = runner().run(sandbox, "apply", saved.toString(), "--parallelism", "4");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertSentAsWritten(file);
  }

  @Test
  void aDirectApplySendsTheTextAsWritten() throws IOException {
    Path file = file();
    CliRunner.Result apply =
        runner()
            .run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--parallelism", "4");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertSentAsWritten(file);
  }

  private void assertSentAsWritten(Path file) throws IOException {
    assertThat(fields(file)).containsExactlyInAnyOrderElementsOf(EXPECTED);
    CliRunner.Result again =
        runner().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
    // the secrets: the demo password once, in its field; the CI token and the secret file nowhere
    // what the running sandbox has persisted: its last snapshot and the journal of writes since
    String state =
        Files.readString(tmp.resolve("sandbox.json"))
            + Files.readString(tmp.resolve("sandbox.json.journal"));
    assertThat(state).doesNotContain(CI_TOKEN, FILE_SECRET);
    assertThat(state.split(PASSWORD, -1)).as("the demo password in the sandbox's state").hasSize(2);
    for (Exchange e : recorder.exchanges()) {
      String request = e.path() + e.rawQuery() + e.requestBody();
      assertThat(request).as(e.method() + " " + e.path()).doesNotContain(CI_TOKEN, FILE_SECRET);
      if (request.contains(PASSWORD)) {
        assertThat(e.method() + " " + e.path()).startsWith("PATCH /v1/betaAppReviewDetails/");
        assertThat(e.requestBody().split(PASSWORD, -1)).hasSize(2);
        assertThat(e.requestBody()).contains("\"demoAccountPassword\":\"" + PASSWORD + "\"");
      }
    }
  }

  /**
   * The text fields of the app as App Store Connect holds them, read through the client, one line
   * each.
   */
  private List<String> fields(Path file) {
    SandboxCredentials c = sandbox.credentials();
    LiveApp app;
    try (AscClient client =
        AscClient.create(
            new Credentials(c.keyId(), c.issuerId(), c.privateKeyPem()),
            ClientOptions.defaults(sandbox.baseUri()))) {
      app =
          new StateReader(client, dev.flightplan.kinds.Kinds.reads())
              .read(ConfigLoader.load(file).state().orElseThrow())
              .apps()
              .get(0);
    }
    TreeSet<String> lines = new TreeSet<>();
    app.groups().stream().map(LiveGroup::name).forEach(n -> lines.add("group " + n));
    for (LiveTester t : app.testers()) {
      if (t.email().contains("{")) {
        lines.add("tester " + t.email() + ": " + t.firstName() + " / " + t.lastName());
      }
    }
    LiveAppInfo info = LiveAppInfo.of(app);
    info.localizations()
        .forEach(
            l ->
                lines.add(
                    "localization "
                        + l.locale()
                        + ": "
                        + l.description()
                        + " / "
                        + l.feedbackEmail()
                        + " / "
                        + l.tvOsPrivacyPolicy()));
    lines.add("license: " + info.license().text());
    LiveReviewDetail r = info.reviewDetail();
    lines.add(
        "review: "
            + r.contactFirstName()
            + " / "
            + r.contactLastName()
            + " / "
            + r.contactEmail()
            + " / "
            + r.demoAccountName()
            + " / "
            + r.notes());
    for (LiveBuild b : app.builds()) {
      if (!"44".equals(b.number())) {
        continue;
      }
      b.whatToTest()
          .forEach((locale, t) -> lines.add("whatToTest 2.3 (44) " + locale + ": " + t.text()));
      for (LiveAppClip.LiveInvocation i : b.part(AppClipKind.LIVE).invocations()) {
        i.titles()
            .forEach(
                (locale, t) -> lines.add("title " + i.url() + " " + locale + ": " + t.title()));
      }
    }
    return new ArrayList<>(lines);
  }
}
