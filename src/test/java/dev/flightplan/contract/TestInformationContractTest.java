package dev.flightplan.contract;

import dev.flightplan.sandbox.Docs;
import dev.flightplan.sandbox.SandboxTestClient;
import dev.flightplan.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives the test information endpoints (app and build localizations, license agreement, review
 * detail, build beta details), review submissions, notifications and invitations, and checks each
 * exchange against Apple's OpenAPI document.
 */
@IntegrationTest
class TestInformationContractTest extends ContractTestBase {
  private static final List<String> ENDPOINTS =
      List.of(
          "GET /v1/betaAppLocalizations",
          "GET /v1/apps/{id}/betaAppLocalizations",
          "GET /v1/betaAppLocalizations/{id}",
          "POST /v1/betaAppLocalizations",
          "PATCH /v1/betaAppLocalizations/{id}",
          "DELETE /v1/betaAppLocalizations/{id}",
          "GET /v1/apps/{id}/betaLicenseAgreement",
          "GET /v1/betaLicenseAgreements",
          "GET /v1/betaLicenseAgreements/{id}",
          "PATCH /v1/betaLicenseAgreements/{id}",
          "GET /v1/apps/{id}/betaAppReviewDetail",
          "GET /v1/betaAppReviewDetails",
          "GET /v1/betaAppReviewDetails/{id}",
          "PATCH /v1/betaAppReviewDetails/{id}",
          "GET /v1/betaBuildLocalizations",
          "GET /v1/builds/{id}/betaBuildLocalizations",
          "GET /v1/betaBuildLocalizations/{id}",
          "POST /v1/betaBuildLocalizations",
          "PATCH /v1/betaBuildLocalizations/{id}",
          "DELETE /v1/betaBuildLocalizations/{id}",
          "GET /v1/builds/{id}/buildBetaDetail",
          "GET /v1/buildBetaDetails",
          "GET /v1/buildBetaDetails/{id}",
          "PATCH /v1/buildBetaDetails/{id}",
          "POST /v1/buildBetaNotifications",
          "GET /v1/betaAppReviewSubmissions",
          "GET /v1/builds/{id}/betaAppReviewSubmission",
          "GET /v1/betaAppReviewSubmissions/{id}",
          "POST /v1/betaAppReviewSubmissions",
          "POST /v1/betaTesterInvitations");

  @Override
  protected List<String> endpoints() {
    return ENDPOINTS;
  }

  @Test
  void appLocalizations() {
    status(
        client.get(
            q(
                "/v1/betaAppLocalizations?filter[app]="
                    + Docs.WEATHER
                    + "&filter[locale]=en-US"
                    + "&include=app&fields[betaAppLocalizations]=locale,description,app&fields[apps]=bundleId&limit=1")),
        200);
    status(
        client.get(
            "/v1/apps/"
                + Docs.WEATHER
                + q("/betaAppLocalizations?fields[betaAppLocalizations]=locale")),
        200);
    String body =
        Docs.create(
            "betaAppLocalizations",
            "\"locale\":\"de-DE\",\"description\":\"Wetter\","
                + "\"feedbackEmail\":\"beta@example.com\",\"marketingUrl\":\"https://example.com\"",
            Docs.toOne("app", "apps", Docs.WEATHER));
    SandboxTestClient.Reply created = client.post("/v1/betaAppLocalizations", body);
    status(created, 201);
    String id = id(created);
    status(client.post("/v1/betaAppLocalizations", body), 409);
    status(
        client.post(
            "/v1/betaAppLocalizations",
            body.replace("de-DE", "fr-FR").replace("beta@", "beta-at-")),
        409);
    status(client.get("/v1/betaAppLocalizations/" + id + "?include=app"), 200);
    status(
        client.patch(
            "/v1/betaAppLocalizations/" + id,
            Docs.update(
                "betaAppLocalizations",
                id,
                "\"description\":\"Neu\",\"privacyPolicyUrl\":\"https://example.com/p\",\"marketingUrl\":null")),
        200);
    status(
        client.patch(
            "/v1/betaAppLocalizations/" + id,
            Docs.update("betaAppLocalizations", id, "\"locale\":\"fr-FR\"")),
        409);
    status(
        client.patch(
            "/v1/betaAppLocalizations/" + id,
            Docs.update("betaAppLocalizations", id, "\"privacyPolicyUrl\":\"ftp://example.com\"")),
        409);
    status(client.delete("/v1/betaAppLocalizations/" + id, null), 204);
    status(client.delete("/v1/betaAppLocalizations/" + id, null), 404);
    status(client.get("/v1/apps/9/betaAppLocalizations"), 404);
  }

