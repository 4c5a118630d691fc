package dev.flightplan.contract;

import dev.flightplan.sandbox.Docs;
import dev.flightplan.sandbox.SandboxTestClient;
import dev.flightplan.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives the build, pre-release version, build assignment, recruitment criteria and App Clip
 * endpoints, on their success and error paths, and checks each exchange against Apple's OpenAPI
 * document.
 */
@IntegrationTest
class BuildContractTest extends ContractTestBase {
  private static final List<String> ENDPOINTS =
      List.of(
          "GET /v1/builds",
          "GET /v1/builds/{id}",
          "PATCH /v1/builds/{id}",
          "GET /v1/preReleaseVersions",
          "GET /v1/preReleaseVersions/{id}",
          "GET /v1/apps/{id}/preReleaseVersions",
          "GET /v1/betaGroups/{id}/relationships/builds",
          "POST /v1/betaGroups/{id}/relationships/builds",
          "DELETE /v1/betaGroups/{id}/relationships/builds",
          "GET /v1/betaGroups/{id}/builds",
          "POST /v1/builds/{id}/relationships/betaGroups",
          "DELETE /v1/builds/{id}/relationships/betaGroups",
          "GET /v1/builds/{id}/relationships/individualTesters",
          "POST /v1/builds/{id}/relationships/individualTesters",
          "DELETE /v1/builds/{id}/relationships/individualTesters",
          "GET /v1/builds/{id}/individualTesters",
          "GET /v1/betaTesters/{id}/relationships/builds",
          "GET /v1/betaGroups/{id}/betaRecruitmentCriteria",
          "GET /v1/betaGroups/{id}/relationships/betaRecruitmentCriteria",
          "POST /v1/betaRecruitmentCriteria",
          "PATCH /v1/betaRecruitmentCriteria/{id}",
          "DELETE /v1/betaRecruitmentCriteria/{id}",
          "GET /v1/betaRecruitmentCriterionOptions",
          "GET /v1/betaGroups/{id}/betaRecruitmentCriterionCompatibleBuildCheck",
          "GET /v1/betaGroups/{id}/relationships/betaRecruitmentCriterionCompatibleBuildCheck",
          "GET /v1/buildBundles/{id}/betaAppClipInvocations",
          "GET /v1/buildBundles/{id}/relationships/betaAppClipInvocations",
          "GET /v1/betaAppClipInvocations/{id}",
          "POST /v1/betaAppClipInvocations",
          "PATCH /v1/betaAppClipInvocations/{id}",
          "DELETE /v1/betaAppClipInvocations/{id}",
          "POST /v1/betaAppClipInvocationLocalizations",
          "PATCH /v1/betaAppClipInvocationLocalizations/{id}",
          "DELETE /v1/betaAppClipInvocationLocalizations/{id}");

  @Override
  protected List<String> endpoints() {
    return ENDPOINTS;
  }

  @Test
  void buildsRead() {
    String b44 = lookup.build("2.3", "44");
    status(
        client.get(
            q(
                "/v1/builds?filter[app]="
                    + Docs.WEATHER
                    + "&filter[preReleaseVersion.version]=2.3"
                    + "&filter[preReleaseVersion.platform]=IOS&filter[processingState]=VALID,PROCESSING&filter[expired]=false"
                    + "&sort=-uploadedDate&limit=2&include=preReleaseVersion,buildBetaDetail,betaAppReviewSubmission,"
                    + "betaBuildLocalizations,buildBundles,individualTesters,betaGroups,app&limit[betaGroups]=1"
                    + "&limit[buildBundles]=1&limit[betaBuildLocalizations]=1&limit[individualTesters]=1"
                    + "&fields[builds]=version,uploadedDate,processingState,usesNonExemptEncryption,betaGroups,buildBundles,"
                    + "preReleaseVersion,buildBetaDetail,betaAppReviewSubmission,betaBuildLocalizations,individualTesters,app"
                    + "&fields[betaGroups]=name&fields[buildBundles]=bundleId,bundleType&fields[preReleaseVersions]=version"
                    + "&fields[buildBetaDetails]=autoNotifyEnabled,internalBuildState,externalBuildState"
                    + "&fields[betaAppReviewSubmissions]=betaReviewState&fields[betaBuildLocalizations]=locale,whatsNew"
                    + "&fields[betaTesters]=email&fields[apps]=bundleId")),
        200);
    SandboxTestClient.Reply paged = client.get(q("/v1/builds?limit=1&sort=version"));
    status(paged, 200);
    status(client.get(paged.json().path("links").path("next").asText()), 200);
    status(
        client.get(
            q(
                "/v1/builds?filter[betaGroups]="
                    + lookup.group("Old Beta")
                    + "&filter[id]="
                    + b44
                    + "&filter[version]=44&filter[usesNonExemptEncryption]=false&filter[buildAudienceType]=APP_STORE_ELIGIBLE"
                    + "&filter[betaAppReviewSubmission.betaReviewState]=APPROVED&sort=-preReleaseVersion")),
        200);
    status(
        client.get(
            "/v1/builds/"
                + b44
                + q("?include=buildBundles,betaGroups,preReleaseVersion,buildBetaDetail")),
        200);
    status(
        client.get(
            "/v1/builds/"
                + lookup.build("2.3", "46")
                + q("?include=betaAppReviewSubmission,buildBundles")),
        200);
    status(client.get("/v1/builds/nope"), 404);
    status(client.get(q("/v1/builds?include=icons")), 400);
    status(client.get(q("/v1/builds?filter[appStoreVersion]=1")), 400);
    status(client.get(q("/v1/builds?limit[betaGroups]=51")), 400);
    status(client.get(q("/v1/builds?sort=number")), 400);
  }

