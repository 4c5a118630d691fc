package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

/** An app's test information: localizations, license agreement and review detail. */
@IntegrationTest
class TestInformationTest extends SandboxTestBase {
  private static final String LOCALIZATIONS = "/v1/betaAppLocalizations";

  private static String localization(String attributes) {
    return Docs.create("betaAppLocalizations", attributes, Docs.toOne("app", "apps", Docs.WEATHER));
  }

  @Test
  void readsTheSeededTestInformation() {
    JsonNode l =
        client.get("/v1/apps/" + Docs.WEATHER + "/betaAppLocalizations").json().path("data");
    assertThat(l).hasSize(1);
    assertThat(l.path(0).path("attributes").toString())
        .isEqualTo(
            "{\"feedbackEmail\":\"beta@example.com\",\"description\":\"Weather Radar beta\",\"locale\":\"en-US\"}");
    assertThat(
            client
                .get(q(LOCALIZATIONS + "?filter[app]=" + Docs.WEATHER + "&filter[locale]=en-US"))
                .ids())
        .containsExactly(l.path(0).path("id").asText());
    assertThat(client.get(q(LOCALIZATIONS + "?filter[app]=" + Docs.NOTES)).ids()).isEmpty();

    JsonNode license =
        client.get("/v1/apps/" + Docs.WEATHER + "/betaLicenseAgreement").json().path("data");
    assertThat(license.path("attributes").path("agreementText").asText())
        .isEqualTo("Old agreement text.");
    assertThat(
            client
                .get(q("/v1/betaLicenseAgreements?filter[app]=" + Docs.NOTES))
                .json()
                .path("data")
                .path(0)
                .path("attributes")
                .has("agreementText"))
        .isFalse();
    assertThat(client.get("/v1/betaLicenseAgreements").ids()).hasSize(2);

    JsonNode detail =
        client.get("/v1/apps/" + Docs.WEATHER + "/betaAppReviewDetail").json().path("data");
    assertThat(detail.path("attributes").toString())
        .isEqualTo(
            "{\"contactFirstName\":\"Jo\",\"contactLastName\":"
                + "\"Lee\",\"contactEmail\":\"qa@example.com\",\"demoAccountRequired\":false}");
    assertThat(
            client
                .get(q("/v1/betaAppReviewDetails?filter[app]=" + Docs.WEATHER + "&include=app"))
                .json()
                .path("included")
                .path(0)
                .path("id")
                .asText())
        .isEqualTo(Docs.WEATHER);
    SandboxTestClient.Reply unfiltered = client.get("/v1/betaAppReviewDetails");
    refused(unfiltered, 400, "PARAMETER_ERROR.REQUIRED", null);
    assertThat(unfiltered.json().path("errors").path(0).path("source").path("parameter").asText())
        .isEqualTo("filter[app]");
  }

