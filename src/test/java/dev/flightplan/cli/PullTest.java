package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flightplan pull} against the sandbox: the pulled file plans with no changes for every kind
 * (on the demo seed as it is, and after the example is applied, which gives the sandbox one of
 * everything), pulling twice gives the same bytes, the demo password stays a reference, testers can
 * go to a CSV list, and an edit of the pulled file is exactly what the next plan shows.
 */
@IntegrationTest
class PullTest extends SandboxTest {
  private static final String EXAMPLE = "examples/testflight.yaml";
  private final dev.flightplan.sandbox.MutableClock clock =
      new dev.flightplan.sandbox.MutableClock(Instant.parse("2026-12-01T09:30:00Z"));

  /** The sandbox keeps the client's time: tokens are minted and checked at the same instant. */
  @Override
  protected dev.flightplan.sandbox.SandboxOptions options() {
    return dev.flightplan.sandbox.SandboxOptions.defaults().withClock(clock);
  }

  @Override
  protected CliRunner cli() {
    return super.cli().clock(clock);
  }

  @TempDir Path tmp;

  private CliRunner.Result pull(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "pull";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli().clock(clock).run(sandbox, all);
  }

  private CliRunner.Result plan(Path file, String... more) {
    String[] all = new String[4 + more.length];
    all[0] = "plan";
    all[1] = "-f";
    all[2] = file.toString();
    all[3] = "--detailed-exitcode";
    System.arraycopy(more, 0, all, 4, more.length);
    return cli().run(sandbox, all);
  }

  private void applyExample() {
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
  }

  @Test
  void theDemoSeedAsItIsPullsToAFileThatPlansWithNoChanges() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    CliRunner.Result pull = pull("-o", file.toString());
    assertThat(pull.exit()).as(pull.all()).isZero();
    assertThat(pull.out())
        .contains("Pulled com.example.notes: ")
        .contains("Pulled com.example.weather: 3 groups, 4 testers");
    assertThat(writes()).as("pull changes nothing").isZero();

    String yaml = Files.readString(file);
    assertThat(yaml)
        .startsWith(
            "# yaml-language-server: $schema=https://flightplan.dev/schema/testflight.schema.json\n")
        .contains(
            "- bundleId: com.example.notes",
            "- bundleId: com.example.weather",
            "manage: { groups: all, testers: exclusive }")
        .contains(
            "- { deviceFamily: IPHONE, minOs: \"16.0\" }", "limit: 100", "appClipInvocations: []")
        .doesNotContain(
            "PROCESSING",
            "INSTALLED",
            "ACCEPTED",
            "APPROVED",
            "uploadedDate",
            "T10:00:00Z",
            "2.2",
            "testflight.apple.com/join",
            "1000000001");

