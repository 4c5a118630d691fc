package dev.flightplan.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.TesterSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.kinds.appclip.AppClipKind;
import dev.flightplan.kinds.appclip.LiveAppClip;
import dev.flightplan.kinds.license.LiveLicense;
import dev.flightplan.kinds.localization.LiveLocalization;
import dev.flightplan.kinds.reviewdetail.LiveReviewDetail;
import dev.flightplan.render.Golden;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveParts;
import dev.flightplan.state.LiveTester;
import dev.flightplan.testing.LiveAppInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file {@code pull} writes, from live states built by hand with every kind and the awkward
 * values (names YAML would read as booleans or numbers, versions 2.9 and 2.10, multi-line texts,
 * values the file cannot hold): golden files, loading back as exactly what was pulled, and the same
 * bytes whatever order the API answered in.
 */
class PullWriterTest {
  static final YamlWriter.Header HEADER =
      new YamlWriter.Header("https://api.appstoreconnect.apple.com");

  @TempDir Path dir;

  static LiveApp weather(boolean shuffled) {
    List<LiveGroup> groups =
        new ArrayList<>(
            List.of(
                new LiveGroup(
                    "g1", "QA", true, true, true, false, false, null, null, false, false, null),
                new LiveGroup(
                    "g2", "yes", false, false, false, false, false, null, null, false, true, null),
                new LiveGroup(
                    "g3", "2.10", true, false, true, false, false, null, null, false, false, null),
                new LiveGroup(
                    "g4",
                    "Beta: Phase 2",
                    false,
                    false,
                    true,
                    true,
                    true,
                    500,
                    "https://testflight.apple.com/join/AbCd1234",
                    true,
                    false,
                    new LiveGroup.LiveCriteria(
                        "c1",
                        List.of(
                            new LiveGroup.Filter("IPAD", "16.0", "18.2"),
                            new LiveGroup.Filter("IPHONE", "17.0", null)))),
                new LiveGroup(
                    "g5",
                    "Friends & Family",
                    false,
                    false,
                    false,
                    false,
                    true,
                    20,
                    null,
                    false,
                    false,
                    null)));
    List<LiveTester> testers =
        new ArrayList<>(
            List.of(
                new LiveTester(
                    "t1",
                    "alice@example.com",
                    "Alice",
                    "Doe",
                    "EMAIL",
                    "ACCEPTED",
                    Set.of("g1", "g3")),
                new LiveTester(
                    "t2", "no@example.com", "No", "O'Brien", "EMAIL", "INVITED", Set.of("g2")),
                new LiveTester(
                    "t3",
                    "lee@example.com",
                    "123",
                    "Lee, Jr.",
                    "EMAIL",
                    "INSTALLED",
                    Set.of("g4", "g5", "g2")),
                new LiveTester(
                    "t4", "carol@example.com", "Carol", null, "EMAIL", "INSTALLED", Set.of()),
                new LiveTester(
                    "t5",
                    "joiner@example.com",
                    "Jo",
                    "Iner",
                    "PUBLIC_LINK",
                    "INSTALLED",
                    Set.of("g4")),
                new LiveTester("t6", null, null, null, "PUBLIC_LINK", "INSTALLED", Set.of("g4"))));
    LiveAppClip.LiveInvocation invocation =
        new LiveAppClip.LiveInvocation(
            "i1",
            "https://appclip.example.com/order?size=large",
            Map.of(
                "en-US",
                new LiveAppClip.LiveTitle("l1", "Order: \"large\" coffee"),
                "de-DE",
                new LiveAppClip.LiveTitle("l2", "Kaffee bestellen")));
    List<LiveBuild> builds =
        new ArrayList<>(
            List.of(
                build(
                    "b1",
                    "IOS",
                    "2.9",
                    "10",
                    false,
                    Set.of("g2", "g4"),
                    Set.of("t4"),
                    null,
                    null,
                    new LiveBuild.LiveBetaDetail("d1", true),
                    Map.of("en-US", new LiveBuild.LiveText("w1", "Line one\nLine two: details"))),
                build(
                    "b2",
                    "IOS",
                    "2.10",
                    "3",
                    false,
                    Set.of("g3"),
                    Set.of(),
                    "clip",
                    List.of(invocation),
                    new LiveBuild.LiveBetaDetail("d2", false),
                    Map.of(
                        "en-US",
                        new LiveBuild.LiveText("w2", "yes"),
                        "no",
                        new LiveBuild.LiveText("w3", "Nye kart"))),
                build(
                    "b3",
                    "IOS",
                    "2.8",
                    "7",
                    true,
                    Set.of("g2"),
                    Set.of("t4"),
                    null,
                    null,
                    new LiveBuild.LiveBetaDetail("d3", true),
                    Map.of()),
                build(
                    "b4",
                    "MAC_OS",
                    "1.0",
                    "1",
                    false,
                    Set.of(),
                    Set.of(),
                    "clip2",
                    List.of(),
                    new LiveBuild.LiveBetaDetail("d4", false),
                    Map.of())));
    List<LiveLocalization> localizations =
        new ArrayList<>(
            List.of(
                new LiveLocalization(
                    "a1", "en-US", "Yes", "beta@example.com", "https://example.com", null, null),
                new LiveLocalization("a2", "no", "Værradar", null, null, null, null),
                new LiveLocalization("a3", "de-DE", null, "not an email", null, null, null)));
    if (shuffled) {
      Random random = new Random(7);
      Collections.shuffle(groups, random);
      Collections.shuffle(testers, random);
      Collections.shuffle(builds, random);
      Collections.shuffle(localizations, random);
    }
    LiveAppInfo info =
        new LiveAppInfo(
            localizations,
            new LiveLicense(
                "lic", "By testing you agree:\n\n  1. not to share it\n  2. to report bugs"),
            new LiveReviewDetail(
                "r1",
                "qa@example.com",
                "Jo",
                "Lee",
                "ext. 12",
                true,
                "demo",
                "s3cret-Value",
                "Use the demo account."));
    return new LiveApp(
        "1", "com.example.weather", "Weather Radar", groups, testers, builds, info.parts());
  }

