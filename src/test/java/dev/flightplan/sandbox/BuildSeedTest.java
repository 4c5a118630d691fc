package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builds, public links, criteria and test information of the demo seed, and the seed format for
 * them.
 */
@IntegrationTest
class BuildSeedTest extends SandboxTestBase {
  @TempDir Path dir;

  @Test
  void theDemoSeedHasTheDocumentedBuilds() {
    List<String> builds = new ArrayList<>();
    JsonNode reply =
        client
            .get(
                q(
                    "/v1/builds?sort=uploadedDate&include=preReleaseVersion,betaAppReviewSubmission,"
                        + "buildBetaDetail,betaGroups,buildBundles,betaBuildLocalizations"))
            .json();
    for (JsonNode b : reply.path("data")) {
      JsonNode a = b.path("attributes");
      JsonNode r = b.path("relationships");
      builds.add(
          a.path("version").asText()
              + " "
              + a.path("processingState").asText()
              + " expired="
              + a.path("expired").asBoolean()
              + " "
              + a.path("uploadedDate").asText()
              + " "
              + a.path("buildAudienceType").asText()
              + " encryption="
              + a.path("usesNonExemptEncryption").asText("null")
              + " review="
              + r.path("betaAppReviewSubmission").has("data")
              + " groups="
              + r.path("betaGroups").path("data").size()
              + " bundles="
              + r.path("buildBundles").path("data").size()
              + " whatsNew="
              + r.path("betaBuildLocalizations").path("data").size());
    }
    assertThat(builds)
        .containsExactly(
            "40 VALID expired=true 2026-08-01T10:00:00Z APP_STORE_ELIGIBLE encryption=false review=true groups=0 bundles=1"
                + " whatsNew=0",
            "44 VALID expired=false 2026-10-20T10:00:00Z APP_STORE_ELIGIBLE encryption=false review=true groups=2"
                + " bundles=2 whatsNew=1",
            "45 VALID expired=false 2026-11-20T10:00:00Z APP_STORE_ELIGIBLE encryption=null review=false groups=0"
                + " bundles=2 whatsNew=0",
            "46 PROCESSING expired=false 2026-11-25T10:00:00Z APP_STORE_ELIGIBLE encryption=null review=false groups=0"
                + " bundles=1 whatsNew=0");
    assertThat(
            client
                .get(q("/v1/preReleaseVersions?sort=version"))
                .json()
                .path("data")
                .findValuesAsText("version"))
        .containsExactly("2.2", "2.3");
    assertThat(
            client
                .get("/v1/builds/" + lookup.build("2.3", "45") + "/buildBetaDetail")
                .json()
                .path("data")
                .path("attributes")
                .path("autoNotifyEnabled")
                .asBoolean())
        .isFalse();
  }

  @Test
  void theDemoSeedHasTheDocumentedGroupsAndLinks() {
    JsonNode oldBeta =
        client
            .get(
                "/v1/betaGroups/"
                    + lookup.group("Old Beta")
                    + q("?include=betaRecruitmentCriteria,builds"))
            .json();
    JsonNode a = oldBeta.path("data").path("attributes");
    assertThat(a.path("publicLinkEnabled").asBoolean()).isTrue();
    assertThat(a.path("publicLinkLimitEnabled").asBoolean()).isTrue();
    assertThat(a.path("publicLinkLimit").asInt()).isEqualTo(100);
    assertThat(a.path("publicLink").asText())
        .isEqualTo("https://testflight.apple.com/join/" + a.path("publicLinkId").asText());
    assertThat(
            oldBeta
                .path("included")
                .path(0)
                .path("attributes")
                .path("deviceFamilyOsVersionFilters")
                .toString())
        .isEqualTo("[{\"deviceFamily\":\"IPHONE\",\"minimumOsInclusive\":\"16.0\"}]");
    JsonNode family =
        client.get("/v1/betaGroups/" + lookup.group("Friends & Family")).json().path("data");
    assertThat(family.path("attributes").path("publicLinkEnabled").asBoolean()).isFalse();
    assertThat(family.path("attributes").has("publicLink")).isFalse();
    assertThat(client.get("/v1/betaGroups/" + lookup.group("QA") + "/relationships/builds").ids())
        .as("a group with access to all builds lists no builds of its own")
        .isEmpty();
    assertThat(client.get("/v1/apps/" + Docs.NOTES + "/preReleaseVersions").ids()).isEmpty();
  }

  @Test
  void seededIdsAndPublicLinksAreTheSameOnEveryStart() throws IOException {
    String first = ids();
    server.close();
    server = SandboxServer.start(options());
    client = new SandboxTestClient(server, clock);
    lookup = new Lookups(client);
    assertThat(ids()).isEqualTo(first);
  }