  @Test
  void licenseAgreementAndReviewDetail() {
    status(
        client.get(
            "/v1/apps/"
                + Docs.WEATHER
                + q("/betaLicenseAgreement?fields[betaLicenseAgreements]=" + "agreementText")),
        200);
    SandboxTestClient.Reply licenses =
        client.get(
            q(
                "/v1/betaLicenseAgreements?filter[app]="
                    + Docs.WEATHER
                    + "&include=app&fields[apps]=name"));
    status(licenses, 200);
    String license = licenses.json().path("data").path(0).path("id").asText();
    status(client.get("/v1/betaLicenseAgreements/" + license + "?include=app"), 200);
    status(
        client.patch(
            "/v1/betaLicenseAgreements/" + license,
            Docs.update("betaLicenseAgreements", license, "\"agreementText\":\"New text.\"")),
        200);
    status(
        client.patch(
            "/v1/betaLicenseAgreements/" + license,
            Docs.update("betaLicenseAgreements", license, "\"text\":\"x\"")),
        409);

    status(client.get("/v1/apps/" + Docs.WEATHER + "/betaAppReviewDetail"), 200);
    SandboxTestClient.Reply details =
        client.get(
            q(
                "/v1/betaAppReviewDetails?filter[app]="
                    + Docs.WEATHER
                    + "&include=app&fields[betaAppReviewDetails]=contactEmail,app"));
    status(details, 200);
    String detail = details.json().path("data").path(0).path("id").asText();
    status(
        client.get("/v1/betaAppReviewDetails/" + detail + q("?include=app&fields[apps]=bundleId")),
        200);
    status(client.get("/v1/betaAppReviewDetails"), 400);
    status(
        client.patch(
            "/v1/betaAppReviewDetails/" + detail,
            Docs.update(
                "betaAppReviewDetails",
                detail,
                "\"contactPhone\":\"+1 555 0100\",\"demoAccountRequired\":true,\"demoAccountName\":\"demo\","
                    + "\"demoAccountPassword\":\"s3cret\",\"notes\":\"Use the demo account.\"")),
        200);
    status(
        client.patch(
            "/v1/betaAppReviewDetails/" + detail,
            Docs.update("betaAppReviewDetails", detail, "\"contactEmail\":\"nope\"")),
        409);
    status(client.get("/v1/betaAppReviewDetails/nope"), 404);
  }

  @Test
  void buildLocalizationsAndDetails() {
    String b45 = lookup.build("2.3", "45");
    String b44 = lookup.build("2.3", "44");
    String body =
        Docs.create(
            "betaBuildLocalizations",
            "\"locale\":\"de-DE\",\"whatsNew\":\"Neues Radar\"",
            Docs.toOne("build", "builds", b45));
    SandboxTestClient.Reply created = client.post("/v1/betaBuildLocalizations", body);
    status(created, 201);
    String id = id(created);
    status(client.post("/v1/betaBuildLocalizations", body), 409);
    status(
        client.get(
            q(
                "/v1/betaBuildLocalizations?filter[build]="
                    + b45
                    + "&filter[locale]=de-DE&include=build"
                    + "&fields[betaBuildLocalizations]=whatsNew,build&fields[builds]=version")),
        200);
    status(
        client.get(
            "/v1/builds/"
                + b44
                + q("/betaBuildLocalizations?fields[betaBuildLocalizations]=locale")),
        200);
    status(client.get("/v1/betaBuildLocalizations/" + id + "?include=build"), 200);
    status(
        client.patch(
            "/v1/betaBuildLocalizations/" + id,
            Docs.update("betaBuildLocalizations", id, "\"whatsNew\":\"Noch neuer\"")),
        200);
    status(
        client.patch(
            "/v1/betaBuildLocalizations/" + id,
            Docs.update("betaBuildLocalizations", id, "\"locale\":\"fr-FR\"")),
        409);
    status(client.delete("/v1/betaBuildLocalizations/" + id, null), 204);
    status(client.delete("/v1/betaBuildLocalizations/" + id, null), 404);

    status(
        client.get(
            "/v1/builds/"
                + b44
                + q(
                    "/buildBetaDetail?include=build&fields[buildBetaDetails]="
                        + "autoNotifyEnabled,externalBuildState,build&fields[builds]=version")),
        200);
    status(
        client.get(
            q("/v1/buildBetaDetails?filter[build]=" + b44 + "," + b45 + "&include=build&limit=1")),
        200);
    status(client.get("/v1/buildBetaDetails/" + b45), 200);
    status(
        client.patch(
            "/v1/buildBetaDetails/" + b45,
            Docs.update("buildBetaDetails", b45, "\"autoNotifyEnabled\":false")),
        200);
    status(
        client.patch(
            "/v1/buildBetaDetails/" + b45,
            Docs.update("buildBetaDetails", b45, "\"externalBuildState\":\"IN_BETA_TESTING\"")),
        409);
    status(client.get("/v1/buildBetaDetails/nope"), 404);
  }

