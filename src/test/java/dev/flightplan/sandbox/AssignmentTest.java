package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Which builds groups and testers may be given, from either side of the relationship. */
@IntegrationTest
class AssignmentTest extends SandboxTestBase {
  private String groupBuilds(String groupId) {
    return "/v1/betaGroups/" + groupId + "/relationships/builds";
  }

  private void answerExportCompliance(String buildId) {
    ok(
        client.patch(
            "/v1/builds/" + buildId,
            Docs.update("builds", buildId, "\"usesNonExemptEncryption\":false")),
        200);
  }

  @Test
  void givesAnApprovedBuildToAnExternalGroupFromEitherSide() {
    String b44 = lookup.build("2.3", "44");
    String group = createGroup(Docs.WEATHER, "Beta 2", "");
    ok(client.post(groupBuilds(group), Docs.linkages("builds", b44)), 204);
    assertThat(client.get(groupBuilds(group)).ids()).containsExactly(b44);
    assertThat(client.get("/v1/betaGroups/" + group + "/builds").json().findValuesAsText("version"))
        .containsExactly("44");
    assertThat(
            client
                .get(q("/v1/betaGroups?filter[builds]=" + b44))
                .json()
                .path("data")
                .findValuesAsText("name"))
        .containsExactly("Friends & Family", "Old Beta", "Beta 2");

    SandboxTestClient.Reply again =
        client.post(
            "/v1/builds/" + b44 + "/relationships/betaGroups", Docs.linkages("betaGroups", group));
    refused(again, 409, "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/0/id");
    ok(
        client.delete(
            "/v1/builds/" + b44 + "/relationships/betaGroups", Docs.linkages("betaGroups", group)),
        204);
    assertThat(client.get(groupBuilds(group)).ids()).isEmpty();
    ok(
        client.post(
            "/v1/builds/" + b44 + "/relationships/betaGroups", Docs.linkages("betaGroups", group)),
        204);
    ok(client.delete(groupBuilds(group), Docs.linkages("builds", b44)), 204);
    ok(
        client.delete(groupBuilds(group), Docs.linkages("builds", b44)),
        204); // not assigned: left alone
    refused(
        client.delete(groupBuilds(group), Docs.linkages("builds", "nope")), 404, "NOT_FOUND", null);
  }

  @Test
  void refusesBuildsTestersCannotHave() {
    String family = lookup.group("Friends & Family");
    String b40 = lookup.build("2.2", "40");
    String b45 = lookup.build("2.3", "45");
    String b46 = lookup.build("2.3", "46");
    SandboxTestClient.Reply processing =
        client.post(groupBuilds(family), Docs.linkages("builds", b46));
    refused(processing, 422, "ENTITY_UNPROCESSABLE", null);
    assertThat(detail(processing)).contains("2.3 (46)").contains("PROCESSING");
    assertThat(detail(client.post(groupBuilds(family), Docs.linkages("builds", b40))))
        .contains("expired");
    assertThat(detail(client.post(groupBuilds(family), Docs.linkages("builds", b45))))
        .contains("export compliance");
    answerExportCompliance(b45);
    SandboxTestClient.Reply unreviewed =
        client.post(groupBuilds(family), Docs.linkages("builds", b45));
    refused(unreviewed, 422, "ENTITY_UNPROCESSABLE", null);
    assertThat(detail(unreviewed)).contains("has not been approved for external testing");

    SandboxTestClient.Reply allBuilds =
        client.post(groupBuilds(lookup.group("QA")), Docs.linkages("builds", b45));
    refused(allBuilds, 422, "ENTITY_UNPROCESSABLE", null);
    assertThat(detail(allBuilds)).contains("builds are added automatically");
    // an internal group without access to all builds takes a build that was never reviewed
    String devs = createGroup(Docs.WEATHER, "Devs", "\"isInternalGroup\":true");
    ok(client.post(groupBuilds(devs), Docs.linkages("builds", b45)), 204);

    // nothing of a refused batch is applied
    SandboxTestClient.Reply batch =
        client.post(groupBuilds(devs), Docs.linkages("builds", lookup.build("2.3", "44"), b46));
    assertThat(batch.status()).isEqualTo(422);
    assertThat(client.get(groupBuilds(devs)).ids()).containsExactly(b45);

    // approval by Beta App Review makes the build available to external groups
    server.admin().setReviewState("com.example.weather", "2.3", "45", "APPROVED");
    ok(client.post(groupBuilds(family), Docs.linkages("builds", b45)), 204);
  }

