package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class TesterTest extends SandboxTestBase {
  @Test
  void createsATesterInGroups() {
    String family = groupId("Friends & Family");
    SandboxTestClient.Reply reply =
        client.post("/v1/betaTesters", Docs.tester("dave@example.com", family));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    JsonNode data = reply.json().path("data");
    String id = data.path("id").asText();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(reply.header("Location")).isEqualTo(server.baseUri() + "/v1/betaTesters/" + id);
    JsonNode attributes = data.path("attributes");
    assertThat(attributes.path("email").asText()).isEqualTo("dave@example.com");
    assertThat(attributes.path("firstName").asText()).isEqualTo("Test");
    assertThat(attributes.path("inviteType").asText()).isEqualTo("EMAIL");
    assertThat(attributes.path("state").asText()).isEqualTo("INVITED");
    assertThat(attributes.path("appDevices").isArray()).isTrue();
    assertThat(client.get("/v1/betaGroups/" + family + "/relationships/betaTesters").ids())
        .contains(id);
    assertThat(client.get("/v1/betaTesters?filter%5Bapps%5D=" + Docs.WEATHER).ids()).contains(id);
  }

  @Test
  void aTesterOnlyInInternalGroupsIsNotInvited() {
    SandboxTestClient.Reply reply =
        client.post("/v1/betaTesters", Docs.tester("erin@example.com", groupId("QA")));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().path("data").path("attributes").path("state").asText())
        .isEqualTo("NOT_INVITED");
    assertThat(
            client.post("/v1/betaTesters", Docs.tester("zoe@example.com", groupId("QA"))).status())
        .isEqualTo(422);
  }

  @Test
  void reusesTheRecordOfAnExistingEmail() {
    String carol = testerId("carol@example.com");
    String oldBeta = groupId("Old Beta");
    SandboxTestClient.Reply reply =
        client.post("/v1/betaTesters", Docs.tester("Carol@Example.COM", oldBeta));
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().path("data").path("id").asText()).isEqualTo(carol);
    assertThat(reply.json().path("data").path("attributes").path("firstName").asText())
        .isEqualTo("Carol");
    assertThat(client.get("/v1/betaTesters?filter%5Bemail%5D=carol@example.com").ids())
        .containsExactly(carol);
    assertThat(client.get("/v1/betaTesters/" + carol + "/relationships/betaGroups").ids())
        .containsExactly(groupId("Friends & Family"), oldBeta);
    // asking again for a group the tester is already in is not an error on this endpoint
    assertThat(client.post("/v1/betaTesters", Docs.tester("carol@example.com", oldBeta)).status())
        .isEqualTo(201);
  }

  @Test
  void refusesInvalidTesters() {
    String family = groupId("Friends & Family");
    SandboxTestClient.Reply noGroups = client.post("/v1/betaTesters", Docs.tester("x@example.com"));
    assertThat(noGroups.status()).isEqualTo(409);
    assertThat(noGroups.errorCode()).isEqualTo("ENTITY_ERROR.RELATIONSHIP.REQUIRED");
    SandboxTestClient.Reply badEmail =
        client.post("/v1/betaTesters", Docs.tester("not-an-email", family));
    assertThat(badEmail.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID");
    assertThat(badEmail.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/email");
    SandboxTestClient.Reply noEmail =
        client.post(
            "/v1/betaTesters",
            Docs.tester("x@example.com", family).replace("\"email\":\"x@example.com\",", ""));
    assertThat(noEmail.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.REQUIRED");
    assertThat(
            client
                .post("/v1/betaTesters", Docs.tester("x@example.com", "no-such-group"))
                .errorCode())
        .isEqualTo("ENTITY_ERROR.RELATIONSHIP.INVALID");
    assertThat(
            client
                .post(
                    "/v1/betaTesters",
                    Docs.tester("x@example.com", family)
                        .replace("\"type\":\"betaGroups\"", "\"type\":\"apps\""))
                .errorCode())
        .isEqualTo("ENTITY_ERROR.RELATIONSHIP.INVALID");
    assertThat(client.get("/v1/betaTesters?filter%5Bemail%5D=x@example.com").ids()).isEmpty();
  }

  @Test
  void allowsOnlyOneRelationshipFilter() {
    SandboxTestClient.Reply reply =
        client.get(
            "/v1/betaTesters?filter%5Bapps%5D="
                + Docs.WEATHER
                + "&filter%5BbetaGroups%5D="
                + groupId("QA"));
    assertThat(reply.status()).isEqualTo(400);
    JsonNode error = reply.json().path("errors").path(0);
    assertThat(error.path("code").asText()).isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(error.path("title").asText() + ": " + error.path("detail").asText())
        .isEqualTo(
            "A parameter has an invalid value: Only one relationship filter can be applied.");
    assertThat(
            client
                .get(
                    "/v1/betaTesters?filter%5BbetaGroups%5D="
                        + groupId("QA")
                        + "&filter%5Bemail%5D=alice@example.com")
                .ids())
        .containsExactly(testerId("alice@example.com"));
  }

  @Test
  void filtersByEmailCaseInsensitivelyAndSorts() {
    SandboxTestClient.Reply reply =
        client.get(
            "/v1/betaTesters?filter%5Bemail%5D=GRACE@example.com,carol@EXAMPLE.com&sort=-email");
    assertThat(reply.json().findValuesAsText("email"))
        .containsExactly("grace@example.com", "carol@example.com");
    assertThat(client.get("/v1/betaTesters?sort=email").json().findValuesAsText("email"))
        .containsExactly(
            "alice@example.com", "carol@example.com", "frank@example.com", "grace@example.com");
  }

  @Test
  void includedGroupsAreTruncatedWithTheTrueTotal() {
    String carol = testerId("carol@example.com");
    String a = createGroup(Docs.WEATHER, "A", "");
    String b = createGroup(Docs.WEATHER, "B", "");
    client.post(
        "/v1/betaGroups/" + a + "/relationships/betaTesters", Docs.linkages("betaTesters", carol));
    client.post(
        "/v1/betaGroups/" + b + "/relationships/betaTesters", Docs.linkages("betaTesters", carol));

    SandboxTestClient.Reply reply =
        client.get(
            "/v1/betaTesters?filter%5Bid%5D="
                + carol
                + "&include=betaGroups&limit%5BbetaGroups%5D=2&fields%5BbetaGroups%5D=name");
    JsonNode groups = reply.json().path("data").path(0).path("relationships").path("betaGroups");
    assertThat(groups.path("data")).hasSize(2);
    assertThat(groups.path("meta").path("paging").path("total").asInt()).isEqualTo(3);
    assertThat(groups.path("meta").path("paging").path("limit").asInt()).isEqualTo(2);
    assertThat(reply.json().path("included")).hasSize(2);
    assertThat(reply.json().path("included").path(0).path("attributes").fieldNames())
        .toIterable()
        .containsExactly("name");
    // the linkage endpoint gives the whole list
    assertThat(client.get("/v1/betaTesters/" + carol + "/relationships/betaGroups").ids())
        .hasSize(3);
  }

  @Test
  void includesApps() {
    String alice = testerId("alice@example.com");
    SandboxTestClient.Reply reply =
        client.get("/v1/betaTesters/" + alice + "?include=apps,betaGroups");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode relationships = reply.json().path("data").path("relationships");
    assertThat(relationships.path("apps").path("data").findValuesAsText("id"))
        .containsExactly(Docs.WEATHER);
    assertThat(relationships.path("betaGroups").path("data").findValuesAsText("id"))
        .containsExactly(groupId("QA"));
    assertThat(reply.json().path("included").findValuesAsText("type"))
        .containsExactlyInAnyOrder("apps", "betaGroups");
  }

  @Test
  void deletingATesterRemovesItFromTheTeam() {
    String frank = testerId("frank@example.com");
    assertThat(client.delete("/v1/betaTesters/" + frank, null).status()).isEqualTo(204);
    assertThat(client.get("/v1/betaTesters/" + frank).status()).isEqualTo(404);
    assertThat(
            client
                .get("/v1/betaGroups/" + groupId("Friends & Family") + "/relationships/betaTesters")
                .ids())
        .doesNotContain(frank);
    assertThat(client.get("/v1/betaTesters?filter%5Bemail%5D=frank@example.com").ids()).isEmpty();
  }
}