    CliRunner.Result plan = plan(file);
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.out()).contains("No changes.");
    CliRunner.Result prune = plan(file, "--prune");
    assertThat(prune.exit())
        .as("the file describes everything: even --prune finds nothing to delete\n" + prune.all())
        .isZero();
  }

  @Test
  void everyKindRoundTripsOnceTheSandboxHasOneOfEachAndThePasswordIsAReference()
      throws IOException {
    applyExample();
    Path file = tmp.resolve("testflight.yaml");
    CliRunner.Result pull = pull("--app", "com.example.weather", "-o", file.toString());
    assertThat(pull.exit()).as(pull.all()).isZero();
    String yaml = Files.readString(file);
    assertThat(yaml)
        .contains("localizations:\n      de-DE:\n", "privacyPolicyUrl: https://example.com/privacy")
        .contains("licenseAgreement: By testing Weather Radar")
        .contains("contactPhone: \"+1 555 0100\"", "demoAccountName: demo@example.com")
        .contains("# demoAccountPassword: { env: DEMO_ACCOUNT_PASSWORD }")
        .contains(
            "- name: Public Beta",
            "appleSiliconMac: true",
            "limit: 500",
            "- { deviceFamily: IPHONE, minOs: \"17.0\" }")
        .contains("- name: QA\n        internal: true\n        accessToAllBuilds: true")
        .contains("builds: [{ version: \"2.3\", number: \"44\" }]")
        .contains(
            "- { email: carol@example.com, firstName: Carol, lastName: Ng, groups: [Friends & Family, Public Beta], "
                + "builds: [{ version: \"2.3\", number: \"44\" }] }")
        .contains(
            "whatToTest:\n          de-DE: Neue Radaransicht\n          en-US: New radar view")
        .contains("autoNotify: true", "usesNonExemptEncryption: false")
        .contains(
            "- url: https://appclip.example.com/order?size=large\n            title:\n              en-US: Order coffee")
        .doesNotContain(
            "not-a-real-password-7Kq",
            "submitForReview",
            "com.example.notes",
            "WAITING_FOR_REVIEW",
            "IN_REVIEW");

    CliRunner.Result plan = plan(file);
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.out()).contains("No changes.");
    assertThat(plan(file, "--prune").exit()).isZero();

    // the demo password is a reference to fill in: once uncommented, it plans cleanly with the
    // right value
    Files.writeString(
        file, yaml.replace("# demoAccountPassword: { env", "demoAccountPassword: { env"));
    CliRunner.Result unset = plan(file);
    assertThat(unset.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(unset.err()).contains("the environment variable DEMO_ACCOUNT_PASSWORD is not set");
    CliRunner.Result same =
        cli()
            .env("DEMO_ACCOUNT_PASSWORD", "not-a-real-password-7Kq")
            .run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(same.exit()).as(same.all()).isZero();
    CliRunner.Result other =
        cli()
            .env("DEMO_ACCOUNT_PASSWORD", "another")
            .run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(other.exit()).isEqualTo(ExitCodes.CHANGES);
    assertThat(other.out())
        .contains("~ demoAccountPassword = (sensitive value changed)")
        .doesNotContain("another");
  }

  @Test
  void pullingTwiceGivesTheSameBytesAndSaysWhereFrom() throws IOException {
    applyExample();
    Path first = tmp.resolve("first.yaml");
    Path second = tmp.resolve("second.yaml");
    assertThat(pull("-o", first.toString()).exit()).isZero();
    // a minute and a half later: the file has no time in it, so the bytes are the same
    clock.advance(java.time.Duration.ofSeconds(90));
    assertThat(pull("-o", second.toString()).exit()).isZero();
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));

    CliRunner.Result stdout = pull();
    assertThat(stdout.exit()).as(stdout.all()).isZero();
    assertThat(stdout.out()).isEqualTo(Files.readString(first));
    assertThat(stdout.err()).contains("Wrote the file to standard output");

    String header = Files.readString(first).lines().limit(3).reduce("", (a, b) -> a + b + "\n");
    assertThat(header)
        .contains("Pulled by `flightplan pull` from " + sandbox.baseUri() + ".")
        .doesNotContain("2026");
    String key = sandbox.credentials().keyId();
    assertThat(Files.readString(first))
        .doesNotContain(key)
        .doesNotContain(sandbox.credentials().issuerId())
        .doesNotContain("PRIVATE KEY");
  }

  @Test
  void anEditOfThePulledFileIsExactlyWhatTheNextPlanShows() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    assertThat(pull("--app", "com.example.weather", "-o", file.toString()).exit()).isZero();
    String pulled = Files.readString(file);
    String edited =
        pulled
            .replace(
                "- name: Friends & Family\n        feedback: false",
                "- name: Friends & Family\n        feedback: true")
            .replace(
                "- { email: grace@example.com, firstName: Grace, lastName: Kim, groups: [Old Beta] }",
                "- { email: grace@example.com, firstName: Grace, lastName: Kim, groups: [Friends & Family, Old Beta] }");
    assertThat(edited).isNotEqualTo(pulled);
    Files.writeString(file, edited);

    CliRunner.Result plan = plan(file);
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out())
        .contains(
            "~ group \"Friends & Family\"", "~ feedback = false -> true", "+ \"grace@example.com\"")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(plan(file).exit()).isZero();
  }

  @Test
  void testersCanGoToACsvListBesideTheFile() throws IOException {
    applyExample();
    Path file = tmp.resolve("testflight.yaml");
    Path csv = tmp.resolve("lists").resolve("testers.csv");
    CliRunner.Result pull =
        pull(
            "--app", "com.example.weather", "-o", file.toString(), "--testers-csv", csv.toString());
    assertThat(pull.exit()).as(pull.all()).isZero();
    assertThat(pull.out()).contains("Wrote " + file + ", " + csv + ".");
    assertThat(Files.readString(csv))
        .isEqualTo(
            """
        email,first_name,last_name,groups
        alice@example.com,Alice,Doe,QA
        bob@example.com,Bob,Roe,QA
        dave@example.com,Dave,Ito,Friends & Family;Public Beta
        frank@example.com,Frank,Li,
        grace@example.com,Grace,Kim,Old Beta
        """);
    String yaml = Files.readString(file);
    assertThat(yaml)
        .contains("    testers:\n      - file: lists/testers.csv   # 5 tester(s)\n")
        .contains(
            "- { email: carol@example.com, firstName: Carol, lastName: Ng, groups: [Friends & Family, Public Beta], builds: [")
        .doesNotContain("alice@example.com");
    CliRunner.Result plan = plan(file);
    assertThat(plan.exit()).as(plan.all()).isZero();

    Files.writeString(csv, Files.readString(csv) + "nina@example.com,Nina,Park,Public Beta\n");
    CliRunner.Result edited = plan(file);
    assertThat(edited.exit()).as(edited.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(edited.out()).contains("+ tester \"nina@example.com\"");
  }

  @Test
  void aPulledCsvListIsSafeToOpenInASpreadsheetAndPlansWithNoChanges() throws IOException {
    Path start = tmp.resolve("start.yaml");
    Files.writeString(
        start,
        """
        version: 1
        apps:
          - bundleId: com.example.weather
            groups:
              - name: "-dev"
              - name: "@team"
            testers:
              - { email: "-minus@example.com", firstName: "=HYPERLINK(\\"https://evil.example\\")", lastName: "+1", groups: ["-dev"] }
              - { email: at@example.com, firstName: "@home", lastName: "'-quoted", groups: ["@team", "-dev"] }
              - { email: plain@example.com, firstName: "O'Brien", lastName: "-", groups: ["@team"] }
        """);
    CliRunner.Result applied =
        cli().run(sandbox, "apply", "-f", start.toString(), "--auto-approve");
    assertThat(applied.exit()).as(applied.all()).isZero();

    Path file = tmp.resolve("testflight.yaml");
    Path csv = tmp.resolve("testers.csv");
    CliRunner.Result pull =
        pull(
            "--app", "com.example.weather", "-o", file.toString(), "--testers-csv", csv.toString());
    assertThat(pull.exit()).as(pull.all()).isZero();
    assertThat(Files.readString(csv))
        .contains(
            "\n'-minus@example.com,\"'=HYPERLINK(\"\"https://evil.example\"\")\",'+1,'-dev\n",
            "\nat@example.com,'@home,''-quoted,'-dev;@team\n",
            "\nplain@example.com,O'Brien,'-,'@team\n");
    for (String row : Files.readAllLines(csv)) {
      for (String cell : row.split(",")) {
        assertThat(cell)
            .as(row)
            .doesNotStartWith("=")
            .doesNotStartWith("+")
            .doesNotStartWith("-")
            .doesNotStartWith("@");
      }
    }
    CliRunner.Result plan = plan(file);
    assertThat(plan.exit()).as("the names come back as they are\n" + plan.all()).isZero();
    assertThat(plan.out()).contains("No changes.");
  }

  @Test
  void aSavedPlanKnowsWhenItsCsvListChanged() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Path csv = tmp.resolve("testers.csv");
    assertThat(
            pull(
                    "--app",
                    "com.example.weather",
                    "-o",
                    file.toString(),
                    "--testers-csv",
                    csv.toString())
                .exit())
        .isZero();
    Files.writeString(csv, Files.readString(csv) + "nina@example.com,Nina,Park,Friends & Family\n");
    Path saved = tmp.resolve("plan.json");
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString()).exit())
        .isZero();

    String planned = Files.readString(csv);
    Files.writeString(csv, planned + "omar@example.com,Omar,Haddad,Friends & Family\n");
    CliRunner.Result apply = cli().run(sandbox, "apply", saved.toString());
    assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(apply.out()).contains("Apply complete!");
    assertThat(apply.err())
        .contains(
            "error: not verified: "
                + file
                + " (or a file it includes) changed, or is gone, since the plan"
                + " was made");
    Files.writeString(csv, planned);
    assertThat(plan(file).exit()).as("the list as planned is applied").isZero();
  }

  @Test
  void aTwoAppFileEndToEndWithPullAndPlanAndApplyScopedByApp() throws IOException {
    Path start = TwoApps.write(tmp.resolve("start.yaml"));
    CliRunner.Result applied =
        cli().run(sandbox, "apply", "-f", start.toString(), "--auto-approve");
    assertThat(applied.exit()).as(applied.all()).isZero();

    Path notesOnly = tmp.resolve("notes.yaml");
    assertThat(pull("--app", "com.example.notes", "-o", notesOnly.toString()).exit()).isZero();
    assertThat(Files.readString(notesOnly))
        .contains("- bundleId: com.example.notes")
        .doesNotContain("com.example.weather")
        .contains("- { email: nina@example.com, groups: [Notes Beta] }");
    assertThat(plan(notesOnly).exit()).isZero();

    Path both = tmp.resolve("testflight.yaml");
    CliRunner.Result pull =
        pull("--app", "com.example.weather", "--app", "com.example.notes", "-o", both.toString());
    assertThat(pull.exit()).as(pull.all()).isZero();
    String yaml = Files.readString(both);
    assertThat(yaml.indexOf("- bundleId: com.example.notes"))
        .as("apps sorted by bundle id")
        .isLessThan(yaml.indexOf("- bundleId: com.example.weather"));
    assertThat(plan(both).exit()).isZero();

    Files.writeString(
        both,
        yaml.replace(
            "- { email: nina@example.com, groups: [Notes Beta] }",
            "- { email: nina@example.com, groups: [Notes Beta] }\n      - { email: omar@example.com, groups: [Notes Beta] }"));
    assertThat(plan(both, "--app", "com.example.weather").exit())
        .as("the edit is in the other app")
        .isZero();
    CliRunner.Result notes = plan(both, "--app", "com.example.notes");
    assertThat(notes.exit()).isEqualTo(ExitCodes.CHANGES);
    assertThat(notes.out())
        .contains("+ tester \"omar@example.com\"")
        .doesNotContain("com.example.weather");
    CliRunner.Result apply =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                both.toString(),
                "--app",
                "com.example.notes",
                "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(plan(both).exit()).isZero();
  }

  @Test
  void anAppThatIsNotThereIsAnErrorAndNothingIsWritten() {
    Path file = tmp.resolve("testflight.yaml");
    CliRunner.Result pull = pull("--app", "com.example.missing", "-o", file.toString());
    assertThat(pull.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(pull.err())
        .contains(
            "app \"com.example.missing\" was not found in App Store Connect; nothing was written");
    assertThat(file).doesNotExist();
  }
}