  static LiveApp notes() {
    return new LiveApp(
        "2",
        "com.example.notes",
        "Notes Pro",
        List.of(),
        List.of(),
        List.of(),
        new LiveAppInfo(
                List.of(),
                null,
                new LiveReviewDetail("r2", null, null, null, null, false, null, null, null))
            .parts());
  }

  private static LiveBuild build(
      String id,
      String platform,
      String version,
      String number,
      boolean expired,
      Set<String> groups,
      Set<String> testers,
      String clip,
      List<LiveAppClip.LiveInvocation> invocations,
      LiveBuild.LiveBetaDetail detail,
      Map<String, LiveBuild.LiveText> whatToTest) {
    return new LiveBuild(
        id,
        platform,
        version,
        number,
        "VALID",
        expired,
        "2026-11-0" + number.length() + "T10:00:00Z",
        "APP_STORE_ELIGIBLE",
        "b1".equals(id) ? Boolean.FALSE : null,
        "APPROVED",
        groups,
        testers,
        detail,
        whatToTest,
        LiveParts.NOT_READ.with(
            AppClipKind.LIVE, clip == null ? null : new LiveAppClip(clip, invocations)));
  }

  static List<PulledApp> pulled(boolean shuffled) {
    return List.of(LiveToDesired.convert(weather(shuffled), 2), LiveToDesired.convert(notes(), 2));
  }

  @Test
  void writesEveryKindInItsNormalForm() {
    String yaml = YamlWriter.write(HEADER, pulled(false));
    Golden.check("pull/two-apps.yaml", yaml);
    assertThat(yaml)
        .doesNotContain("s3cret-Value")
        .doesNotContain("AbCd1234")
        .doesNotContain("2.8")
        .doesNotContain("joiner@");
  }

  @Test
  void testersNeverInvitedInInternalGroupsOnlyTurnOnAddOffAndNoOtherTesterDoes() {
    List<LiveGroup> groups =
        List.of(
            new LiveGroup(
                "g1", "QA", true, true, true, false, false, null, null, false, false, null),
            new LiveGroup(
                "g2", "Beta", false, false, false, false, false, null, null, false, false, null));
    LiveTester external =
        new LiveTester("t1", "ext@example.com", null, null, "EMAIL", "NOT_INVITED", Set.of("g2"));
    LiveTester both =
        new LiveTester(
            "t2", "both@example.com", null, null, "EMAIL", "NOT_INVITED", Set.of("g1", "g2"));
    LiveTester invited =
        new LiveTester("t3", "inv@example.com", null, null, "EMAIL", "INVITED", Set.of("g1"));
    LiveTester internal =
        new LiveTester("t4", "int@example.com", null, null, "EMAIL", "NOT_INVITED", Set.of("g1"));
    String without =
        YamlWriter.write(
            HEADER,
            List.of(
                LiveToDesired.convert(
                    new LiveApp(
                        "1",
                        "com.example.weather",
                        "W",
                        groups,
                        List.of(external, both, invited),
                        List.of()),
                    1)));
    assertThat(without).doesNotContain("invitations");
    PulledApp pulled =
        LiveToDesired.convert(
            new LiveApp(
                "1",
                "com.example.weather",
                "W",
                groups,
                List.of(external, both, invited, internal),
                List.of()),
            1);
    String yaml = YamlWriter.write(HEADER, List.of(pulled));
    assertThat(yaml)
        .contains(
            """
            # 1 tester(s) in internal groups only were never invited (App Store Connect
            # emails them once a build is available to them). With onAdd: true, the default, the next apply
            # invites them, as it invites testers it adds to internal groups only; this file sends no email.
            invitations: { onAdd: false }
        """);
    Pulled p =
        new Pulled(
            yaml, Map.of(), List.of(pulled), Diagnostics.empty(), "t.yaml", yaml, HEADER.source());
    assertThat(Puller.check(p).items()).extracting(Diagnostic::format).isEmpty();
  }

