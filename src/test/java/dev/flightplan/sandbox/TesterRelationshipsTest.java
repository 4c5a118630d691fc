package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A tester's links changed from the tester's side, as other App Store Connect clients do: groups
 * ({@code POST|DELETE /v1/betaTesters/{id}/relationships/betaGroups}), individually given builds
 * ({@code .../relationships/builds}) and whole apps ({@code DELETE .../relationships/apps}); and
 * the tester's related reads. The group's and build's side see the same links.
 */
@IntegrationTest
class TesterRelationshipsTest extends SandboxTestBase {
  private String groupsOf(String tester) {
    return client.get("/v1/betaTesters/" + tester + "/relationships/betaGroups").ids().toString();
  }

  @Test
  void joinsAndLeavesGroupsFromTheTestersSide() {
    String grace = testerId("grace@example.com");
    String friends = groupId("Friends & Family");
    String old = groupId("Old Beta");
    ok(
        client.post(
            "/v1/betaTesters/" + grace + "/relationships/betaGroups",
            Docs.linkages("betaGroups", friends)),
        204);
    assertThat(client.get("/v1/betaGroups/" + friends + "/relationships/betaTesters").ids())
        .contains(grace);
    assertThat(client.get("/v1/betaTesters/" + grace + "/betaGroups").ids())
        .containsExactly(friends, old);

    refused(
        client.post(
            "/v1/betaTesters/" + grace + "/relationships/betaGroups",
            Docs.linkages("betaGroups", friends)),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/0/id");
    refused(
        client.post(
            "/v1/betaTesters/" + grace + "/relationships/betaGroups",
            Docs.linkages("betaGroups", "nope")),
        404,
        "NOT_FOUND",
        null);
    // grace is no App Store Connect user: internal groups take users only
    refused(
        client.post(
            "/v1/betaTesters/" + grace + "/relationships/betaGroups",
            Docs.linkages("betaGroups", groupId("QA"))),
        422,
        "ENTITY_UNPROCESSABLE",
        null);

    ok(
        client.delete(
            "/v1/betaTesters/" + grace + "/relationships/betaGroups",
            Docs.linkages("betaGroups", old)),
        204);
    assertThat(groupsOf(grace)).isEqualTo("[" + friends + "]");
  }

  @Test
  void getsAndLosesBuildsFromTheTestersSide() {
    String frank = testerId("frank@example.com");
    String build = lookup.build("2.3", "44");
    ok(
        client.post(
            "/v1/betaTesters/" + frank + "/relationships/builds", Docs.linkages("builds", build)),
        204);
    assertThat(client.get("/v1/builds/" + build + "/relationships/individualTesters").ids())
        .containsExactly(frank);
    assertThat(client.get("/v1/betaTesters/" + frank + "/builds").ids()).containsExactly(build);
    refused(
        client.post(
            "/v1/betaTesters/" + frank + "/relationships/builds", Docs.linkages("builds", build)),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/0/id");
    // not approved by Beta App Review: no external tester may get it
    refused(
        client.post(
            "/v1/betaTesters/" + frank + "/relationships/builds",
            Docs.linkages("builds", lookup.build("2.3", "45"))),
        422,
        "ENTITY_UNPROCESSABLE",
        null);
    ok(
        client.delete(
            "/v1/betaTesters/" + frank + "/relationships/builds", Docs.linkages("builds", build)),
        204);
    assertThat(client.get("/v1/betaTesters/" + frank + "/relationships/builds").ids()).isEmpty();
  }

  @Test
  void leavesAWholeAppFromTheTestersSide() {
    String carol = testerId("carol@example.com");
    assertThat(client.get("/v1/betaTesters/" + carol + "/relationships/apps").ids())
        .containsExactly(Docs.WEATHER);
    refused(
        client.delete(
            "/v1/betaTesters/" + carol + "/relationships/apps", Docs.linkages("apps", "9")),
        404,
        "NOT_FOUND",
        null);
    ok(
        client.delete(
            "/v1/betaTesters/" + carol + "/relationships/apps",
            Docs.linkages("apps", Docs.WEATHER)),
        204);
    assertThat(client.get("/v1/betaTesters/" + carol + "/apps").ids()).isEmpty();
    assertThat(groupsOf(carol)).isEqualTo("[]");
    assertThat(client.get("/v1/betaGroups/" + groupId("Friends & Family") + "/betaTesters").ids())
        .doesNotContain(carol);
  }

  @Test
  void readsTheToOneRelationshipsOfABuild() {
    String build = lookup.build("2.3", "44");
    assertThat(
            client
                .get("/v1/builds/" + build + "/relationships/app")
                .json()
                .path("data")
                .path("id")
                .asText())
        .isEqualTo(Docs.WEATHER);
    assertThat(
            client
                .get("/v1/builds/" + build + "/app")
                .json()
                .path("data")
                .path("attributes")
                .path("bundleId")
                .asText())
        .isEqualTo("com.example.weather");
    String version =
        client
            .get("/v1/builds/" + build + "/relationships/preReleaseVersion")
            .json()
            .path("data")
            .path("id")
            .asText();
    assertThat(client.get("/v1/preReleaseVersions/" + version + "/builds").ids()).contains(build);
    // 2.3 (45) was never submitted: no review submission to link to
    refused(
        client.get(
            "/v1/builds/" + lookup.build("2.3", "45") + "/relationships/betaAppReviewSubmission"),
        404,
        "NOT_FOUND",
        null);
  }
}
