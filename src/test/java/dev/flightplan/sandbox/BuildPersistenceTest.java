package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds and test information survive a restart; a state file from before builds still loads. */
@IntegrationTest
class BuildPersistenceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

  @TempDir Path dir;

  private SandboxOptions options(Path stateFile) {
    return SandboxOptions.defaults().withStateFile(stateFile).withClock(clock);
  }

  @Test
  void keepsEveryChangeAcrossARestart() throws IOException {
    Path stateFile = dir.resolve("sandbox.json");
    String b45;
    String group;
    try (SandboxServer server = SandboxServer.start(options(stateFile))) {
      SandboxTestClient client = new SandboxTestClient(server, clock);
      Lookups lookup = new Lookups(client);
      b45 = lookup.build("2.3", "45");
      String b44 = lookup.build("2.3", "44");
      group =
          client
              .post("/v1/betaGroups", Docs.groupWithBuilds(Docs.WEATHER, "Kept", "", b44))
              .json()
              .path("data")
              .path("id")
              .asText();
      client.post(
          "/v1/betaRecruitmentCriteria",
          Docs.create(
              "betaRecruitmentCriteria",
              "\"deviceFamilyOsVersionFilters\":[{\"deviceFamily\":\"IPAD\"}]",
              Docs.toOne("betaGroup", "betaGroups", group)));
      client.patch(
          "/v1/builds/" + b45, Docs.update("builds", b45, "\"usesNonExemptEncryption\":false"));
      client.patch(
          "/v1/buildBetaDetails/" + b45,
          Docs.update("buildBetaDetails", b45, "\"autoNotifyEnabled\":true"));
      client.post(
          "/v1/betaBuildLocalizations",
          Docs.create(
              "betaBuildLocalizations",
              "\"locale\":\"en-US\",\"whatsNew\":\"Kept\"",
              Docs.toOne("build", "builds", b45)));
      client.post(
          "/v1/betaAppLocalizations",
          Docs.create(
              "betaAppLocalizations",
              "\"locale\":\"de-DE\",\"description\":\"Behalten\"",
              Docs.toOne("app", "apps", Docs.WEATHER)));
      client.patch(
          "/v1/betaLicenseAgreements/" + Docs.WEATHER,
          Docs.update("betaLicenseAgreements", Docs.WEATHER, "\"agreementText\":\"Kept text.\""));
      client.patch(
          "/v1/betaAppReviewDetails/" + Docs.WEATHER,
          Docs.update("betaAppReviewDetails", Docs.WEATHER, "\"contactPhone\":\"+1 555 0100\""));
      String clip = lookup.bundle(b45, "APP_CLIP");
      client.post(
          "/v1/betaAppClipInvocations",
          "{\"data\":{\"type\":\"betaAppClipInvocations\",\"attributes\":"
              + "{\"url\":\"https://appclip.example.com/kept\"},\"relationships\":{"
              + Docs.toOne("buildBundle", "buildBundles", clip)
              + ","
              + Docs.toMany(
                  "betaAppClipInvocationLocalizations", "betaAppClipInvocationLocalizations", "t")
              + "}},\"included\":[{\"type\":"
              + "\"betaAppClipInvocationLocalizations\",\"id\":\"t\",\"attributes\":{\"locale\":\"en-US\",\"title\":\"Kept\"}}]}");
      SandboxTestClient.Reply submitted =
          client.post(
              "/v1/betaAppReviewSubmissions",
              Docs.create("betaAppReviewSubmissions", "", Docs.toOne("build", "builds", b45)));
      assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    }
    assertThat(Files.readString(stateFile)).contains("\"format\" : 2");
    try (SandboxServer server = SandboxServer.start(options(stateFile))) {
      SandboxTestClient client = new SandboxTestClient(server, clock);
      Lookups lookup = new Lookups(client);
      assertThat(client.get("/v1/betaGroups/" + group + "/relationships/builds").ids()).hasSize(1);
      assertThat(client.get("/v1/betaGroups/" + group + "/betaRecruitmentCriteria").status())
          .isEqualTo(200);
      JsonNode detail =
          client
              .get("/v1/builds/" + b45 + "/buildBetaDetail")
              .json()
              .path("data")
              .path("attributes");
      assertThat(detail.path("autoNotifyEnabled").asBoolean()).isTrue();
      assertThat(detail.path("externalBuildState").asText()).isEqualTo("WAITING_FOR_BETA_REVIEW");
      assertThat(
              client
                  .get("/v1/builds/" + b45 + "/betaBuildLocalizations")
                  .json()
                  .findValuesAsText("whatsNew"))
          .containsExactly("Kept");
      assertThat(client.get(q("/v1/betaAppLocalizations?filter[locale]=de-DE")).ids()).hasSize(1);
      assertThat(
              client
                  .get("/v1/apps/" + Docs.WEATHER + "/betaLicenseAgreement")
                  .json()
                  .path("data")
                  .path("attributes")
                  .path("agreementText")
                  .asText())
          .isEqualTo("Kept text.");
      assertThat(
              client
                  .get("/v1/apps/" + Docs.WEATHER + "/betaAppReviewDetail")
                  .json()
                  .path("data")
                  .path("attributes")
                  .path("contactPhone")
                  .asText())
          .isEqualTo("+1 555 0100");
      assertThat(
              client
                  .get(
                      "/v1/buildBundles/"
                          + lookup.bundle(b45, "APP_CLIP")
                          + q(
                              "/betaAppClipInvocations"
                                  + "?include=betaAppClipInvocationLocalizations"))
                  .json()
                  .path("included")
                  .findValuesAsText("title"))
          .containsExactly("Kept");
    }
  }

  @Test
  void loadsAStateFileWrittenBeforeBuildsExisted() throws IOException {
    Path stateFile = dir.resolve("old.json");
    Files.writeString(
        stateFile,
        """
        {"format": 1,
         "apps": [{"id": "7", "bundleId": "org.example.old", "name": "Old", "sku": "OLD", "primaryLocale": "en-GB"}],
         "users": [],
         "groups": [{"id": "g", "app": "7", "name": "Team", "createdDate": "2025-01-01T00:00:00Z",
                     "internal": true, "accessToAllBuilds": true, "publicLinkEnabled": false,
                     "publicLinkLimitEnabled": false, "feedbackEnabled": false, "appleSiliconMac": false,
                     "appleVision": false}],
         "testers": []}
        """);
    try (SandboxServer server = SandboxServer.start(options(stateFile))) {
      SandboxTestClient client = new SandboxTestClient(server, clock);
      assertThat(client.get("/v1/betaGroups/g").status()).isEqualTo(200);
      assertThat(client.get("/v1/builds").ids()).isEmpty();
      assertThat(client.get("/v1/apps/7/betaLicenseAgreement").status()).isEqualTo(200);
      assertThat(
              client
                  .get("/v1/apps/7/betaAppReviewDetail")
                  .json()
                  .path("data")
                  .path("attributes")
                  .toString())
          .isEqualTo("{\"demoAccountRequired\":false}");
      assertThat(
              client
                  .patch(
                      "/v1/betaAppReviewDetails/7",
                      Docs.update(
                          "betaAppReviewDetails", "7", "\"contactEmail\":\"qa@example.org\""))
                  .status())
          .isEqualTo(200);
    }
    assertThat(Files.readString(stateFile)).contains("\"format\" : 2").contains("qa@example.org");
  }

  private static String q(String query) {
    return query.replace("[", "%5B").replace("]", "%5D");
  }
}
