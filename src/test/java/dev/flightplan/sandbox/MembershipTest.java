package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class MembershipTest extends SandboxTestBase {
  private String members(String groupId) {
    return "/v1/betaGroups/" + groupId + "/relationships/betaTesters";
  }

  @Test
  void addsAndRemovesTesters() {
    String oldBeta = groupId("Old Beta");
    String carol = testerId("carol@example.com");
    String frank = testerId("frank@example.com");
    SandboxTestClient.Reply added =
        client.post(members(oldBeta), Docs.linkages("betaTesters", carol, frank));
    assertThat(added.status()).as(added.body()).isEqualTo(204);
    assertThat(added.body()).isNull();
    assertThat(client.get(members(oldBeta)).ids())
        .containsExactly(carol, frank, testerId("grace@example.com"));
    assertThat(client.get("/v1/betaTesters/" + carol + "/relationships/betaGroups").ids())
        .containsExactly(groupId("Friends & Family"), oldBeta);

    assertThat(client.delete(members(oldBeta), Docs.linkages("betaTesters", carol)).status())
        .isEqualTo(204);
    assertThat(client.get(members(oldBeta)).ids()).doesNotContain(carol).contains(frank);
    // removing someone who is not a member changes nothing
    assertThat(client.delete(members(oldBeta), Docs.linkages("betaTesters", carol)).status())
        .isEqualTo(204);
  }

  @Test
  void addingAMemberAgainIsAConflict() {
    String family = groupId("Friends & Family");
    String carol = testerId("carol@example.com");
    String grace = testerId("grace@example.com");
    SandboxTestClient.Reply again =
        client.post(members(family), Docs.linkages("betaTesters", grace, carol));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("ENTITY_ERROR.RELATIONSHIP.INVALID");
    assertThat(again.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/1/id");
    // nothing of a refused request is applied
    assertThat(client.get(members(family)).ids()).doesNotContain(grace);
  }

  @Test
  void refusesUnknownTestersWrongTypesAndNonUsersInInternalGroups() {
    String family = groupId("Friends & Family");
    SandboxTestClient.Reply unknown =
        client.post(members(family), Docs.linkages("betaTesters", "no-such-tester"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(
            client.delete(members(family), Docs.linkages("betaTesters", "no-such-tester")).status())
        .isEqualTo(404);
    assertThat(client.post(members("no-such-group"), Docs.linkages("betaTesters", "x")).status())
        .isEqualTo(404);

    SandboxTestClient.Reply wrongType =
        client.post(members(family), Docs.linkages("betaGroups", family));
    assertThat(wrongType.errorCode()).isEqualTo("ENTITY_ERROR.RELATIONSHIP.INVALID");
    assertThat(wrongType.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/0/type");
    assertThat(client.post(members(family), "{\"data\":{}}").errorCode())
        .isEqualTo("ENTITY_UNPROCESSABLE");

    SandboxTestClient.Reply notAUser =
        client.post(
            members(groupId("QA")), Docs.linkages("betaTesters", testerId("carol@example.com")));
    assertThat(notAUser.status()).isEqualTo(422);
    assertThat(notAUser.errorCode()).isEqualTo("ENTITY_UNPROCESSABLE");
  }

  @Test
  void joiningAGroupGivesAccessToItsAppAndInvites() {
    createGroup(
        Docs.NOTES, "Notes QA", "\"isInternalGroup\":true"); // external groups need an internal one
    String notesBeta = createGroup(Docs.NOTES, "Notes Beta", "");
    String alice = testerId("alice@example.com");
    assertThat(client.get("/v1/betaTesters?filter%5Bapps%5D=" + Docs.NOTES).ids()).isEmpty();
    client.post(members(notesBeta), Docs.linkages("betaTesters", alice));
    assertThat(client.get("/v1/betaTesters?filter%5Bapps%5D=" + Docs.NOTES).ids())
        .containsExactly(alice);
    // an accepted tester stays accepted when invited to another app
    assertThat(
            client
                .get("/v1/betaTesters/" + alice)
                .json()
                .path("data")
                .path("attributes")
                .path("state")
                .asText())
        .isEqualTo("ACCEPTED");
  }

  @Test
  void listsTheFullTestersOfAGroup() {
    SandboxTestClient.Reply reply =
        client.get(
            "/v1/betaGroups/"
                + groupId("Friends & Family")
                + "/betaTesters?fields%5BbetaTesters%5D=email");
    assertThat(reply.json().findValuesAsText("email"))
        .containsExactly("carol@example.com", "frank@example.com");
    assertThat(reply.json().path("data").path(0).path("attributes").has("state")).isFalse();
  }

  @Test
  void removingTestersFromAnAppTakesEveryGroupOfThatApp() {
    String carol = testerId("carol@example.com");
    createGroup(Docs.NOTES, "Notes QA", "\"isInternalGroup\":true");
    String notesBeta = createGroup(Docs.NOTES, "Notes Beta", "");
    client.post(members(notesBeta), Docs.linkages("betaTesters", carol));
    client.post(members(groupId("Old Beta")), Docs.linkages("betaTesters", carol));

    SandboxTestClient.Reply removed =
        client.delete(
            "/v1/apps/" + Docs.WEATHER + "/relationships/betaTesters",
            Docs.linkages("betaTesters", carol));
    assertThat(removed.status()).as(removed.body()).isEqualTo(204);
    assertThat(client.get("/v1/betaTesters/" + carol + "/relationships/betaGroups").ids())
        .containsExactly(notesBeta);
    assertThat(client.get("/v1/betaTesters?filter%5Bapps%5D=" + Docs.WEATHER).ids())
        .doesNotContain(carol);
    assertThat(client.get("/v1/betaTesters?filter%5Bapps%5D=" + Docs.NOTES).ids())
        .containsExactly(carol);
    // the tester record itself stays
    assertThat(client.get("/v1/betaTesters/" + carol).status()).isEqualTo(200);
    assertThat(
            client
                .delete(
                    "/v1/apps/999/relationships/betaTesters", Docs.linkages("betaTesters", carol))
                .status())
        .isEqualTo(404);
  }
}