  @Test
  void buildsUpdate() {
    String b45 = lookup.build("2.3", "45");
    String b40 = lookup.build("2.2", "40");
    status(
        client.patch(
            "/v1/builds/" + b45, Docs.update("builds", b45, "\"usesNonExemptEncryption\":false")),
        200);
    status(client.patch("/v1/builds/" + b45, Docs.update("builds", b45, "\"expired\":false")), 409);
    status(
        client.patch(
            "/v1/builds/" + b40, Docs.update("builds", b40, "\"usesNonExemptEncryption\":true")),
        409);
    status(client.patch("/v1/builds/" + b40, Docs.update("builds", b40, "\"expired\":true")), 200);
    status(client.patch("/v1/builds/" + b45, Docs.update("builds", b45, "\"version\":\"9\"")), 409);
    status(client.patch("/v1/builds/nope", Docs.update("builds", "nope", "\"expired\":true")), 404);
  }

  @Test
  void preReleaseVersions() {
    SandboxTestClient.Reply list =
        client.get(
            q(
                "/v1/preReleaseVersions?filter[app]="
                    + Docs.WEATHER
                    + "&filter[platform]=IOS&filter[version]=2.2,2.3&sort=-version&include=builds,app&limit[builds]=1"
                    + "&fields[preReleaseVersions]=version,platform,builds&fields[builds]=version&limit=1"));
    status(list, 200);
    status(client.get(list.json().path("links").path("next").asText()), 200);
    status(
        client.get(
            q(
                "/v1/preReleaseVersions?filter[builds.version]=44&filter[builds.processingState]=VALID"
                    + "&filter[builds.expired]=false&filter[builds.buildAudienceType]=APP_STORE_ELIGIBLE")),
        200);
    String version = list.json().path("data").path(0).path("id").asText();
    status(
        client.get(
            "/v1/preReleaseVersions/" + version + q("?include=builds,app&fields[builds]=version")),
        200);
    status(
        client.get(
            "/v1/apps/"
                + Docs.WEATHER
                + q("/preReleaseVersions?fields[preReleaseVersions]=version")),
        200);
    status(client.get("/v1/apps/9/preReleaseVersions"), 404);
    status(client.get("/v1/preReleaseVersions/nope"), 404);
    status(client.get(q("/v1/preReleaseVersions?filter[platform]=ANDROID")), 400);
  }

  @Test
  void buildAssignment() {
    String b44 = lookup.build("2.3", "44");
    String b46 = lookup.build("2.3", "46");
    String family = lookup.group("Friends & Family");
    String qa = lookup.group("QA");
    String assigned =
        client
            .post("/v1/betaGroups", Docs.group(Docs.WEATHER, "Contract Builds", ""))
            .json()
            .path("data")
            .path("id")
            .asText();
    String groupBuilds = "/v1/betaGroups/" + assigned + "/relationships/builds";
    status(client.post(groupBuilds, Docs.linkages("builds", b44)), 204);
    status(client.post(groupBuilds, Docs.linkages("builds", b44)), 409);
    status(client.post(groupBuilds, Docs.linkages("builds", b46)), 422);
    status(client.post(groupBuilds, Docs.linkages("builds", "nope")), 404);
    status(client.get(groupBuilds + "?limit=1"), 200);
    status(
        client.get("/v1/betaGroups/" + family + q("/builds?fields[builds]=version&limit=1")), 200);
    status(client.delete(groupBuilds, Docs.linkages("builds", b44)), 204);
    status(
        client.post("/v1/betaGroups/" + qa + "/relationships/builds", Docs.linkages("builds", b44)),
        422);
    status(client.get("/v1/betaGroups/nope/relationships/builds"), 404);

    String buildGroups = "/v1/builds/" + b44 + "/relationships/betaGroups";
    status(client.post(buildGroups, Docs.linkages("betaGroups", assigned)), 204);
    status(client.post(buildGroups, Docs.linkages("betaGroups", assigned)), 409);
    status(client.post(buildGroups, Docs.linkages("betaGroups", qa)), 422);
    status(client.delete(buildGroups, Docs.linkages("betaGroups", assigned)), 204);
    status(client.delete(buildGroups, Docs.linkages("betaGroups", "nope")), 404);
    status(
        client.get(
            q(
                "/v1/betaGroups?filter[builds]="
                    + b44
                    + "&include=builds,betaRecruitmentCriteria"
                    + "&limit[builds]=1000&fields[builds]=version&fields[betaRecruitmentCriteria]=deviceFamilyOsVersionFilters")),
        200);
    status(
        client.get(
            "/v1/betaGroups/"
                + lookup.group("Old Beta")
                + q("?include=betaRecruitmentCriteria,builds")),
        200);
  }