  @Test
  void refusesABuildOfAnotherAppAndInternalOnlyBuildsForExternalTesters() throws Exception {
    server.close();
    server =
        SandboxServer.start(
            SandboxOptions.defaults().withClock(clock).withSeedFile(seed("review-seed.json")));
    client = new SandboxTestClient(server, clock);
    String internalOnly = client.get(q("/v1/builds?filter[version]=3")).ids().get(0);
    String tv = client.get(q("/v1/builds?filter[version]=5")).ids().get(0);
    server.admin().setReviewState("org.example.review", "1.0", "3", "APPROVED");
    String pub = client.get(q("/v1/betaGroups?filter[name]=Public")).ids().get(0);
    String team = client.get(q("/v1/betaGroups?filter[name]=Team")).ids().get(0);
    SandboxTestClient.Reply external =
        client.post(groupBuilds(pub), Docs.linkages("builds", internalOnly));
    refused(external, 422, "ENTITY_UNPROCESSABLE", null);
    assertThat(detail(external)).contains("internal testing only");
    ok(client.post(groupBuilds(team), Docs.linkages("builds", internalOnly)), 204);
    ok(client.post(groupBuilds(pub), Docs.linkages("builds", tv)), 204);

    server.close();
    server = SandboxServer.start(options());
    client = new SandboxTestClient(server, clock);
    lookup = new Lookups(client);
    String notesQa = createGroup(Docs.NOTES, "Notes QA", "\"isInternalGroup\":true");
    refused(
        client.post(groupBuilds(notesQa), Docs.linkages("builds", lookup.build("2.3", "44"))),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/0/id");
  }

  @Test
  void givesABuildToTestersIndividually() {
    String b44 = lookup.build("2.3", "44");
    String testers = "/v1/builds/" + b44 + "/relationships/individualTesters";
    String bob =
        createTester(
            "bob@example.com", createGroup(Docs.NOTES, "Notes QA", "\"isInternalGroup\":true"));
    assertThat(
            client
                .get("/v1/betaTesters/" + bob)
                .json()
                .path("data")
                .path("attributes")
                .path("state")
                .asText())
        .isEqualTo("NOT_INVITED");
    ok(client.post(testers, Docs.linkages("betaTesters", bob)), 204);
    assertThat(client.get(testers).ids()).containsExactly(bob);
    assertThat(
            client.get("/v1/builds/" + b44 + "/individualTesters").json().findValuesAsText("email"))
        .containsExactly("bob@example.com");
    assertThat(client.get("/v1/betaTesters/" + bob + "/relationships/builds").ids())
        .containsExactly(b44);
    assertThat(client.get(q("/v1/betaTesters?filter[builds]=" + b44)).ids()).containsExactly(bob);
    assertThat(client.get(q("/v1/betaTesters?filter[apps]=" + Docs.WEATHER)).ids()).contains(bob);
    assertThat(
            client
                .get("/v1/betaTesters/" + bob + q("?include=builds"))
                .json()
                .path("included")
                .findValuesAsText("version"))
        .containsExactly("44");
    assertThat(
            client
                .get("/v1/betaTesters/" + bob)
                .json()
                .path("data")
                .path("attributes")
                .path("state")
                .asText())
        .isEqualTo("INVITED");

    refused(
        client.post(testers, Docs.linkages("betaTesters", bob)),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/0/id");
    refused(client.post(testers, Docs.linkages("betaTesters", "nobody")), 404, "NOT_FOUND", null);
    refused(
        client.post(
            "/v1/builds/" + lookup.build("2.3", "46") + "/relationships/individualTesters",
            Docs.linkages("betaTesters", bob)),
        422,
        "ENTITY_UNPROCESSABLE",
        null);

    // leaving the app takes the build too
    ok(
        client.delete(
            "/v1/apps/" + Docs.WEATHER + "/relationships/betaTesters",
            Docs.linkages("betaTesters", bob)),
        204);
    assertThat(client.get(testers).ids()).isEmpty();
    ok(client.post(testers, Docs.linkages("betaTesters", bob)), 204);
    ok(client.delete(testers, Docs.linkages("betaTesters", bob)), 204);
    assertThat(client.get(testers).ids()).isEmpty();
  }

  @Test
  void createsATesterWithABuildAndForgetsDeletedTestersAndGroups() {
    String b44 = lookup.build("2.3", "44");
    SandboxTestClient.Reply created =
        client.post(
            "/v1/betaTesters",
            Docs.create(
                "betaTesters",
                "\"email\":\"solo@example.com\"",
                Docs.toMany("builds", "builds", b44)));
    ok(created, 201);
    String solo = created.json().path("data").path("id").asText();
    assertThat(client.get("/v1/builds/" + b44 + "/relationships/individualTesters").ids())
        .containsExactly(solo);
    refused(
        client.post(
            "/v1/betaTesters",
            Docs.create(
                "betaTesters",
                "\"email\":\"x@example.com\"",
                Docs.toMany("builds", "builds", lookup.build("2.3", "46")))),
        422,
        "ENTITY_UNPROCESSABLE",
        null);
    refused(
        client.post(
            "/v1/betaTesters",
            Docs.create(
                "betaTesters",
                "\"email\":\"x@example.com\"",
                Docs.toMany("builds", "builds", "nope"))),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/builds/data/0/id");

    ok(client.delete("/v1/betaTesters/" + solo, null), 204);
    assertThat(client.get("/v1/builds/" + b44 + "/relationships/individualTesters").ids())
        .isEmpty();
    String oldBeta = lookup.group("Old Beta");
    ok(client.delete("/v1/betaGroups/" + oldBeta, null), 204);
    assertThat(client.get(q("/v1/betaGroups?filter[builds]=" + b44)).ids())
        .containsExactly(lookup.group("Friends & Family"));
    assertThat(client.get("/v1/betaGroups/" + oldBeta + "/betaRecruitmentCriteria").status())
        .isEqualTo(404);
  }

  @Test
  void createsAGroupWithBuilds() {
    String b44 = lookup.build("2.3", "44");
    SandboxTestClient.Reply created =
        client.post(
            "/v1/betaGroups",
            Docs.groupWithBuilds(Docs.WEATHER, "Launch", "\"publicLinkEnabled\":true", b44));
    ok(created, 201);
    String id = created.json().path("data").path("id").asText();
    assertThat(client.get(groupBuilds(id)).ids()).containsExactly(b44);
    refused(
        client.post(
            "/v1/betaGroups",
            Docs.groupWithBuilds(Docs.WEATHER, "Late", "", lookup.build("2.3", "46"))),
        422,
        "ENTITY_UNPROCESSABLE",
        null);
    refused(
        client.post("/v1/betaGroups", Docs.groupWithBuilds(Docs.WEATHER, "Lost", "", "nope")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/builds/data/0/id");
    assertThat(client.get(q("/v1/betaGroups?filter[name]=Late,Lost")).ids()).isEmpty();
  }
}
