package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@IntegrationTest
class BuildTest extends SandboxTestBase {
  private List<String> labels(SandboxTestClient.Reply reply) {
    List<String> labels = new ArrayList<>();
    for (JsonNode build : reply.json().path("data")) {
      labels.add(build.path("attributes").path("version").asText());
    }
    return labels;
  }

  @Test
  void findsABuildByVersionAndNumberAndTheNewestFirst() {
    String b45 = lookup.build("2.3", "45");
    SandboxTestClient.Reply found =
        client.get(
            q(
                "/v1/builds?filter[app]="
                    + Docs.WEATHER
                    + "&filter[preReleaseVersion.version]=2.3&filter[version]=45&filter[preReleaseVersion.platform]=IOS"));
    assertThat(found.ids()).containsExactly(b45);
    JsonNode a = found.json().path("data").path(0).path("attributes");
    assertThat(a.path("uploadedDate").asText()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(a.path("expirationDate").asText()).isEqualTo("2027-02-18T10:00:00Z");
    assertThat(a.has("usesNonExemptEncryption"))
        .as("unanswered export compliance is left out")
        .isFalse();

    assertThat(
            labels(
                client.get(
                    q("/v1/builds?filter[preReleaseVersion.version]=2.3&sort=-uploadedDate"))))
        .containsExactly("46", "45", "44");
    assertThat(labels(client.get(q("/v1/builds?sort=uploadedDate"))))
        .containsExactly("40", "44", "45", "46");
    assertThat(
            labels(client.get(q("/v1/builds?filter[processingState]=VALID&filter[expired]=false"))))
        .containsExactly("44", "45");
    assertThat(labels(client.get(q("/v1/builds?filter[betaGroups]=" + lookup.group("Old Beta")))))
        .containsExactly("44");
    assertThat(
            labels(
                client.get(
                    q("/v1/builds?filter[betaAppReviewSubmission.betaReviewState]=APPROVED"))))
        .containsExactly("40", "44");
    assertThat(client.get(q("/v1/builds?filter[app]=" + Docs.NOTES)).ids()).isEmpty();
  }

  @Test
  void includesWhatABuildNeedsInOneCallAndSaysWhenALinkageListIsCut() {
    String b44 = lookup.build("2.3", "44");
    SandboxTestClient.Reply reply =
        client.get(
            "/v1/builds/"
                + b44
                + q(
                    "?include=preReleaseVersion,buildBetaDetail,"
                        + "betaAppReviewSubmission,betaBuildLocalizations,buildBundles,betaGroups,individualTesters"
                        + "&limit[betaGroups]=1"));
    JsonNode relationships = reply.json().path("data").path("relationships");
    JsonNode groups = relationships.path("betaGroups");
    assertThat(groups.path("data")).hasSize(1);
    assertThat(groups.path("meta").path("paging").path("total").asInt())
        .as("total says the list was cut")
        .isEqualTo(2);
    assertThat(groups.path("meta").path("paging").path("limit").asInt()).isEqualTo(1);
    assertThat(relationships.path("buildBundles").path("data")).hasSize(2);
    assertThat(relationships.path("buildBundles").has("links"))
        .as("the schema has no links here")
        .isFalse();
    assertThat(relationships.path("individualTesters").path("data")).isEmpty();
    assertThat(relationships.path("buildBetaDetail").path("data").path("id").asText())
        .isEqualTo(b44);
    List<String> included = new ArrayList<>();
    for (JsonNode resource : reply.json().path("included")) {
      JsonNode a = resource.path("attributes");
      included.add(
          resource.path("type").asText()
              + ":"
              + switch (resource.path("type").asText()) {
                case "preReleaseVersions" ->
                    a.path("platform").asText() + " " + a.path("version").asText();
                case "buildBetaDetails" ->
                    a.path("autoNotifyEnabled")
                        + " "
                        + a.path("internalBuildState").asText()
                        + " "
                        + a.path("externalBuildState").asText();
                case "betaAppReviewSubmissions" -> a.path("betaReviewState").asText();
                case "betaBuildLocalizations" ->
                    a.path("locale").asText() + " " + a.path("whatsNew").asText();
                case "buildBundles" ->
                    a.path("bundleType").asText() + " " + a.path("bundleId").asText();
                default -> a.path("name").asText();
              });
    }
    assertThat(included)
        .containsExactly(
            "preReleaseVersions:IOS 2.3",
            "buildBetaDetails:true IN_BETA_TESTING IN_BETA_TESTING",
            "betaAppReviewSubmissions:APPROVED",
            "betaBuildLocalizations:en-US Bug fixes and a faster radar.",
            "buildBundles:APP com.example.weather",
            "buildBundles:APP_CLIP com.example.weather.Clip",
            "betaGroups:Friends & Family");

    // A to-one relationship without a related resource has no data: the schema allows no null
    // linkage.
    JsonNode none =
        client
            .get("/v1/builds/" + lookup.build("2.3", "46") + q("?include=betaAppReviewSubmission"))
            .json()
            .path("data")
            .path("relationships")
            .path("betaAppReviewSubmission");
    assertThat(none.has("links")).isTrue();
    assertThat(none.has("data")).isFalse();
  }

  @Test
  void setsExportComplianceAndExpiresEarlyButNeverUnexpires() {
    String b45 = lookup.build("2.3", "45");
    SandboxTestClient.Reply answered =
        client.patch(
            "/v1/builds/" + b45, Docs.update("builds", b45, "\"usesNonExemptEncryption\":false"));
    ok(answered, 200);
    assertThat(
            answered
                .json()
                .path("data")
                .path("attributes")
                .path("usesNonExemptEncryption")
                .asBoolean())
        .isFalse();

    refused(
        client.patch("/v1/builds/" + b45, Docs.update("builds", b45, "\"expired\":false")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/expired");
    refused(
        client.patch(
            "/v1/builds/" + b45, Docs.update("builds", b45, "\"processingState\":\"VALID\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.UNKNOWN",
        "/data/attributes/processingState");
    refused(
        client.patch("/v1/builds/" + b45, Docs.update("builds", "other", "\"expired\":true")),
        409,
        "ENTITY_ERROR.ID.INVALID",
        "/data/id");

    SandboxTestClient.Reply expired =
        client.patch("/v1/builds/" + b45, Docs.update("builds", b45, "\"expired\":true"));
    assertThat(expired.json().path("data").path("attributes").path("expired").asBoolean()).isTrue();
    SandboxTestClient.Reply change =
        client.patch(
            "/v1/builds/" + b45, Docs.update("builds", b45, "\"usesNonExemptEncryption\":true"));
    refused(change, 409, "STATE_ERROR.ENTITY_STATE_INVALID", null);
    assertThat(detail(change)).contains("2.3 (45)").contains("expired");
    ok(client.patch("/v1/builds/" + b45, Docs.update("builds", b45, "\"expired\":true")), 200);
    assertThat(client.get(q("/v1/builds?filter[expired]=true")).ids()).contains(b45);
  }

  @Test
  void listsPreReleaseVersionsWithTheirBuilds() {
    SandboxTestClient.Reply reply =
        client.get(
            q(
                "/v1/preReleaseVersions?filter[app]="
                    + Docs.WEATHER
                    + "&filter[platform]=IOS&sort=-version&include=builds&limit[builds]=2&fields[builds]=version"));
    assertThat(reply.json().path("data").findValuesAsText("version")).containsExactly("2.3", "2.2");
    JsonNode builds = reply.json().path("data").path(0).path("relationships").path("builds");
    assertThat(builds.path("data")).hasSize(2);
    assertThat(builds.path("meta").path("paging").path("total").asInt()).isEqualTo(3);
    assertThat(client.get(q("/v1/preReleaseVersions?filter[version]=2.2")).ids()).hasSize(1);
    assertThat(
            client
                .get(q("/v1/preReleaseVersions?filter[builds.processingState]=PROCESSING"))
                .json()
                .path("data")
                .findValuesAsText("version"))
        .containsExactly("2.3");
    assertThat(client.get("/v1/apps/" + Docs.WEATHER + "/preReleaseVersions").ids()).hasSize(2);
    assertThat(client.get("/v1/apps/" + Docs.NOTES + "/preReleaseVersions").ids()).isEmpty();
  }

  @Test
  void refusesBuildParametersTheSandboxDoesNotServe() {
    refused(
        client.get(q("/v1/builds?include=appStoreVersion")), 400, "PARAMETER_ERROR.INVALID", null);
    refused(
        client.get(q("/v1/builds?exists[usesNonExemptEncryption]=true")),
        400,
        "PARAMETER_ERROR.ILLEGAL",
        null);
    refused(
        client.get(q("/v1/builds?include=betaGroups&limit[betaGroups]=51")),
        400,
        "PARAMETER_ERROR.INVALID",
        null);
    refused(
        client.get(q("/v1/builds?filter[processingState]=DONE")),
        400,
        "PARAMETER_ERROR.INVALID",
        null);
    refused(client.get("/v1/builds/nope"), 404, "NOT_FOUND", null);
  }
}