  private String ids() {
    String b44 = lookup.build("2.3", "44");
    return client.get("/v1/builds").ids()
        + " "
        + client.get("/v1/preReleaseVersions").ids()
        + " "
        + client
            .get(q("/v1/betaGroups?fields[betaGroups]=publicLink"))
            .json()
            .findValuesAsText("publicLink")
        + " "
        + lookup.bundle(b44, "APP_CLIP")
        + " "
        + client
            .get(
                "/v1/buildBundles/"
                    + lookup.bundle(b44, "APP_CLIP")
                    + "/relationships/betaAppClipInvocations")
            .ids()
        + " "
        + client.get("/v1/betaAppLocalizations").ids()
        + " "
        + client
            .get("/v1/builds/" + b44 + "/betaAppReviewSubmission")
            .json()
            .path("data")
            .path("id")
            .asText();
  }

  @Test
  void refusesSeedsThatNameWhatIsNotThere() throws IOException {
    String app = "{\"id\":\"1\",\"bundleId\":\"a\",\"name\":\"A\"}";
    String groups =
        "[{\"app\":\"a\",\"name\":\"Team\",\"isInternalGroup\":true},{\"app\":\"a\",\"name\":\"Ext\"}]";
    assertSeedRefused(
        "{\"apps\":["
            + app
            + "],\"groups\":"
            + groups
            + ",\"builds\":[{\"app\":\"a\",\"version\":\"1\","
            + "\"number\":\"1\",\"groups\":[\"Nope\"]}]}",
        "Nope");
    assertSeedRefused(
        "{\"apps\":["
            + app
            + "],\"builds\":[{\"app\":\"a\",\"version\":\"1\",\"number\":\"1\","
            + "\"processingState\":\"DONE\"}]}",
        "DONE");
    assertSeedRefused(
        "{\"apps\":["
            + app
            + "],\"builds\":[{\"app\":\"a\",\"version\":\"1\",\"number\":\"1\","
            + "\"appClip\":{}}]}",
        "appClips");
    assertSeedRefused(
        "{\"apps\":["
            + app
            + "],\"groups\":[{\"app\":\"a\",\"name\":\"Ext\",\"criteria\":"
            + "[{\"deviceFamily\":\"IPHONE\",\"minimumOsInclusive\":\"9.0\"}]}]}",
        "9.0");
    assertSeedRefused(
        "{\"apps\":["
            + app
            + "],\"groups\":"
            + groups.replace("\"Ext\"}", "\"Ext\",\"builds\":" + "[\"1 (1)\"]}")
            + "}",
        "1 (1)");
    assertSeedRefused(
        "{\"apps\":[" + app + "],\"builds\":[{\"app\":\"b\",\"version\":\"1\",\"number\":\"1\"}]}",
        "unknown app b");
  }

  @Test
  void seedsBuildsIntoGroupsFromEitherSideWithTheDefaults() throws IOException {
    Path file = dir.resolve("seed.json");
    Files.writeString(
        file,
        """
        {"apps": [{"id": "1", "bundleId": "a", "name": "A", "appClips": [{"bundleId": "a.Clip"}]}],
         "groups": [{"app": "a", "name": "Team", "isInternalGroup": true},
                    {"app": "a", "name": "Ext", "builds": ["1.0 (7)"]}],
         "builds": [{"app": "a", "version": "1.0", "number": "7", "platform": "TV_OS",
                     "appClip": {"invocations": [{"url": "https://a.example.com", "titles": {"en-US": "A"}}]}}]}
        """);
    server.close();
    server = SandboxServer.start(options().withSeedFile(file));
    client = new SandboxTestClient(server, clock);
    JsonNode build =
        client.get(q("/v1/builds?include=betaGroups,buildBundles,preReleaseVersion")).json();
    JsonNode a = build.path("data").path(0).path("attributes");
    assertThat(a.path("processingState").asText()).isEqualTo("VALID");
    assertThat(a.path("uploadedDate").asText())
        .as("the clock's now")
        .isEqualTo("2026-01-15T10:00:00Z");
    assertThat(a.path("minOsVersion").asText()).isEqualTo("16.0");
    assertThat(build.path("included").findValuesAsText("bundleId")).containsExactly("a", "a.Clip");
    assertThat(build.path("included").findValuesAsText("platform")).containsExactly("TV_OS");
    assertThat(build.path("included").findValuesAsText("name")).containsExactly("Ext");
  }

  private void assertSeedRefused(String seed, String mentioned) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, seed);
    assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults().withSeedFile(file)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(mentioned);
  }
}
