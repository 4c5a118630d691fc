package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin clock and the other {@code /sandbox/} endpoints of a standalone sandbox, over HTTP:
 * moving time forward expires builds past their 90 days and moves dates and metric periods, while
 * the client's tokens (real time) stay good; reviewers' decisions and testers' states can be set;
 * the offset survives a restart.
 */
@IntegrationTest
class AdminClockTest extends SandboxTestBase {
  private JsonNode clockNow() {
    SandboxTestClient.Reply reply = client.get("/sandbox/clock");
    ok(reply, 200);
    return reply.json();
  }

  private SandboxTestClient.Reply advance(String by) {
    return client.post("/sandbox/clock", "{\"advance\":\"" + by + "\"}");
  }

  private JsonNode betaDetail(String build) {
    return client
        .get("/v1/builds/" + build + "/buildBetaDetail")
        .json()
        .path("data")
        .path("attributes");
  }

  @Test
  void movingTimeForwardExpiresBuildsPastTheirNinetyDays() {
    assertThat(clockNow().path("now").asText()).isEqualTo("2026-01-15T10:00:00Z");
    assertThat(clockNow().path("offset").asText()).isEqualTo("PT0S");
    String build44 = lookup.build("2.3", "44"); // uploaded 2026-10-20: expires 2027-01-18
    String build46 = lookup.build("2.3", "46"); // uploaded 2026-11-25: expires 2027-02-23
    assertThat(betaDetail(build44).path("internalBuildState").asText())
        .isEqualTo("IN_BETA_TESTING");

    ok(advance("P368D"), 200); // 2027-01-18T10:00Z: exactly 90 days after the upload
    assertThat(clockNow().path("now").asText()).isEqualTo("2027-01-18T10:00:00Z");
    assertThat(clockNow().path("offset").asText()).isEqualTo("PT8832H");
    // the same client, tokens minted on the real clock: still accepted
    JsonNode build = client.get("/v1/builds/" + build44).json().path("data").path("attributes");
    assertThat(build.path("expired").asBoolean()).isTrue();
    assertThat(betaDetail(build44).path("internalBuildState").asText()).isEqualTo("EXPIRED");
    assertThat(
            client
                .get("/v1/builds/" + build46)
                .json()
                .path("data")
                .path("attributes")
                .path("expired")
                .asBoolean())
        .isFalse();
    // what is created now is dated now
    String group = createGroup(Docs.NOTES, "Later", "\"isInternalGroup\":true");
    assertThat(
            client
                .get("/v1/betaGroups/" + group)
                .json()
                .path("data")
                .path("attributes")
                .path("createdDate")
                .asText())
        .startsWith("2027-01-18T10:00");
  }

  @Test
  void metricPeriodsFollowTheClock() {
    String path = "/v1/apps/" + Docs.WEATHER + "/metrics/betaTesterUsages?period=P7D";
    assertThat(
            client
                .get(path)
                .json()
                .path("data")
                .path(0)
                .path("dataPoints")
                .path(0)
                .path("values")
                .path("sessionCount")
                .asInt())
        .isEqualTo(4);
    ok(advance("P7D"), 200);
    JsonNode point = client.get(path).json().path("data").path(0).path("dataPoints").path(0);
    assertThat(point.path("values").path("sessionCount").asInt()).isZero();
    assertThat(point.path("end").asText()).isEqualTo("2026-01-23T00:00:00Z");
  }