  @Test
  void createsUpdatesAndDeletesLocalizations() {
    SandboxTestClient.Reply created =
        client.post(
            LOCALIZATIONS,
            localization(
                "\"locale\":\"de-DE\","
                    + "\"description\":\"Wetterradar\",\"feedbackEmail\":\"beta@example.de\","
                    + "\"marketingUrl\":\"https://example.de\",\"privacyPolicyUrl\":\"http://example.de/privacy\","
                    + "\"tvOsPrivacyPolicy\":\"Nichts.\""));
    ok(created, 201);
    String id = created.json().path("data").path("id").asText();
    assertThat(created.header("Location")).endsWith(LOCALIZATIONS + "/" + id);
    refused(
        client.post(LOCALIZATIONS, localization("\"locale\":\"de-DE\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/locale");
    refused(
        client.post(LOCALIZATIONS, localization("\"description\":\"x\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.REQUIRED",
        "/data/attributes/locale");
    refused(
        client.post(LOCALIZATIONS, localization("\"locale\":\"de_DE\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/locale");
    refused(
        client.post(LOCALIZATIONS, Docs.create("betaAppLocalizations", "\"locale\":\"fr-FR\"", "")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.REQUIRED",
        "/data/relationships/app");

    SandboxTestClient.Reply updated =
        client.patch(
            LOCALIZATIONS + "/" + id,
            Docs.update(
                "betaAppLocalizations", id, "\"description\":\"Neu\",\"marketingUrl\":null"));
    ok(updated, 200);
    JsonNode a = updated.json().path("data").path("attributes");
    assertThat(a.path("description").asText()).isEqualTo("Neu");
    assertThat(a.has("marketingUrl")).as("null clears").isFalse();
    assertThat(a.path("feedbackEmail").asText()).as("absent keeps").isEqualTo("beta@example.de");
    refused(
        client.patch(
            LOCALIZATIONS + "/" + id,
            Docs.update("betaAppLocalizations", id, "\"locale\":\"fr-FR\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.UNKNOWN",
        "/data/attributes/locale");
    ok(client.delete(LOCALIZATIONS + "/" + id, null), 204);
    refused(client.get(LOCALIZATIONS + "/" + id), 404, "NOT_FOUND", null);
  }

  @Test
  void checksTheValuesAsAppleDoes() {
    String en = client.get(q(LOCALIZATIONS + "?filter[locale]=en-US")).ids().get(0);
    String path = LOCALIZATIONS + "/" + en;
    ok(
        client.patch(
            path,
            Docs.update(
                "betaAppLocalizations", en, "\"description\":\"" + "x".repeat(4000) + "\"")),
        200);
    refused(
        client.patch(
            path,
            Docs.update(
                "betaAppLocalizations", en, "\"description\":\"" + "x".repeat(4001) + "\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/description");
    refused(
        client.patch(
            path,
            Docs.update("betaAppLocalizations", en, "\"feedbackEmail\":\"beta.example.com\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/feedbackEmail");
    refused(
        client.patch(
            path, Docs.update("betaAppLocalizations", en, "\"marketingUrl\":\"example.com\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/marketingUrl");
    refused(
        client.patch(
            path,
            Docs.update(
                "betaAppLocalizations", en, "\"privacyPolicyUrl\":\"mailto:x@example.com\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/privacyPolicyUrl");
    refused(
        client.patch(path, Docs.update("betaAppLocalizations", en, "\"description\":7")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.TYPE",
        "/data/attributes/description");
  }

  @Test
  void updatesTheLicenseAgreementAndTheReviewDetail() {
    String license = "/v1/betaLicenseAgreements/" + Docs.WEATHER;
    SandboxTestClient.Reply text =
        client.patch(
            license,
            Docs.update(
                "betaLicenseAgreements", Docs.WEATHER, "\"agreementText\":\"New agreement.\""));
    ok(text, 200);
    assertThat(
            client
                .get(license + "?include=app")
                .json()
                .path("data")
                .path("attributes")
                .path("agreementText")
                .asText())
        .isEqualTo("New agreement.");
    refused(
        client.patch(license, Docs.update("betaLicenseAgreements", "x", "\"agreementText\":\"x\"")),
        409,
        "ENTITY_ERROR.ID.INVALID",
        "/data/id");

    String detail = "/v1/betaAppReviewDetails/" + Docs.WEATHER;
    SandboxTestClient.Reply updated =
        client.patch(
            detail,
            Docs.update(
                "betaAppReviewDetails",
                Docs.WEATHER,
                "\"contactPhone\":\"+1 555 0100\",\"demoAccountRequired\":true,\"demoAccountName\":\"demo\","
                    + "\"demoAccountPassword\":\"s3cret\",\"notes\":\"Log in with the demo account.\""));
    ok(updated, 200);
    JsonNode a = client.get(detail).json().path("data").path("attributes");
    assertThat(a.path("demoAccountPassword").asText())
        .as("returned, as the schema lists it")
        .isEqualTo("s3cret");
    assertThat(a.path("contactEmail").asText()).isEqualTo("qa@example.com");
    refused(
        client.patch(
            detail, Docs.update("betaAppReviewDetails", Docs.WEATHER, "\"contactEmail\":\"qa\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/contactEmail");
    refused(
        client.patch(
            detail,
            Docs.update(
                "betaAppReviewDetails", Docs.WEATHER, "\"notes\":\"" + "n".repeat(4001) + "\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/notes");
    refused(
        client.patch(
            detail,
            Docs.update("betaAppReviewDetails", Docs.WEATHER, "\"demoAccountRequired\":\"yes\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.TYPE",
        "/data/attributes/demoAccountRequired");
  }

  @Test
  void neverPrintsTheDemoPassword() {
    ReviewDetail detail =
        new ReviewDetail(
            "1", "1", "qa@example.com", "Jo", "Lee", null, "demo", "s3cret", true, null);
    assertThat(detail.toString()).doesNotContain("s3cret").contains("demoAccountPassword=***");
  }
}
