package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class SeedTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));

  @TempDir Path dir;

  @Test
  void aSeedSetsGroupFlagsAndIndividualTestersAndPublicLinkJoinersComeThroughTheAdmin()
      throws IOException {
    Path seed = dir.resolve("seed.json");
    Files.writeString(
        seed,
        """
        {"apps": [{"id": "1", "bundleId": "com.example.a", "name": "A", "sku": "A", "primaryLocale": "en-US"}],
         "groups": [{"app": "com.example.a", "name": "Beta", "publicLinkEnabled": true, "publicLinkLimitEnabled": true,
                     "publicLinkLimit": 2, "iosBuildsAvailableForAppleSiliconMac": true, "builds": ["1.0 (1)"]}],
         "testers": [{"email": "solo@example.com", "state": "INSTALLED"}],
         "builds": [{"app": "com.example.a", "version": "1.0", "number": "1", "usesNonExemptEncryption": false,
                     "reviewState": "APPROVED", "testers": ["solo@example.com"]}]}
        """);
    try (SandboxServer server =
        SandboxServer.start(SandboxOptions.defaults().withClock(clock).withSeedFile(seed))) {
      SandboxTestClient client = new SandboxTestClient(server, clock);
      JsonNode group = client.get("/v1/betaGroups").json().path("data").path(0).path("attributes");
      assertThat(group.path("iosBuildsAvailableForAppleSiliconMac").asBoolean()).isTrue();
      assertThat(group.path("iosBuildsAvailableForAppleVision").asBoolean()).isFalse();
      assertThat(client.get("/v1/betaTesters?filter%5Bapps%5D=1").ids()).hasSize(1);

      server.admin().joinThroughPublicLink("com.example.a", "Beta", null, null, null);
      server.admin().joinThroughPublicLink("com.example.a", "Beta", "Joe@example.com", "Joe", null);
      assertThatThrownBy(
              () ->
                  server
                      .admin()
                      .joinThroughPublicLink("com.example.a", "Beta", "x@example.com", null, null))
          .hasMessageContaining("full");
      List<String> joiners = new ArrayList<>();
      for (JsonNode t : client.get("/v1/betaTesters?filter%5Bapps%5D=1").json().path("data")) {
        JsonNode a = t.path("attributes");
        joiners.add(
            a.path("email").asText("-")
                + " "
                + a.path("inviteType").asText()
                + " "
                + a.path("state").asText());
      }
      assertThat(joiners)
          .containsExactlyInAnyOrder(
              "solo@example.com EMAIL INSTALLED",
              "- PUBLIC_LINK ACCEPTED",
              "Joe@example.com PUBLIC_LINK ACCEPTED");
    }
  }

  @Test
  void theDemoSeedIsExactlyTheDocumentedOne() throws IOException {
    try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withClock(clock))) {
      SandboxTestClient client = new SandboxTestClient(server, clock);
      JsonNode apps = client.get("/v1/apps?sort=bundleId").json().path("data");
      assertThat(apps).hasSize(2);
      assertThat(apps.path(1).path("id").asText()).isEqualTo("1000000001");
      assertThat(apps.path(1).path("attributes").toString())
          .isEqualTo(
              "{\"name\":\"Weather Radar\",\"bundleId\":\"com.example.weather\",\"sku\":\"WEATHER1\","
                  + "\"primaryLocale\":\"en-US\"}");
      assertThat(apps.path(0).path("id").asText()).isEqualTo("1000000002");
      assertThat(apps.path(0).path("attributes").path("name").asText()).isEqualTo("Notes Pro");

      List<String> groups = new ArrayList<>();
      for (JsonNode g :
          client
              .get("/v1/betaGroups?include=betaTesters&fields%5BbetaTesters%5D=email")
              .json()
              .path("data")) {
        JsonNode a = g.path("attributes");
        groups.add(
            a.path("name").asText()
                + " internal="
                + a.path("isInternalGroup").asBoolean()
                + " allBuilds="
                + a.path("hasAccessToAllBuilds").asBoolean()
                + " feedback="
                + a.path("feedbackEnabled").asBoolean()
                + " testers="
                + g.path("relationships")
                    .path("betaTesters")
                    .path("meta")
                    .path("paging")
                    .path("total"));
      }
      assertThat(groups)
          .containsExactly(
              "QA internal=true allBuilds=true feedback=true testers=1",
              "Friends & Family internal=false allBuilds=false feedback=false testers=2",
              "Old Beta internal=false allBuilds=false feedback=true testers=1");
      assertThat(client.get("/v1/apps/1000000002/betaGroups").ids()).isEmpty();

      List<String> testers = new ArrayList<>();
      for (JsonNode t :
          client
              .get("/v1/betaTesters?include=betaGroups&fields%5BbetaGroups%5D=name")
              .json()
              .path("data")) {
        JsonNode a = t.path("attributes");
        testers.add(
            a.path("email").asText()
                + " "
                + a.path("firstName").asText()
                + " "
                + a.path("lastName").asText()
                + " "
                + a.path("state").asText()
                + " "
                + a.path("inviteType").asText());
      }
      assertThat(testers)
          .containsExactly(
              "alice@example.com Alice Doe ACCEPTED EMAIL",
              "carol@example.com Carol Ng INSTALLED EMAIL",
              "frank@example.com Frank Li INVITED EMAIL",
              "grace@example.com Grace Kim ACCEPTED EMAIL");
    }
  }

  @Test
  void seedIdsAreStableAcrossStarts() throws IOException {
    List<String> first;
    try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withClock(clock))) {
      first = new SandboxTestClient(server, clock).get("/v1/betaGroups").ids();
    }
    try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withClock(clock))) {
      assertThat(new SandboxTestClient(server, clock).get("/v1/betaGroups").ids()).isEqualTo(first);
    }
  }

  @Test
  void loadsASeedFileIgnoringUnknownKeys() throws IOException {
    Path seed = dir.resolve("seed.json");
    Files.writeString(
        seed,
        """
        {"apps": [{"id": "42", "bundleId": "org.example.one", "name": "One", "sku": "ONE", "primaryLocale": "de-DE",
                   "futureField": true}],
         "users": [{"email": "boss@example.org", "firstName": "Bo", "lastName": "Ss"}],
         "appStoreVersions": [{"versionString": "1.0"}],
         "groups": [{"app": "org.example.one", "name": "Team", "isInternalGroup": true, "testers": ["boss@example.org"]},
                    {"id": "g-1", "app": "42", "name": "Public", "publicLinkEnabled": true, "publicLinkId": "AbCd1234",
                     "testers": ["fan@example.org", "new@example.org"]}],
         "testers": [{"id": "t-1", "email": "fan@example.org", "state": "INSTALLED"},
                     {"email": "new@example.org"}]}
        """);
    try (SandboxServer server =
        SandboxServer.start(SandboxOptions.defaults().withSeedFile(seed).withClock(clock))) {
      SandboxTestClient client = new SandboxTestClient(server, clock);
      assertThat(client.get("/v1/apps").ids()).containsExactly("42");
      JsonNode pub = client.get("/v1/betaGroups/g-1").json().path("data").path("attributes");
      assertThat(pub.path("publicLink").asText())
          .isEqualTo("https://testflight.apple.com/join/AbCd1234");
      assertThat(client.get("/v1/betaGroups/g-1/relationships/betaTesters").ids())
          .hasSize(2)
          .startsWith("t-1");
      assertThat(
              client
                  .get("/v1/betaTesters?filter%5Bemail%5D=new@example.org")
                  .json()
                  .path("data")
                  .path(0)
                  .path("attributes")
                  .path("state")
                  .asText())
          .isEqualTo("INVITED");
      JsonNode boss =
          client
              .get("/v1/betaTesters?filter%5Bemail%5D=boss@example.org")
              .json()
              .path("data")
              .path(0);
      assertThat(boss.path("attributes").path("firstName").asText()).isEqualTo("Bo");
      assertThat(boss.path("attributes").path("state").asText()).isEqualTo("NOT_INVITED");
      JsonNode fan = client.get("/v1/betaTesters/t-1").json().path("data").path("attributes");
      assertThat(fan.path("state").asText()).isEqualTo("INSTALLED");
    }
  }

  @Test
  void refusesASeedWithAnUnknownAppOrANonUserInAnInternalGroup() throws IOException {
    Path seed = dir.resolve("bad.json");
    Files.writeString(seed, "{\"apps\":[],\"groups\":[{\"app\":\"com.nowhere\",\"name\":\"X\"}]}");
    assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults().withSeedFile(seed)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("com.nowhere");
    Files.writeString(
        seed,
        "{\"apps\":[{\"id\":\"1\",\"bundleId\":\"a\",\"name\":\"A\"}],"
            + "\"groups\":[{\"app\":\"a\",\"name\":\"X\",\"isInternalGroup\":true,\"testers\":[\"t@example.com\"]}],"
            + "\"testers\":[{\"email\":\"t@example.com\"}]}");
    assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults().withSeedFile(seed)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("t@example.com");
  }
}