  @Test
  void theSameStateInAnyOrderGivesTheSameBytes() {
    assertThat(YamlWriter.write(HEADER, pulled(true)))
        .isEqualTo(YamlWriter.write(HEADER, pulled(false)));
    List<PulledApp> reversed = new ArrayList<>(pulled(false));
    Collections.reverse(reversed);
    assertThat(YamlWriter.write(HEADER, reversed))
        .isEqualTo(YamlWriter.write(HEADER, pulled(false)));
  }

  @Test
  void theWrittenFileLoadsBackAsExactlyWhatWasPulled() {
    String yaml = YamlWriter.write(HEADER, pulled(false));
    Pulled p =
        new Pulled(
            yaml,
            Map.of(),
            pulled(false),
            Diagnostics.empty(),
            dir.resolve("testflight.yaml").toString(),
            yaml,
            HEADER.source());
    assertThat(Puller.check(p).items()).extracting(Diagnostic::format).isEmpty();
  }

  @Test
  void aChangedValueIsCaughtByTheCheck() {
    String yaml = YamlWriter.write(HEADER, pulled(false));
    String edited = yaml.replace("firstName: \"123\"", "firstName: \"124\"");
    assertThat(edited).isNotEqualTo(yaml);
    Pulled p =
        new Pulled(
            edited, Map.of(), pulled(false), Diagnostics.empty(), "t.yaml", yaml, HEADER.source());
    assertThat(Puller.check(p).errors())
        .singleElement()
        .extracting(Diagnostic::summary)
        .asString()
        .contains("does not read back");
  }

  @Test
  void testersGoToACsvListBesideTheYaml() throws IOException {
    List<PulledApp> apps = new ArrayList<>();
    for (PulledApp app : pulled(false)) {
      List<TesterSpec> rows = app.spec().testers().stream().filter(TesterCsvWriter::fits).toList();
      String file = "testers-" + app.spec().bundleId() + ".csv";
      Files.writeString(dir.resolve(file), TesterCsvWriter.write(rows));
      if (app.spec().bundleId().equals("com.example.weather")) {
        Golden.check("pull/testers.csv", TesterCsvWriter.write(rows));
      }
      apps.add(app.withTestersFile(file, rows));
    }
    String yaml = YamlWriter.write(HEADER, apps);
    Golden.check("pull/with-csv.yaml", yaml);
    Pulled p =
        new Pulled(
            yaml,
            Map.of(),
            pulled(false),
            Diagnostics.empty(),
            dir.resolve("testflight.yaml").toString(),
            YamlWriter.write(HEADER, pulled(false)),
            HEADER.source());
    assertThat(Puller.check(p).items()).extracting(Diagnostic::format).isEmpty();
  }

  @Test
  void namesOfEachAppsCsvFile() {
    assertThat(Puller.csvFor(Path.of("ci/testers.csv"), "com.example.weather", 1))
        .isEqualTo(Path.of("ci/testers.csv"));
    assertThat(Puller.csvFor(Path.of("ci/testers.csv"), "com.example.weather", 2))
        .isEqualTo(Path.of("ci/testers-com.example.weather.csv"));
    assertThat(Puller.csvFor(Path.of("testers"), "com.x", 2)).isEqualTo(Path.of("testers-com.x"));
  }

  @Test
  void versionsAreOrderedNumberByNumber() {
    List<String> versions = new ArrayList<>(List.of("2.10", "2.9", "10", "2.9.1", "1.0", "2"));
    versions.sort(LiveToDesired::compareVersions);
    assertThat(versions).containsExactly("1.0", "2", "2.9", "2.9.1", "2.10", "10");
  }
}