  @Test
  void notificationsSubmissionsAndInvitations() {
    String b44 = lookup.build("2.3", "44");
    String b45 = lookup.build("2.3", "45");
    String notification =
        Docs.create("buildBetaNotifications", "", Docs.toOne("build", "builds", b44));
    status(client.post("/v1/buildBetaNotifications", notification), 409);
    status(client.post("/v1/buildBetaNotifications", notification.replace(b44, b45)), 201);
    status(client.post("/v1/buildBetaNotifications", notification.replace(b44, "nope")), 409);

    status(
        client.get(
            q(
                "/v1/betaAppReviewSubmissions?filter[build]="
                    + b44
                    + "&filter[betaReviewState]=APPROVED"
                    + "&include=build&fields[betaAppReviewSubmissions]=betaReviewState,build&fields[builds]=version")),
        200);
    status(client.get("/v1/betaAppReviewSubmissions"), 400);
    SandboxTestClient.Reply submission =
        client.get(
            "/v1/builds/"
                + b44
                + q(
                    "/betaAppReviewSubmission?fields[betaAppReviewSubmissions]=betaReviewState,submittedDate"));
    status(submission, 200);
    status(client.get("/v1/betaAppReviewSubmissions/" + id(submission) + "?include=build"), 200);
    status(client.get("/v1/builds/" + b45 + "/betaAppReviewSubmission"), 404);
    String submit = Docs.create("betaAppReviewSubmissions", "", Docs.toOne("build", "builds", b44));
    status(client.post("/v1/betaAppReviewSubmissions", submit), 409);
    status(client.post("/v1/betaAppReviewSubmissions", submit.replace(b44, "nope")), 409);
    // Everything a submission needs, then the submission itself.
    client.patch(
        "/v1/builds/" + b45, Docs.update("builds", b45, "\"usesNonExemptEncryption\":false"));
    client.patch(
        "/v1/betaAppReviewDetails/" + Docs.WEATHER,
        Docs.update(
            "betaAppReviewDetails",
            Docs.WEATHER,
            "\"contactPhone\":\"+1 555 0100\",\"demoAccountRequired\":false"));
    client.post(
        "/v1/betaBuildLocalizations",
        Docs.create(
            "betaBuildLocalizations",
            "\"locale\":\"en-US\",\"whatsNew\":\"Try the new radar.\"",
            Docs.toOne("build", "builds", b45)));
    status(client.post("/v1/betaAppReviewSubmissions", submit.replace(b44, b45)), 201);

    String carol = lookup.tester("carol@example.com");
    String invite =
        Docs.create(
            "betaTesterInvitations",
            "",
            Docs.toOne("app", "apps", Docs.WEATHER)
                + ","
                + Docs.toOne("betaTester", "betaTesters", carol));
    status(client.post("/v1/betaTesterInvitations", invite), 201);
    status(client.post("/v1/betaTesterInvitations", invite.replace(Docs.WEATHER, Docs.NOTES)), 409);
    status(
        client.post(
            "/v1/betaTesterInvitations",
            Docs.create("betaTesterInvitations", "", Docs.toOne("app", "apps", Docs.WEATHER))),
        409);
  }
}