  @Test
  void individualTesters() {
    String b44 = lookup.build("2.3", "44");
    String dave =
        id(
            client.post(
                "/v1/betaTesters",
                Docs.tester("contract.builds@example.com", lookup.group("Friends & Family"))));
    String path = "/v1/builds/" + b44 + "/relationships/individualTesters";
    status(client.post(path, Docs.linkages("betaTesters", dave)), 204);
    status(client.post(path, Docs.linkages("betaTesters", dave)), 409);
    status(client.post(path, Docs.linkages("betaTesters", "nobody")), 404);
    status(
        client.post(
            "/v1/builds/" + lookup.build("2.3", "46") + "/relationships/individualTesters",
            Docs.linkages("betaTesters", lookup.tester("grace@example.com"))),
        422);
    status(client.get(path + "?limit=1"), 200);
    status(
        client.get("/v1/builds/" + b44 + q("/individualTesters?fields[betaTesters]=email")), 200);
    status(client.get("/v1/betaTesters/" + dave + "/relationships/builds"), 200);
    status(
        client.get(
            q(
                "/v1/betaTesters?filter[builds]="
                    + b44
                    + "&include=builds&limit[builds]=1"
                    + "&fields[builds]=version")),
        200);
    status(client.get("/v1/betaTesters/" + dave + q("?include=builds")), 200);
    status(
        client.post(
            "/v1/betaTesters",
            Docs.create(
                "betaTesters",
                "\"email\":\"contract.solo@example.com\"",
                Docs.toMany("builds", "builds", b44))),
        201);
    status(client.delete(path, Docs.linkages("betaTesters", dave)), 204);
    status(client.get("/v1/betaTesters/nope/relationships/builds"), 404);
  }

  @Test
  void recruitmentCriteria() {
    String family = lookup.group("Friends & Family");
    String oldBeta = lookup.group("Old Beta");
    String body =
        Docs.create(
            "betaRecruitmentCriteria",
            "\"deviceFamilyOsVersionFilters\":[{\"deviceFamily\":"
                + "\"IPAD\",\"minimumOsInclusive\":\"17.0\",\"maximumOsInclusive\":\"26.1\"}]",
            Docs.toOne("betaGroup", "betaGroups", family));
    status(client.get("/v1/betaGroups/" + family + "/betaRecruitmentCriteria"), 404);
    SandboxTestClient.Reply created = client.post("/v1/betaRecruitmentCriteria", body);
    status(created, 201);
    status(client.post("/v1/betaRecruitmentCriteria", body), 409);
    status(client.post("/v1/betaRecruitmentCriteria", body.replace("IPAD", "APPLE_WATCH")), 409);
    status(
        client.post("/v1/betaRecruitmentCriteria", body.replace(family, lookup.group("QA"))), 409);
    status(
        client.get(
            "/v1/betaGroups/"
                + family
                + q(
                    "/betaRecruitmentCriteria?fields[betaRecruitmentCriteria]="
                        + "deviceFamilyOsVersionFilters")),
        200);
    status(client.get("/v1/betaGroups/" + oldBeta + "/relationships/betaRecruitmentCriteria"), 200);
    status(
        client.patch(
            "/v1/betaRecruitmentCriteria/" + id(created),
            Docs.update(
                "betaRecruitmentCriteria",
                id(created),
                "\"deviceFamilyOsVersionFilters\":[{\"deviceFamily\":\"IPHONE\",\"minimumOsInclusive\":\"18.0\"}]")),
        200);
    status(
        client.patch(
            "/v1/betaRecruitmentCriteria/" + id(created),
            Docs.update(
                "betaRecruitmentCriteria",
                id(created),
                "\"deviceFamilyOsVersionFilters\":[{\"deviceFamily\":\"IPHONE\",\"minimumOsInclusive\":\"14.0\"}]")),
        409);
    status(client.delete("/v1/betaRecruitmentCriteria/" + id(created), null), 204);
    status(client.delete("/v1/betaRecruitmentCriteria/" + id(created), null), 404);
    status(
        client.get(
            q(
                "/v1/betaRecruitmentCriterionOptions?fields[betaRecruitmentCriterionOptions]="
                    + "deviceFamilyOsVersions&limit=5")),
        200);
    status(
        client.get(
            "/v1/betaGroups/"
                + oldBeta
                + q(
                    "/betaRecruitmentCriterionCompatibleBuildCheck"
                        + "?fields[betaRecruitmentCriterionCompatibleBuildChecks]=hasCompatibleBuild")),
        200);
    status(
        client.get(
            "/v1/betaGroups/"
                + oldBeta
                + "/relationships/betaRecruitmentCriterionCompatibleBuildCheck"),
        200);
    status(client.get("/v1/betaGroups/nope/betaRecruitmentCriterionCompatibleBuildCheck"), 404);
  }

