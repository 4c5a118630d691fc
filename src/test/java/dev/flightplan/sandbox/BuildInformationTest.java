package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A build's "What to Test", its beta details and their derived states, and manual notifications.
 */
@IntegrationTest
class BuildInformationTest extends SandboxTestBase {
  private static final String LOCALIZATIONS = "/v1/betaBuildLocalizations";

  private String states(String buildId) {
    JsonNode a =
        client
            .get("/v1/builds/" + buildId + "/buildBetaDetail")
            .json()
            .path("data")
            .path("attributes");
    return a.path("autoNotifyEnabled")
        + " "
        + a.path("internalBuildState").asText()
        + " "
        + a.path("externalBuildState").asText();
  }

  @Test
  void derivesTheBetaStatesOfTheSeededBuilds() {
    assertThat(states(lookup.build("2.2", "40"))).isEqualTo("false EXPIRED EXPIRED");
    assertThat(states(lookup.build("2.3", "44"))).isEqualTo("true IN_BETA_TESTING IN_BETA_TESTING");
    String b45 = lookup.build("2.3", "45");
    assertThat(states(b45)).isEqualTo("false MISSING_EXPORT_COMPLIANCE MISSING_EXPORT_COMPLIANCE");
    assertThat(states(lookup.build("2.3", "46"))).isEqualTo("false PROCESSING PROCESSING");
    client.patch(
        "/v1/builds/" + b45, Docs.update("builds", b45, "\"usesNonExemptEncryption\":false"));
    assertThat(states(b45)).isEqualTo("false IN_BETA_TESTING READY_FOR_BETA_SUBMISSION");
    server.admin().setReviewState("com.example.weather", "2.3", "45", "IN_REVIEW");
    assertThat(states(b45)).endsWith("IN_BETA_REVIEW");
    server.admin().setReviewState("com.example.weather", "2.3", "45", "REJECTED");
    assertThat(states(b45)).endsWith("BETA_REJECTED");
    server.admin().setReviewState("com.example.weather", "2.3", "45", "APPROVED");
    assertThat(states(b45)).endsWith("BETA_APPROVED");

    JsonNode list =
        client.get(q("/v1/buildBetaDetails?filter[build]=" + b45 + "&include=build")).json();
    assertThat(list.path("data")).hasSize(1);
    assertThat(list.path("data").path(0).path("id").asText())
        .as("beta details share the build's id")
        .isEqualTo(b45);
    assertThat(list.path("included").path(0).path("attributes").path("version").asText())
        .isEqualTo("45");
  }

  @Test
  void switchesAutoNotifyAndNotifiesByHandOnlyWhenItIsOff() {
    String b44 = lookup.build("2.3", "44");
    String b45 = lookup.build("2.3", "45");
    String notify = Docs.create("buildBetaNotifications", "", Docs.toOne("build", "builds", b44));
    SandboxTestClient.Reply auto = client.post("/v1/buildBetaNotifications", notify);
    refused(auto, 409, "STATE_ERROR.ENTITY_STATE_INVALID", null);
    assertThat(detail(auto)).isEqualTo("Auto-notify already enabled");

    SandboxTestClient.Reply off =
        client.patch(
            "/v1/buildBetaDetails/" + b44,
            Docs.update("buildBetaDetails", b44, "\"autoNotifyEnabled\":false"));
    ok(off, 200);
    assertThat(off.json().path("data").path("attributes").path("autoNotifyEnabled").asBoolean())
        .isFalse();
    SandboxTestClient.Reply sent = client.post("/v1/buildBetaNotifications", notify);
    ok(sent, 201);
    assertThat(sent.json().path("data").path("type").asText()).isEqualTo("buildBetaNotifications");
    ok(client.post("/v1/buildBetaNotifications", notify), 201);
    ok(client.post("/v1/buildBetaNotifications", notify.replace(b44, b45)), 201);
    assertThat(server.admin().notificationsSent()).isEqualTo(Map.of("2.3 (44)", 2, "2.3 (45)", 1));

    refused(
        client.post("/v1/buildBetaNotifications", notify.replace(b44, lookup.build("2.3", "46"))),
        409,
        "STATE_ERROR.ENTITY_STATE_INVALID",
        null);
    refused(
        client.post("/v1/buildBetaNotifications", notify.replace(b44, "nope")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/build/data/id");
    refused(
        client.post(
            "/v1/buildBetaNotifications",
            Docs.create("buildBetaNotifications", "\"x\":1", Docs.toOne("build", "builds", b45))),
        409,
        "ENTITY_ERROR.ATTRIBUTE.UNKNOWN",
        "/data/attributes");
    String b40 = lookup.build("2.2", "40");
    refused(
        client.patch(
            "/v1/buildBetaDetails/" + b40,
            Docs.update("buildBetaDetails", b40, "\"autoNotifyEnabled\":true")),
        409,
        "STATE_ERROR.ENTITY_STATE_INVALID",
        null);
  }

  @Test
  void keepsOneWhatToTestPerLocale() {
    String b44 = lookup.build("2.3", "44");
    JsonNode seeded =
        client.get("/v1/builds/" + b44 + "/betaBuildLocalizations").json().path("data");
    assertThat(seeded).hasSize(1);
    assertThat(seeded.path(0).path("attributes").path("whatsNew").asText())
        .isEqualTo("Bug fixes and a faster radar.");

    String body =
        Docs.create(
            "betaBuildLocalizations",
            "\"locale\":\"de-DE\",\"whatsNew\":\"Schnelleres Radar\"",
            Docs.toOne("build", "builds", b44));
    SandboxTestClient.Reply created = client.post(LOCALIZATIONS, body);
    ok(created, 201);
    String id = created.json().path("data").path("id").asText();
    refused(
        client.post(LOCALIZATIONS, body),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/locale");
    refused(
        client.post(
            LOCALIZATIONS,
            body.replace("de-DE", "fr-FR").replace("Schnelleres Radar", "x".repeat(4001))),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/whatsNew");
    refused(
        client.post(LOCALIZATIONS, body.replace(b44, "nope")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/build/data/id");
    assertThat(
            client.get(q(LOCALIZATIONS + "?filter[build]=" + b44 + "&filter[locale]=de-DE")).ids())
        .containsExactly(id);
    ok(
        client.patch(
            LOCALIZATIONS + "/" + id,
            Docs.update("betaBuildLocalizations", id, "\"whatsNew\":\"Neu\"")),
        200);
    assertThat(
            client
                .get(LOCALIZATIONS + "/" + id)
                .json()
                .path("data")
                .path("attributes")
                .path("whatsNew")
                .asText())
        .isEqualTo("Neu");
    refused(
        client.patch(
            LOCALIZATIONS + "/" + id,
            Docs.update("betaBuildLocalizations", id, "\"locale\":\"de-AT\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.UNKNOWN",
        "/data/attributes/locale");
    ok(client.delete(LOCALIZATIONS + "/" + id, null), 204);
    assertThat(client.get("/v1/builds/" + b44 + "/betaBuildLocalizations").ids()).hasSize(1);
  }
}
