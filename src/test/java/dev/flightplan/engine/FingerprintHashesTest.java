package dev.flightplan.engine;

import static dev.flightplan.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.kinds.appclip.AppClipKind;
import dev.flightplan.kinds.appclip.LiveAppClip;
import dev.flightplan.state.Fingerprints;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveParts;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.TesterActivity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hashes of saved plans stay those of earlier releases: a plan saved by one version applies
 * with the next only if both fingerprint every live object the same way. Pinned for objects with
 * every field set (nulls, sets in an order that is not their sorted one, texts that sort
 * differently as JSON than as strings, copies held twice).
 */
class FingerprintHashesTest {
  private static final LiveGroup GROUP =
      new LiveGroup(
          "g1",
          "Friends \"and\" family",
          false,
          true,
          true,
          true,
          true,
          25,
          "https://testflight.apple.com/join/abc",
          true,
          false,
          new LiveGroup.LiveCriteria(
              "c1",
              List.of(
                  new LiveGroup.Filter("IPHONE", "17.0", null),
                  new LiveGroup.Filter("IPAD", null, "18.2"))),
          "2026-11-01T10:00:00Z");
  private static final LiveGroup PLAIN = new LiveGroup("g2", "QA", true, false, false, false);
  private static final LiveTester TESTER =
      new LiveTester(
          "t1",
          "alice@example.com",
          "Alice",
          null,
          "EMAIL",
          "INVITED",
          Set.of("g1 x", "g1", "g2", "é"));
  private static final LiveTester ANONYMOUS =
      new LiveTester("t2", null, null, null, "PUBLIC_LINK", "INSTALLED", Set.of());
  private static final LiveBuild BUILD =
      new LiveBuild(
          "b1",
          "IOS",
          "2.3",
          "45",
          "VALID",
          false,
          "2026-11-02T10:00:00Z",
          "APP_STORE_ELIGIBLE",
          null,
          "APPROVED",
          Set.of("g2", "g1"),
          Set.of("t1"),
          new LiveBuild.LiveBetaDetail("d1", true),
          Map.of("en-US", new LiveBuild.LiveText("w1", "Try it")),
          List.of(new LiveBuild.LiveCopy("en-US", "w2", null)),
          LiveParts.NOT_READ.with(
              AppClipKind.LIVE,
              new LiveAppClip(
                  "clip1",
                  List.of(
                      new LiveAppClip.LiveInvocation(
                          "i1",
                          "https://clip.example.com/a",
                          Map.of(
                              "en-US",
                              new LiveAppClip.LiveTitle("l1", "Order"),
                              "fr-FR",
                              new LiveAppClip.LiveTitle("l2", "Commander")),
                          List.of(new LiveBuild.LiveCopy("en-US", "l3", "Order again")))))));
  private static final LiveBuild BARE = build("b2", "2.4", "46", 3);
  private static final TesterActivity ACTIVITY =
      new TesterActivity("t1", 3, 1, 0, "2026-08-01", "2026-11-01");

  @Test
  void hashesAreThoseOfEarlierReleases() {
    LiveApp app =
        new LiveApp(
            "100",
            APP,
            "App",
            List.of(GROUP, PLAIN),
            List.of(TESTER, ANONYMOUS),
            List.of(BUILD, BARE),
            null,
            List.of(ACTIVITY));
    assertThat(Fingerprints.of(new LiveState(List.of(app), List.of())))
        .containsExactlyEntriesOf(PINNED);
  }

  /**
   * A tester App Store Connect's usage metrics leave out had no usage: his entry is that of an item
   * of zeros, whatever period it covered, so that a saved plan relying on it and his first session
   * since tell apart.
   */
  @Test
  void aTesterWithoutUsageItemHasTheEntryOfZeroUsage() {
    Map.Entry<String, String> none = Fingerprints.noActivity(APP, "t9");
    assertThat(usage(new TesterActivity("t9", 0, 0, 0, "2026-08-01", "2026-11-01")))
        .containsEntry(none.getKey(), none.getValue());
    assertThat(usage(new TesterActivity("t9", 1, 0, 0, null, null)).get(none.getKey()))
        .isNotEqualTo(none.getValue());
  }

  private static Map<String, String> usage(TesterActivity activity) {
    LiveApp app =
        new LiveApp("100", APP, "App", List.of(), List.of(), List.of(), null, List.of(activity));
    return Fingerprints.of(new LiveState(List.of(app), List.of()));
  }

  private static final Map<String, String> PINNED =
      new java.util.TreeMap<>(
          Map.of(
              "com.example.app/activity[\"t1\"]",
                  "c0ce4ab11a8375da3b804aa1c983fa3e21975c16184f46335a1052e3a32d1594",
              "com.example.app/app[\"com.example.app\"]",
                  "a5024736fa514faffc132b9e02178693a4afe21cbddfcabe3ced7f6f5bfc4781",
              "com.example.app/build[\"2.3 (45)\"]",
                  "dc5c1b9ff67634cfcbe216ce1e246b9610ceb2e15dc7a98ea2b856f2403c8741",
              "com.example.app/build[\"2.4 (46)\"]",
                  "44fac8722511dd2cc432ef7fc0c2a0bd5575073f989eae7500abd2b0c7d81078",
              "com.example.app/group[\"Friends \"and\" family\"]",
                  "e8a0a7b14fb7b1ed4f98ac19accb1ff0922e8ac6e4c0158d1f09484867a89e30",
              "com.example.app/group[\"QA\"]",
                  "bbeb2c18eb9b24ba9c58007046b87179684835bc04892e681706b769bfda4e82",
              "com.example.app/tester[\"alice@example.com\"]",
                  "9a937c61f745f9f4f61316f995763967ead0ebd2c15826546d09057b911deb1c",
              "com.example.app/tester[\"t2\"]",
                  "285556d555763302c813f73bcfad6e4b8dc03f0b23f9ebab1f62403fce5a6b3a"));
}