  @Test
  void appClipInvocations() {
    String b44 = lookup.build("2.3", "44");
    String clip = lookup.bundle(b44, "APP_CLIP");
    String app = lookup.bundle(b44, "APP");
    status(
        client.get(
            "/v1/buildBundles/"
                + clip
                + q(
                    "/betaAppClipInvocations?include="
                        + "betaAppClipInvocationLocalizations&limit[betaAppClipInvocationLocalizations]=1"
                        + "&fields[betaAppClipInvocations]=url,betaAppClipInvocationLocalizations"
                        + "&fields[betaAppClipInvocationLocalizations]=title,locale&limit=5")),
        200);
    status(client.get("/v1/buildBundles/" + clip + "/relationships/betaAppClipInvocations"), 200);
    SandboxTestClient.Reply created =
        client.post(
            "/v1/betaAppClipInvocations", invocation(clip, "https://appclip.example.com/contract"));
    status(created, 201);
    String invocation = id(created);
    status(
        client.post("/v1/betaAppClipInvocations", invocation(app, "https://appclip.example.com/x")),
        409);
    status(
        client.post("/v1/betaAppClipInvocations", invocation(clip, "http://appclip.example.com/x")),
        409);
    status(
        client.get(
            "/v1/betaAppClipInvocations/"
                + invocation
                + q("?include=betaAppClipInvocationLocalizations")),
        200);
    status(
        client.patch(
            "/v1/betaAppClipInvocations/" + invocation,
            Docs.update(
                "betaAppClipInvocations",
                invocation,
                "\"url\":\"https://appclip.example.com/renamed\"")),
        200);
    SandboxTestClient.Reply title =
        client.post(
            "/v1/betaAppClipInvocationLocalizations",
            Docs.create(
                "betaAppClipInvocationLocalizations",
                "\"locale\":\"de-DE\",\"title\":\"Vorhersage\"",
                Docs.toOne("betaAppClipInvocation", "betaAppClipInvocations", invocation)));
    status(title, 201);
    status(
        client.patch(
            "/v1/betaAppClipInvocationLocalizations/" + id(title),
            Docs.update("betaAppClipInvocationLocalizations", id(title), "\"title\":\"Wetter\"")),
        200);
    status(
        client.patch(
            "/v1/betaAppClipInvocationLocalizations/" + id(title),
            Docs.update("betaAppClipInvocationLocalizations", id(title), "\"locale\":\"fr-FR\"")),
        409);
    status(client.delete("/v1/betaAppClipInvocationLocalizations/" + id(title), null), 204);
    status(client.delete("/v1/betaAppClipInvocationLocalizations/" + id(title), null), 404);
    status(client.delete("/v1/betaAppClipInvocations/" + invocation, null), 204);
    status(client.get("/v1/betaAppClipInvocations/" + invocation), 404);
    status(client.get("/v1/buildBundles/nope/betaAppClipInvocations"), 404);
  }

  private static String invocation(String bundle, String url) {
    return "{\"data\":{\"type\":\"betaAppClipInvocations\",\"attributes\":{\"url\":\""
        + url
        + "\"},"
        + "\"relationships\":{"
        + Docs.toOne("buildBundle", "buildBundles", bundle)
        + ","
        + Docs.toMany(
            "betaAppClipInvocationLocalizations",
            "betaAppClipInvocationLocalizations",
            "${local-1}")
        + "}},\"included\":[{\"type\":\"betaAppClipInvocationLocalizations\",\"id\":\"${local-1}\","
        + "\"attributes\":{\"locale\":\"en-US\",\"title\":\"Contract\"}}]}";
  }
}
