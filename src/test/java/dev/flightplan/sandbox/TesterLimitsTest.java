package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apple's limits per app: 100 internal testers, 10,000 external testers (public-link joiners and
 * testers given a build count), each refused with 409 STATE_ERROR.ENTITY_STATE_INVALID saying how
 * many places are left, whichever side the tester is added from; and public link limits of 1 to
 * 10,000.
 */
@IntegrationTest
class TesterLimitsTest extends SandboxTestBase {
  @TempDir Path dir;

  /**
   * A seed with one app, an internal group of {@code internal} users, an external group of {@code
   * external} testers (the first {@code publicLink} of them joined by the public link) with an
   * approved build, and two spare users.
   */
  private void start(int internal, int external, int publicLink) throws IOException {
    List<String> users = new ArrayList<>();
    List<String> internalMembers = new ArrayList<>();
    for (int i = 0; i < internal + 2; i++) {
      users.add(
          "{\"email\":\"user"
              + i
              + "@example.com\",\"firstName\":\"U\",\"lastName\":\""
              + i
              + "\"}");
      if (i < internal) {
        internalMembers.add("\"user" + i + "@example.com\"");
      }
    }
    List<String> testers = new ArrayList<>();
    List<String> externalMembers = new ArrayList<>();
    for (int i = 0; i < external + 2; i++) {
      String invite = i < publicLink ? ",\"inviteType\":\"PUBLIC_LINK\"" : "";
      testers.add(
          "{\"email\":\"t"
              + i
              + "@example.com\",\"firstName\":\"T\",\"lastName\":\""
              + i
              + "\""
              + invite
              + "}");
      if (i < external) {
        externalMembers.add("\"t" + i + "@example.com\"");
      }
    }
    String seed =
        "{\"apps\":[{\"id\":\"1\",\"bundleId\":\"com.example.big\",\"name\":\"Big\",\"sku\":\"BIG\","
            + "\"primaryLocale\":\"en-US\"}],\"users\":["
            + String.join(",", users)
            + "],"
            + "\"groups\":[{\"app\":\"com.example.big\",\"name\":\"Staff\",\"isInternalGroup\":true,\"testers\":["
            + String.join(",", internalMembers)
            + "]},{\"app\":\"com.example.big\",\"name\":\"Public\",\"testers\":["
            + String.join(",", externalMembers)
            + "],\"builds\":[\"1.0 (1)\"]},"
            + "{\"app\":\"com.example.big\",\"name\":\"Other\"}],"
            + "\"testers\":["
            + String.join(",", testers)
            + "],"
            + "\"builds\":[{\"app\":\"com.example.big\",\"version\":\"1.0\",\"number\":\"1\",\"usesNonExemptEncryption\":false,"
            + "\"reviewState\":\"APPROVED\",\"uploadedDate\":\"2026-01-10T10:00:00Z\"}]}";
    Path file = dir.resolve("seed.json");
    Files.writeString(file, seed);
    server.close();
    server = SandboxServer.start(options().withSeedFile(file));
    client = new SandboxTestClient(server, clock);
  }

  private void refusedWithPlacesLeft(SandboxTestClient.Reply reply, String detail) {
    refused(reply, 409, "STATE_ERROR.ENTITY_STATE_INVALID", null);
    assertThat(detail(reply)).isEqualTo(detail);
  }

  @Test
  void anAppHasAtMostAHundredInternalTesters() throws IOException {
    start(99, 0, 0);
    String staff = groupId("Staff");
    String user99 = createTester("user99@example.com", staff);
    assertThat(client.get("/v1/betaGroups/" + staff + "/relationships/betaTesters?limit=200").ids())
        .hasSize(100)
        .contains(user99);
    String expected =
        "The app 'com.example.big' has 100 internal testers; App Store Connect allows at most 100 per"
            + " app, so 0 more can be added, not 1.";
    refusedWithPlacesLeft(
        client.post("/v1/betaTesters", Docs.tester("user100@example.com", staff)), expected);
    assertThat(client.get("/v1/betaTesters?filter%5Bemail%5D=user100@example.com").ids()).isEmpty();
  }

  @Test
  void publicLinkJoinersAndIndividualTestersCountTowardsTenThousandExternalTesters()
      throws IOException {
    start(0, 9_999, 5_000);
    String other = groupId("Other");
    String t9999 = testerId("t9999@example.com");
    String t10000 = testerId("t10000@example.com");
    String build = client.get("/v1/builds").ids().get(0);
    // 9,999 in the group (5,000 of them by the public link) and one given the build: 10,000
    ok(
        client.post(
            "/v1/builds/" + build + "/relationships/individualTesters",
            Docs.linkages("betaTesters", t9999)),
        204);
    String expected =
        "The app 'com.example.big' has 10000 external testers; App Store Connect allows at most 10000"
            + " per app, so 0 more can be added, not 1.";
    refusedWithPlacesLeft(
        client.post(
            "/v1/betaGroups/" + other + "/relationships/betaTesters",
            Docs.linkages("betaTesters", t10000)),
        expected);
    refusedWithPlacesLeft(
        client.post(
            "/v1/betaTesters/" + t10000 + "/relationships/betaGroups",
            Docs.linkages("betaGroups", other)),
        expected);
    refusedWithPlacesLeft(
        client.post(
            "/v1/betaTesters/" + t10000 + "/relationships/builds", Docs.linkages("builds", build)),
        expected);
    refusedWithPlacesLeft(
        client.post("/v1/betaTesters", Docs.tester("new@example.com", other)), expected);
    // a tester of the app already may join another of its groups: the count stays
    ok(
        client.post(
            "/v1/betaGroups/" + other + "/relationships/betaTesters",
            Docs.linkages("betaTesters", t9999)),
        204);
    // one leaves, one place opens
    ok(
        client.delete(
            "/v1/betaTesters/" + testerId("t0@example.com") + "/relationships/apps",
            Docs.linkages("apps", "1")),
        204);
    ok(
        client.post(
            "/v1/betaTesters/" + t10000 + "/relationships/betaGroups",
            Docs.linkages("betaGroups", other)),
        204);
  }

  @Test
  void aPublicLinkLimitIsOneToTenThousand() {
    String old = groupId("Old Beta");
    for (String limit : List.of("0", "10001")) {
      refused(
          client.patch(
              "/v1/betaGroups/" + old, Docs.groupPatch(old, "\"publicLinkLimit\":" + limit)),
          409,
          "ENTITY_ERROR.ATTRIBUTE.INVALID",
          "/data/attributes/publicLinkLimit");
    }
    ok(
        client.patch("/v1/betaGroups/" + old, Docs.groupPatch(old, "\"publicLinkLimit\":10000")),
        200);
    ok(client.patch("/v1/betaGroups/" + old, Docs.groupPatch(old, "\"publicLinkLimit\":1")), 200);
  }
}
