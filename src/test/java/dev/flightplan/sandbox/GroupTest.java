package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class GroupTest extends SandboxTestBase {
  @Test
  void createsAnExternalGroupWithDefaults() {
    SandboxTestClient.Reply reply =
        client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, "Public Beta", ""));
    assertThat(reply.status()).isEqualTo(201);
    JsonNode data = reply.json().path("data");
    String id = data.path("id").asText();
    assertThat(reply.header("Location")).isEqualTo(server.baseUri() + "/v1/betaGroups/" + id);
    assertThat(reply.json().path("links").path("self").asText())
        .isEqualTo(reply.header("Location"));
    JsonNode attributes = data.path("attributes");
    assertThat(attributes.path("name").asText()).isEqualTo("Public Beta");
    assertThat(attributes.path("createdDate").asText()).isEqualTo("2026-01-15T10:00:00Z");
    for (String flag :
        new String[] {
          "isInternalGroup",
          "hasAccessToAllBuilds",
          "publicLinkEnabled",
          "publicLinkLimitEnabled",
          "feedbackEnabled",
          "iosBuildsAvailableForAppleSiliconMac",
          "iosBuildsAvailableForAppleVision"
        }) {
      assertThat(attributes.path(flag).isBoolean()).as(flag).isTrue();
      assertThat(attributes.path(flag).asBoolean()).as(flag).isFalse();
    }
    assertThat(attributes.has("publicLink")).isFalse();
    assertThat(data.path("relationships").path("app").has("data")).isFalse();
    assertThat(
            client
                .get("/v1/betaGroups/" + id)
                .json()
                .path("data")
                .path("attributes")
                .path("name")
                .asText())
        .isEqualTo("Public Beta");
    assertThat(client.get("/v1/apps/" + Docs.WEATHER + "/betaGroups").ids())
        .hasSize(4)
        .contains(id);
  }

  @Test
  void createsAnInternalGroupWithUsersAsMembers() {
    String bob = createTester("bob@example.com", groupId("Old Beta"));
    SandboxTestClient.Reply reply =
        client.post(
            "/v1/betaGroups",
            "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\"Devs\","
                + "\"isInternalGroup\":true,\"hasAccessToAllBuilds\":true},\"relationships\":{\"app\":{\"data\":"
                + "{\"type\":\"apps\",\"id\":\""
                + Docs.WEATHER
                + "\"}},\"betaTesters\":{\"data\":[{\"type\":"
                + "\"betaTesters\",\"id\":\""
                + bob
                + "\"}]}}}}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    String id = reply.json().path("data").path("id").asText();
    assertThat(client.get("/v1/betaGroups/" + id + "/relationships/betaTesters").ids())
        .containsExactly(bob);
  }

  @Test
  void refusesANonUserInAnInternalGroup() {
    String carol = testerId("carol@example.com");
    SandboxTestClient.Reply reply =
        client.post(
            "/v1/betaGroups",
            "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\"Devs\","
                + "\"isInternalGroup\":true},\"relationships\":{\"app\":{\"data\":{\"type\":\"apps\",\"id\":\""
                + Docs.WEATHER
                + "\"}},\"betaTesters\":{\"data\":[{\"type\":\"betaTesters\",\"id\":\""
                + carol
                + "\"}]}}}}");
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo("ENTITY_UNPROCESSABLE");
    assertThat(client.get("/v1/betaGroups?filter%5Bname%5D=Devs").ids()).isEmpty();
  }

  /**
   * App Store Connect holds group names unique ignoring case and Unicode normalisation, on create
   * and on rename.
   */
  @Test
  void refusesASecondGroupOfOneNameInAnotherCaseOrUnicodeForm() {
    for (String name : new String[] {"old beta", "OLD BETA", "Old Beta"}) {
      SandboxTestClient.Reply duplicate =
          client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, name, ""));
      assertThat(duplicate.status()).as(name).isEqualTo(409);
      assertThat(duplicate.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID");
      assertThat(pointer(duplicate)).isEqualTo("/data/attributes/name");
      assertThat(detail(duplicate))
          .isEqualTo("A beta group named 'Old Beta' already exists for this app.");
    }
    String composed = createGroup(Docs.WEATHER, "Caf\u00e9", "");
    SandboxTestClient.Reply decomposed =
        client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, "Cafe\u0301", ""));
    assertThat(decomposed.status()).isEqualTo(409);
    assertThat(detail(decomposed))
        .isEqualTo("A beta group named 'Caf\u00e9' already exists for this app.");
    SandboxTestClient.Reply upper =
        client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, "CAF\u00c9", ""));
    assertThat(upper.status()).isEqualTo(409);

    // renaming a group into another's name is refused; changing the case or form of its own name is
    // not
    SandboxTestClient.Reply clash =
        client.patch(
            "/v1/betaGroups/" + composed, Docs.groupPatch(composed, "\"name\":\"old BETA\""));
    assertThat(clash.status()).isEqualTo(409);
    assertThat(detail(clash))
        .isEqualTo("A beta group named 'Old Beta' already exists for this app.");
    SandboxTestClient.Reply own =
        client.patch(
            "/v1/betaGroups/" + composed, Docs.groupPatch(composed, "\"name\":\"CAFE\u0301\""));
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(
            client
                .get("/v1/betaGroups/" + composed)
                .json()
                .path("data")
                .path("attributes")
                .path("name")
                .asText())
        .isEqualTo("CAFE\u0301");
  }

  @Test
  void enforcesTheCreateRules() {
    SandboxTestClient.Reply duplicate =
        client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, "QA", ""));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID");
    assertThat(pointer(duplicate)).isEqualTo("/data/attributes/name");
    // the same name in another app is fine
    createGroup(Docs.NOTES, "QA", "\"isInternalGroup\":true");

    SandboxTestClient.Reply allBuilds =
        client.post(
            "/v1/betaGroups", Docs.group(Docs.WEATHER, "Ext", "\"hasAccessToAllBuilds\":true"));
    assertThat(allBuilds.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID");
    assertThat(pointer(allBuilds)).isEqualTo("/data/attributes/hasAccessToAllBuilds");

    SandboxTestClient.Reply noName =
        client.post(
            "/v1/betaGroups",
            Docs.group(Docs.WEATHER, "x", "")
                .replace("\"name\":\"x\"", "\"feedbackEnabled\":true"));
    assertThat(noName.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.REQUIRED");
    assertThat(pointer(noName)).isEqualTo("/data/attributes/name");

    SandboxTestClient.Reply wrongType =
        client.post(
            "/v1/betaGroups", Docs.group(Docs.WEATHER, "Typed", "\"feedbackEnabled\":\"yes\""));
    assertThat(wrongType.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.TYPE");

    SandboxTestClient.Reply unknown =
        client.post(
            "/v1/betaGroups",
            Docs.group(Docs.WEATHER, "Odd", "\"iosBuildsAvailableForAppleVision\":true"));
    assertThat(unknown.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.UNKNOWN");

    SandboxTestClient.Reply noApp =
        client.post(
            "/v1/betaGroups",
            "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\"Orphan\"}}}");
    assertThat(noApp.errorCode()).isEqualTo("ENTITY_ERROR.RELATIONSHIP.REQUIRED");

    SandboxTestClient.Reply badApp = client.post("/v1/betaGroups", Docs.group("999", "Lost", ""));
    assertThat(badApp.errorCode()).isEqualTo("ENTITY_ERROR.RELATIONSHIP.INVALID");

    SandboxTestClient.Reply badType =
        client.post(
            "/v1/betaGroups",
            Docs.group(Docs.WEATHER, "T", "").replace("\"betaGroups\"", "\"betaTesters\""));
    assertThat(badType.errorCode()).isEqualTo("ENTITY_ERROR.TYPE.INVALID");
    assertThat(pointer(badType)).isEqualTo("/data/type");

    SandboxTestClient.Reply notJson = client.post("/v1/betaGroups", "{\"data\":");
    assertThat(notJson.status()).isEqualTo(422);
    assertThat(notJson.errorCode()).isEqualTo("ENTITY_UNPROCESSABLE");

    assertThat(client.get("/v1/betaGroups?filter%5Bapp%5D=" + Docs.WEATHER).ids()).hasSize(3);
  }

  @Test
  void updatesTheMutableAttributes() {
    String id = groupId("Friends & Family");
    SandboxTestClient.Reply reply =
        client.patch(
            "/v1/betaGroups/" + id,
            Docs.groupPatch(
                id,
                "\"name\":\"Family\",\"feedbackEnabled\":true,\"iosBuildsAvailableForAppleVision\":true"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode attributes = reply.json().path("data").path("attributes");
    assertThat(attributes.path("name").asText()).isEqualTo("Family");
    assertThat(attributes.path("feedbackEnabled").asBoolean()).isTrue();
    assertThat(attributes.path("iosBuildsAvailableForAppleVision").asBoolean()).isTrue();
    assertThat(attributes.path("iosBuildsAvailableForAppleSiliconMac").asBoolean()).isFalse();
    assertThat(groupId("Family")).isEqualTo(id);
    // members are untouched by an update
    assertThat(client.get("/v1/betaGroups/" + id + "/relationships/betaTesters").ids()).hasSize(2);
  }

  @Test
  void keepsThePublicLinkStable() {
    String id = groupId("Old Beta");
    JsonNode on =
        client
            .patch(
                "/v1/betaGroups/" + id,
                Docs.groupPatch(
                    id,
                    "\"publicLinkEnabled\":true,\"publicLinkLimitEnabled\":true,\"publicLinkLimit\":500"))
            .json()
            .path("data")
            .path("attributes");
    String link = on.path("publicLink").asText();
    assertThat(link).matches("https://testflight\\.apple\\.com/join/[A-Za-z0-9]{8}");
    assertThat(link).endsWith(on.path("publicLinkId").asText());
    assertThat(on.path("publicLinkLimit").asInt()).isEqualTo(500);

    JsonNode off =
        client
            .patch("/v1/betaGroups/" + id, Docs.groupPatch(id, "\"publicLinkEnabled\":false"))
            .json()
            .path("data")
            .path("attributes");
    assertThat(off.has("publicLink")).isFalse();
    JsonNode again =
        client
            .patch("/v1/betaGroups/" + id, Docs.groupPatch(id, "\"publicLinkEnabled\":true"))
            .json()
            .path("data")
            .path("attributes");
    assertThat(again.path("publicLink").asText()).isEqualTo(link);
    assertThat(client.get("/v1/betaGroups?filter%5BpublicLinkEnabled%5D=true").ids())
        .containsExactly(id);
  }

  @Test
  void refusesCreateOnlyAndInvalidUpdates() {
    String id = groupId("Old Beta");
    SandboxTestClient.Reply internal =
        client.patch("/v1/betaGroups/" + id, Docs.groupPatch(id, "\"isInternalGroup\":true"));
    assertThat(internal.status()).isEqualTo(409);
    assertThat(internal.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.UNKNOWN");
    assertThat(pointer(internal)).isEqualTo("/data/attributes/isInternalGroup");
    assertThat(
            client
                .patch("/v1/betaGroups/" + id, Docs.groupPatch(id, "\"hasAccessToAllBuilds\":true"))
                .errorCode())
        .isEqualTo("ENTITY_ERROR.ATTRIBUTE.UNKNOWN");
    assertThat(
            client
                .patch("/v1/betaGroups/" + id, Docs.groupPatch(id, "\"name\":\"QA\""))
                .errorCode())
        .isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID");
    assertThat(
            client
                .patch("/v1/betaGroups/" + id, Docs.groupPatch(id, "\"publicLinkLimit\":0"))
                .errorCode())
        .isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID");
    assertThat(
            client
                .patch("/v1/betaGroups/" + id, Docs.groupPatch(id, "\"publicLinkLimit\":\"5\""))
                .errorCode())
        .isEqualTo("ENTITY_ERROR.ATTRIBUTE.TYPE");
    String qa = groupId("QA");
    assertThat(
            client
                .patch("/v1/betaGroups/" + qa, Docs.groupPatch(qa, "\"publicLinkEnabled\":true"))
                .errorCode())
        .isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID");
    SandboxTestClient.Reply mismatch =
        client.patch("/v1/betaGroups/" + id, Docs.groupPatch(qa, "\"name\":\"X\""));
    assertThat(mismatch.errorCode()).isEqualTo("ENTITY_ERROR.ID.INVALID");
    assertThat(pointer(mismatch)).isEqualTo("/data/id");
    assertThat(
            client.patch("/v1/betaGroups/nope", Docs.groupPatch("nope", "\"name\":\"X\"")).status())
        .isEqualTo(404);
    assertThat(
            client
                .get("/v1/betaGroups/" + id)
                .json()
                .path("data")
                .path("attributes")
                .path("name")
                .asText())
        .isEqualTo("Old Beta");
  }

  @Test
  void deletesAGroupAndItsMemberships() {
    String id = groupId("Old Beta");
    String grace = testerId("grace@example.com");
    assertThat(client.delete("/v1/betaGroups/" + id, null).status()).isEqualTo(204);
    assertThat(client.get("/v1/betaGroups/" + id).status()).isEqualTo(404);
    assertThat(client.get("/v1/betaGroups/" + id).errorCode()).isEqualTo("NOT_FOUND");
    assertThat(client.get("/v1/betaTesters/" + grace + "/relationships/betaGroups").ids())
        .isEmpty();
    assertThat(client.delete("/v1/betaGroups/" + id, null).status()).isEqualTo(404);
  }

  @Test
  void filtersSortsAndIncludes() {
    assertThat(client.get("/v1/betaGroups?filter%5BisInternalGroup%5D=true").ids())
        .containsExactly(groupId("QA"));
    SandboxTestClient.Reply sorted =
        client.get("/v1/betaGroups?sort=-name&fields%5BbetaGroups%5D=name");
    assertThat(sorted.json().findValuesAsText("name"))
        .containsExactly("QA", "Old Beta", "Friends & Family");
    assertThat(sorted.json().path("data").path(0).has("relationships")).isFalse();

    SandboxTestClient.Reply included =
        client.get(
            "/v1/betaGroups/"
                + groupId("Friends & Family")
                + "?include=betaTesters,app&limit%5BbetaTesters%5D=1");
    JsonNode testers = included.json().path("data").path("relationships").path("betaTesters");
    assertThat(testers.path("data")).hasSize(1);
    assertThat(testers.path("meta").path("paging").path("total").asInt()).isEqualTo(2);
    assertThat(
            included
                .json()
                .path("data")
                .path("relationships")
                .path("app")
                .path("data")
                .path("id")
                .asText())
        .isEqualTo(Docs.WEATHER);
    assertThat(included.json().path("included").findValuesAsText("type"))
        .containsExactlyInAnyOrder("betaTesters", "apps");
  }
}