  @Test
  void reviewersAndTestersActThroughTheAdminEndpoints() {
    String build45 = lookup.build("2.3", "45");
    ok(
        client.post("/sandbox/reviews", "{\"build\":\"" + build45 + "\",\"state\":\"REJECTED\"}"),
        200);
    assertThat(
            client
                .get("/v1/builds/" + build45 + "/betaAppReviewSubmission")
                .json()
                .path("data")
                .path("attributes")
                .path("betaReviewState")
                .asText())
        .isEqualTo("REJECTED");
    ok(
        client.post("/sandbox/testers", "{\"email\":\"frank@example.com\",\"state\":\"ACCEPTED\"}"),
        200);
    assertThat(
            client
                .get("/v1/betaTesters/" + testerId("frank@example.com"))
                .json()
                .path("data")
                .path("attributes")
                .path("state")
                .asText())
        .isEqualTo("ACCEPTED");

    refused(
        client.post("/sandbox/reviews", "{\"build\":\"nope\",\"state\":\"APPROVED\"}"),
        404,
        "NOT_FOUND",
        null);
    refused(
        client.post("/sandbox/reviews", "{\"build\":\"" + build45 + "\",\"state\":\"MAYBE\"}"),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/state");
    refused(
        client.post(
            "/sandbox/testers", "{\"email\":\"nobody@example.com\",\"state\":\"ACCEPTED\"}"),
        404,
        "NOT_FOUND",
        null);

    String usage =
        "/v1/apps/" + Docs.WEATHER + "/metrics/betaTesterUsages?groupBy=betaTesters&period=P7D";
    ok(
        client.post(
            "/sandbox/sessions",
            "{\"app\":\"com.example.weather\",\"email\":\"frank@example.com\",\"sessions\":3}"),
        200);
    assertThat(client.get(usage).json().toString()).contains("\"sessionCount\":3");
    // a tester by id, as for one without an email
    String frank = lookup.tester("frank@example.com");
    ok(
        client.post(
            "/sandbox/sessions",
            "{\"app\":\"com.example.weather\",\"tester\":\"" + frank + "\",\"sessions\":2}"),
        200);
    assertThat(client.get(usage).json().toString()).contains("\"sessionCount\":5");
    refused(
        client.post(
            "/sandbox/sessions",
            "{\"app\":\"com.example.weather\",\"tester\":\"no-such-id\",\"sessions\":1}"),
        404,
        "NOT_FOUND",
        null);
    refused(
        client.post(
            "/sandbox/sessions",
            "{\"app\":\"com.example.weather\",\"email\":\"frank@example.com\",\"sessions\":0}"),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/sessions");
    refused(
        client.post(
            "/sandbox/sessions",
            "{\"app\":\"com.example.nope\",\"email\":\"frank@example.com\",\"sessions\":1}"),
        404,
        "NOT_FOUND",
        null);
  }

  @Test
  void aBuildFinishesProcessingThroughTheAdminEndpoint() {
    String build46 = lookup.build("2.3", "46");
    assertThat(
            client
                .get("/v1/builds/" + build46)
                .json()
                .path("data")
                .path("attributes")
                .path("processingState")
                .asText())
        .isEqualTo("PROCESSING");
    ok(
        client.post(
            "/sandbox/builds", "{\"build\":\"" + build46 + "\",\"processingState\":\"VALID\"}"),
        200);
    assertThat(
            client
                .get("/v1/builds/" + build46)
                .json()
                .path("data")
                .path("attributes")
                .path("processingState")
                .asText())
        .isEqualTo("VALID");

    refused(
        client.post("/sandbox/builds", "{\"build\":\"nope\",\"processingState\":\"VALID\"}"),
        404,
        "NOT_FOUND",
        null);
    refused(
        client.post(
            "/sandbox/builds", "{\"build\":\"" + build46 + "\",\"processingState\":\"DONE\"}"),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/processingState");
    refused(
        client.post("/sandbox/builds", "{\"build\":\"" + build46 + "\"}"),
        409,
        "ENTITY_ERROR.ATTRIBUTE.REQUIRED",
        "/processingState");
  }

  @Test
  void anUploadListsANewBuildStillProcessing() {
    SandboxTestClient.Reply answer =
        client.post(
            "/sandbox/uploads",
            "{\"app\":\"com.example.weather\",\"version\":\"2.4\",\"number\":\"120\"}");
    ok(answer, 200);
    String id = answer.json().path("build").asText();
    assertThat(lookup.build("2.4", "120")).isEqualTo(id);
    assertThat(
            client
                .get("/v1/builds/" + id)
                .json()
                .path("data")
                .path("attributes")
                .path("processingState")
                .asText())
        .isEqualTo("PROCESSING");
    SandboxTestClient.Reply twice =
        client.post(
            "/sandbox/uploads",
            "{\"app\":\"com.example.weather\",\"version\":\"2.4\",\"number\":\"120\"}");
    refused(twice, 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/");
    assertThat(detail(twice)).contains("2.4 (120)").contains("exists already");
    SandboxTestClient.Reply stranger =
        client.post(
            "/sandbox/uploads",
            "{\"app\":\"com.example.nope\",\"version\":\"1\",\"number\":\"1\"}");
    refused(stranger, 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/");
    assertThat(detail(stranger)).contains("com.example.nope");
  }

  @Test
  void refusesTimeTravelBackwardsAndStrangers() {
    refused(advance("-P1D"), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/advance");
    refused(advance("soon"), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/advance");
    refused(
        client.post("/sandbox/clock", "{}"), 409, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "/advance");
    refused(
        client.send("POST", "/sandbox/clock", "{\"advance\":\"P1D\"}", null),
        401,
        "NOT_AUTHORIZED",
        null);
    assertThat(clockNow().path("offset").asText()).isEqualTo("PT0S");
  }

  @Test
  void theOffsetIsKeptInTheStateFile(@TempDir Path dir) throws IOException {
    Path state = dir.resolve("state.json");
    try (SandboxServer first = SandboxServer.start(options().withStateFile(state))) {
      first.admin().advanceClock(java.time.Duration.ofDays(8));
    }
    try (SandboxServer second = SandboxServer.start(options().withStateFile(state))) {
      assertThat(second.admin().clockOffset()).isEqualTo(java.time.Duration.ofDays(8));
      assertThat(
              new SandboxTestClient(second, clock)
                  .get("/sandbox/clock")
                  .json()
                  .path("now")
                  .asText())
          .isEqualTo("2026-01-23T10:00:00Z");
    }
  }
}
