package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Beta App Review submissions, what reviewers do (the admin API), and tester invitations. */
@IntegrationTest
class ReviewTest extends SandboxTestBase {
  private static final String SUBMISSIONS = "/v1/betaAppReviewSubmissions";

  private static String submission(String buildId) {
    return Docs.create("betaAppReviewSubmissions", "", Docs.toOne("build", "builds", buildId));
  }

  private SandboxTestClient.Reply submit(String buildId) {
    return client.post(SUBMISSIONS, submission(buildId));
  }

  private void refusedFor(String buildId, String code, String text) {
    SandboxTestClient.Reply reply = submit(buildId);
    refused(reply, 409, code, null);
    assertThat(reply.json().path("errors").path(0).path("title").asText() + " " + detail(reply))
        .contains(text);
  }

  @Test
  void refusesASubmissionUntilTheBuildAndItsTestInformationAreComplete() {
    String b44 = lookup.build("2.3", "44");
    String b45 = lookup.build("2.3", "45");
    refusedFor(b44, "STATE_ERROR.ENTITY_STATE_INVALID", "already been submitted");
    refusedFor(lookup.build("2.3", "46"), "STATE_ERROR.ENTITY_STATE_INVALID", "PROCESSING");
    refusedFor(b45, "STATE_ERROR.ENTITY_STATE_INVALID", "export compliance");
    client.patch(
        "/v1/builds/" + b45, Docs.update("builds", b45, "\"usesNonExemptEncryption\":true"));
    refusedFor(
        b45, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "Beta App Review contact information is missing.");
    String detail = "/v1/betaAppReviewDetails/" + Docs.WEATHER;
    client.patch(
        detail,
        Docs.update(
            "betaAppReviewDetails",
            Docs.WEATHER,
            "\"contactPhone\":\"+1 555 0100\",\"demoAccountRequired\":true,\"demoAccountName\":\"demo\""));
    refusedFor(b45, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "Demo account information is missing.");
    client.patch(
        detail,
        Docs.update("betaAppReviewDetails", Docs.WEATHER, "\"demoAccountPassword\":\"s3cret\""));
    refusedFor(b45, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "What to Test is missing.");
    client.post(
        "/v1/betaBuildLocalizations",
        Docs.create(
            "betaBuildLocalizations",
            "\"locale\":\"en-US\",\"whatsNew\":\"Try the radar.\"",
            Docs.toOne("build", "builds", b45)));
    client.post(
        "/v1/betaAppLocalizations",
        Docs.create(
            "betaAppLocalizations",
            "\"locale\":\"fr-FR\"",
            Docs.toOne("app", "apps", Docs.WEATHER)));
    SandboxTestClient.Reply noDescription = submit(b45);
    refused(noDescription, 409, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", null);
    assertThat(
            noDescription.json().path("errors").path(0).path("title").asText()
                + " - "
                + detail(noDescription))
        .isEqualTo(
            "Beta App Description is missing. - Beta App Description is required to submit a build for"
                + " external testing.");
    String french = client.get(q("/v1/betaAppLocalizations?filter[locale]=fr-FR")).ids().get(0);
    client.patch(
        "/v1/betaAppLocalizations/" + french,
        Docs.update("betaAppLocalizations", french, "\"description\":\"Radar météo\""));

    clock.advance(java.time.Duration.ofMinutes(5));
    SandboxTestClient.Reply submitted = submit(b45);
    ok(submitted, 201);
    JsonNode a = submitted.json().path("data").path("attributes");
    assertThat(a.path("betaReviewState").asText()).isEqualTo("WAITING_FOR_REVIEW");
    assertThat(a.path("submittedDate").asText()).isEqualTo("2026-01-15T10:05:00Z");
    String id = submitted.json().path("data").path("id").asText();
    assertThat(
            client
                .get("/v1/builds/" + b45 + "/betaAppReviewSubmission")
                .json()
                .path("data")
                .path("id")
                .asText())
        .isEqualTo(id);
    assertThat(
            client
                .get(
                    q(
                        SUBMISSIONS
                            + "?filter[build]="
                            + b45
                            + ","
                            + b44
                            + "&filter[betaReviewState]="
                            + "WAITING_FOR_REVIEW"))
                .ids())
        .containsExactly(id);
    assertThat(
            client
                .get(SUBMISSIONS + "/" + id + "?include=build")
                .json()
                .path("included")
                .path(0)
                .path("id")
                .asText())
        .isEqualTo(b45);
    refused(client.get(SUBMISSIONS), 400, "PARAMETER_ERROR.REQUIRED", null);
    refused(
        client.get("/v1/builds/" + lookup.build("2.3", "46") + "/betaAppReviewSubmission"),
        404,
        "NOT_FOUND",
        null);
    refused(
        submit("nope"),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/build/data/id");
    refused(
        client.post(SUBMISSIONS, Docs.create("betaAppReviewSubmissions", "", "")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.REQUIRED",
        "/data/relationships/build");
  }

  @Test
  void letsOneBuildOfAVersionBeInReviewAtATime() throws Exception {
    server.close();
    server = SandboxServer.start(options().withSeedFile(seed("review-seed.json")));
    client = new SandboxTestClient(server, clock);
    String first = client.get(q("/v1/builds?filter[version]=1")).ids().get(0);
    String second = client.get(q("/v1/builds?filter[version]=2")).ids().get(0);
    ok(submit(first), 201);
    refusedFor(second, "STATE_ERROR.ENTITY_STATE_INVALID", "Another build is in review.");
    server.admin().setReviewState("org.example.review", "1.0", "1", "IN_REVIEW");
    refusedFor(second, "STATE_ERROR.ENTITY_STATE_INVALID", "Another build is in review.");
    server.admin().setReviewState("org.example.review", "1.0", "1", "APPROVED");
    ok(submit(second), 201);
    assertThat(
            client
                .get("/v1/builds/" + first + "/betaAppReviewSubmission")
                .json()
                .path("data")
                .path("attributes")
                .path("betaReviewState")
                .asText())
        .isEqualTo("APPROVED");

    refusedFor(
        client.get(q("/v1/builds?filter[version]=3")).ids().get(0),
        "STATE_ERROR.ENTITY_STATE_INVALID",
        "internal testing only");
    refusedFor(
        client.get(q("/v1/builds?filter[version]=4")).ids().get(0),
        "STATE_ERROR.ENTITY_STATE_INVALID",
        "expired");
  }

  @Test
  void theAdminApiActsOnRealBuildsOnly() {
    assertThatThrownBy(
            () -> server.admin().setReviewState("com.example.weather", "2.3", "99", "APPROVED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2.3 (99)");
    assertThatThrownBy(() -> server.admin().setReviewState("com.nowhere", "2.3", "44", "APPROVED"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> server.admin().setReviewState("com.example.weather", "2.3", "44", "DONE"))
        .isInstanceOf(IllegalArgumentException.class);
    server.admin().setReviewState("com.example.weather", "2.3", "45", "WAITING_FOR_REVIEW");
    assertThat(client.get(q(SUBMISSIONS + "?filter[build]=" + lookup.build("2.3", "45"))).ids())
        .hasSize(1);
  }

  @Test
  void invitesTestersOfTheAppAndCountsTheEmails() {
    String carol = lookup.tester("carol@example.com");
    String bob = createTester("bob@example.com", lookup.group("QA"));
    String invite =
        Docs.create(
            "betaTesterInvitations",
            "",
            Docs.toOne("app", "apps", Docs.WEATHER)
                + ","
                + Docs.toOne("betaTester", "betaTesters", bob));
    SandboxTestClient.Reply sent = client.post("/v1/betaTesterInvitations", invite);
    ok(sent, 201);
    assertThat(sent.json().path("data").path("type").asText()).isEqualTo("betaTesterInvitations");
    assertThat(
            client
                .get("/v1/betaTesters/" + bob)
                .json()
                .path("data")
                .path("attributes")
                .path("state")
                .asText())
        .isEqualTo("INVITED");
    ok(client.post("/v1/betaTesterInvitations", invite.replace(bob, carol)), 201);
    ok(client.post("/v1/betaTesterInvitations", invite.replace(bob, carol)), 201);
    assertThat(
            client
                .get("/v1/betaTesters/" + carol)
                .json()
                .path("data")
                .path("attributes")
                .path("state")
                .asText())
        .as("an installed tester stays installed")
        .isEqualTo("INSTALLED");
    assertThat(server.admin().invitationsSent())
        .isEqualTo(Map.of("bob@example.com", 1, "carol@example.com", 2));

    refused(
        client.post("/v1/betaTesterInvitations", invite.replace(Docs.WEATHER, Docs.NOTES)),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/betaTester/data/id");
    refused(
        client.post("/v1/betaTesterInvitations", invite.replace(bob, "nobody")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/betaTester/data/id");
    refused(
        client.post("/v1/betaTesterInvitations", invite.replace(Docs.WEATHER, "9")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/app/data/id");
    refused(
        client.post(
            "/v1/betaTesterInvitations",
            Docs.create("betaTesterInvitations", "", Docs.toOne("app", "apps", Docs.WEATHER))),
        409,
        "ENTITY_ERROR.RELATIONSHIP.REQUIRED",
        "/data/relationships/betaTester");
    assertThat(server.admin().invitationsSent()).hasSize(2);
  }
}
