package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Public links and their recruitment criteria, and the rules that only exist for external groups.
 */
@IntegrationTest
class CriteriaTest extends SandboxTestBase {
  private static final String FILTERS = "/data/attributes/deviceFamilyOsVersionFilters";

  private String criteria(String groupId, String filters) {
    return Docs.create(
        "betaRecruitmentCriteria",
        "\"deviceFamilyOsVersionFilters\":" + filters,
        Docs.toOne("betaGroup", "betaGroups", groupId));
  }

  @Test
  void anExternalGroupNeedsAnInternalOneAndABuildBeforeItsPublicLink() {
    SandboxTestClient.Reply lonely =
        client.post("/v1/betaGroups", Docs.group(Docs.NOTES, "Lonely", ""));
    refused(lonely, 409, "STATE_ERROR.ENTITY_STATE_INVALID", null);
    assertThat(detail(lonely))
        .isEqualTo("An internal group is required before creating an external group.");

    String empty = createGroup(Docs.WEATHER, "Empty", "");
    SandboxTestClient.Reply link =
        client.patch(
            "/v1/betaGroups/" + empty, Docs.groupPatch(empty, "\"publicLinkEnabled\":true"));
    refused(link, 409, "STATE_ERROR.ENTITY_STATE_INVALID", null);
    assertThat(detail(link)).contains("add a build to the group first");
    refused(
        client.post(
            "/v1/betaGroups", Docs.group(Docs.WEATHER, "Linked", "\"publicLinkEnabled\":true")),
        409,
        "STATE_ERROR.ENTITY_STATE_INVALID",
        null);

    String family = lookup.group("Friends & Family");
    SandboxTestClient.Reply on =
        client.patch(
            "/v1/betaGroups/" + family, Docs.groupPatch(family, "\"publicLinkEnabled\":true"));
    ok(on, 200);
    assertThat(on.json().path("data").path("attributes").path("publicLink").asText())
        .matches("https://testflight\\.apple\\.com/join/[A-Za-z0-9]{8}");
    refused(
        client.patch(
            "/v1/betaGroups/" + family, Docs.groupPatch(family, "\"publicLinkLimitEnabled\":true")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/publicLinkLimitEnabled");
    ok(
        client.patch(
            "/v1/betaGroups/" + family,
            Docs.groupPatch(family, "\"publicLinkLimitEnabled\":true,\"publicLinkLimit\":10000")),
        200);
    refused(
        client.patch(
            "/v1/betaGroups/" + family, Docs.groupPatch(family, "\"publicLinkLimit\":10001")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/publicLinkLimit");
    String qa = lookup.group("QA");
    refused(
        client.patch("/v1/betaGroups/" + qa, Docs.groupPatch(qa, "\"publicLinkEnabled\":true")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/publicLinkEnabled");
  }

  @Test
  void createsReadsUpdatesAndDeletesTheCriteriaOfAGroup() {
    String family = lookup.group("Friends & Family");
    refused(
        client.get("/v1/betaGroups/" + family + "/betaRecruitmentCriteria"),
        404,
        "NOT_FOUND",
        null);
    refused(
        client.get("/v1/betaGroups/" + family + "/relationships/betaRecruitmentCriteria"),
        404,
        "NOT_FOUND",
        null);
    SandboxTestClient.Reply created =
        client.post(
            "/v1/betaRecruitmentCriteria",
            criteria(
                family,
                "[{\"deviceFamily\":\"IPHONE\",\"minimumOsInclusive\":\"17.0\",\"maximumOsInclusive\":\"26.1\"},"
                    + "{\"deviceFamily\":\"IPAD\"}]"));
    ok(created, 201);
    String id = created.json().path("data").path("id").asText();
    JsonNode a = created.json().path("data").path("attributes");
    assertThat(a.path("lastModifiedDate").asText()).isEqualTo("2026-01-15T10:00:00Z");
    assertThat(a.path("deviceFamilyOsVersionFilters").toString())
        .isEqualTo(
            "[{\"deviceFamily\":\"IPHONE\","
                + "\"minimumOsInclusive\":\"17.0\",\"maximumOsInclusive\":\"26.1\"},{\"deviceFamily\":\"IPAD\"}]");
    assertThat(
            client
                .get("/v1/betaGroups/" + family + "/betaRecruitmentCriteria")
                .json()
                .path("data")
                .path("id")
                .asText())
        .isEqualTo(id);
    assertThat(
            client
                .get("/v1/betaGroups/" + family + "/relationships/betaRecruitmentCriteria")
                .json()
                .path("data")
                .path("id")
                .asText())
        .isEqualTo(id);
    JsonNode included =
        client.get("/v1/betaGroups/" + family + q("?include=betaRecruitmentCriteria")).json();
    assertThat(
            included
                .path("data")
                .path("relationships")
                .path("betaRecruitmentCriteria")
                .path("data")
                .path("id")
                .asText())
        .isEqualTo(id);
    assertThat(included.path("included").path(0).path("type").asText())
        .isEqualTo("betaRecruitmentCriteria");

    refused(
        client.post(
            "/v1/betaRecruitmentCriteria", criteria(family, "[{\"deviceFamily\":\"MAC\"}]")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/betaGroup/data/id");
    clock.advance(java.time.Duration.ofHours(1));
    SandboxTestClient.Reply updated =
        client.patch(
            "/v1/betaRecruitmentCriteria/" + id,
            Docs.update(
                "betaRecruitmentCriteria",
                id,
                "\"deviceFamilyOsVersionFilters\":[{\"deviceFamily\":\"VISION\","
                    + "\"minimumOsInclusive\":\"2.0\"}]"));
    ok(updated, 200);
    assertThat(updated.json().path("data").path("attributes").path("lastModifiedDate").asText())
        .isEqualTo("2026-01-15T11:00:00Z");
    ok(client.delete("/v1/betaRecruitmentCriteria/" + id, null), 204);
    refused(
        client.patch(
            "/v1/betaRecruitmentCriteria/" + id, Docs.update("betaRecruitmentCriteria", id, "")),
        404,
        "NOT_FOUND",
        null);
    assertThat(
            client
                .get("/v1/betaGroups/" + family + q("?include=betaRecruitmentCriteria"))
                .json()
                .path("data")
                .path("relationships")
                .path("betaRecruitmentCriteria")
                .has("data"))
        .isFalse();
  }

  @Test
  void checksFiltersAgainstTheOptions() {
    String family = lookup.group("Friends & Family");
    refused(
        client.post(
            "/v1/betaRecruitmentCriteria",
            criteria(family, "[{\"deviceFamily\":\"APPLE_WATCH\"}]")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        FILTERS + "/0/deviceFamily");
    refused(
        client.post(
            "/v1/betaRecruitmentCriteria",
            criteria(
                family,
                "[{\"deviceFamily\":\"IPHONE\"},{\"deviceFamily\":\"MAC\",\"minimumOsInclusive\":\"11.0\"}]")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        FILTERS + "/1/minimumOsInclusive");
    refused(
        client.post(
            "/v1/betaRecruitmentCriteria",
            criteria(
                family,
                "[{\"deviceFamily\":\"IPHONE\",\"minimumOsInclusive\":\"18.0\",\"maximumOsInclusive\":\"17.0\"}]")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        FILTERS + "/0/maximumOsInclusive");
    refused(
        client.post(
            "/v1/betaRecruitmentCriteria",
            criteria(family, "[{\"deviceFamily\":\"IPHONE\"},{\"deviceFamily\":\"IPHONE\"}]")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        FILTERS + "/1/deviceFamily");
    refused(
        client.post("/v1/betaRecruitmentCriteria", criteria(family, "[]")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        FILTERS);
    refused(
        client.post(
            "/v1/betaRecruitmentCriteria", criteria(family, "[{\"minimumOsInclusive\":\"17.0\"}]")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.REQUIRED",
        FILTERS + "/0/deviceFamily");
    refused(
        client.post(
            "/v1/betaRecruitmentCriteria",
            criteria(family, "[{\"deviceFamily\":\"IPHONE\",\"os\":1}]")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.UNKNOWN",
        FILTERS + "/0/os");
    refused(
        client.post("/v1/betaRecruitmentCriteria", criteria(family, "\"IPHONE\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.TYPE",
        FILTERS);
    refused(
        client.post(
            "/v1/betaRecruitmentCriteria",
            criteria(lookup.group("QA"), "[{\"deviceFamily\":\"IPHONE\"}]")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/betaGroup/data/id");
    refused(
        client.post(
            "/v1/betaRecruitmentCriteria",
            Docs.create("betaRecruitmentCriteria", "\"deviceFamilyOsVersionFilters\":[]", "")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.REQUIRED",
        null);
    refused(
        client.post(
            "/v1/betaRecruitmentCriteria",
            Docs.create(
                "betaRecruitmentCriteria", "", Docs.toOne("betaGroup", "betaGroups", family))),
        409,
        "ENTITY_ERROR.ATTRIBUTE.REQUIRED",
        FILTERS);
  }

  @Test
  void listsTheOptionCatalogueAsAppleDoes() {
    JsonNode data = client.get("/v1/betaRecruitmentCriterionOptions").json().path("data");
    assertThat(data).hasSize(1);
    List<String> families = new ArrayList<>();
    for (JsonNode family : data.path(0).path("attributes").path("deviceFamilyOsVersions")) {
      JsonNode versions = family.path("osVersions");
      families.add(
          family.path("deviceFamily").asText()
              + " "
              + versions.path(0).asText()
              + ".."
              + versions.path(versions.size() - 1).asText());
    }
    assertThat(families)
        .containsExactly(
            "IPHONE 15.0..26.1",
            "IPAD 15.0..26.1",
            "APPLE_TV 15.0..26.1",
            "MAC 12.0..26.1",
            "VISION 1.0..26.1");
    assertThat(
            data.path(0)
                .path("attributes")
                .path("deviceFamilyOsVersions")
                .path(0)
                .path("osVersions")
                .toString())
        .contains("\"15.1\"", "\"17.7\"", "\"18.0\"", "\"26.0\"")
        .doesNotContain("\"19.0\"");
  }

  @Test
  void checksWhetherTheCriteriaAdmitABuildOfTheGroup() {
    String oldBeta = lookup.group("Old Beta");
    String family = lookup.group("Friends & Family");
    assertThat(compatible(oldBeta)).isTrue();
    assertThat(compatible(createGroup(Docs.WEATHER, "No builds", ""))).isFalse();
    ok(
        client.post(
            "/v1/betaRecruitmentCriteria",
            criteria(
                family,
                "[{\"deviceFamily\":\"IPHONE\",\"maximumOsInclusive\":\"15.8\"},{\"deviceFamily\":\"APPLE_TV\"}]")),
        201);
    assertThat(compatible(family)).as("the build needs iOS 16.0; no TV build").isFalse();
    assertThat(
            client
                .get(
                    "/v1/betaGroups/"
                        + family
                        + "/relationships/betaRecruitmentCriterionCompatibleBuildCheck")
                .json()
                .path("data")
                .path("type")
                .asText())
        .isEqualTo("betaRecruitmentCriterionCompatibleBuildChecks");
  }

  private boolean compatible(String groupId) {
    SandboxTestClient.Reply reply =
        client.get("/v1/betaGroups/" + groupId + "/betaRecruitmentCriterionCompatibleBuildCheck");
    ok(reply, 200);
    return reply.json().path("data").path("attributes").path("hasCompatibleBuild").asBoolean();
  }
}
