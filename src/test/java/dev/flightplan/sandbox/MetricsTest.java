package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The beta usage metrics, served from the demo seed's usage (carol: 4 sessions, 1 crash, 1 feedback
 * a day ago and 2 sessions 12 days ago; grace: 1 session 40 days ago; frank: nothing; the Old Beta
 * link: 50 views 20 days ago).
 */
@IntegrationTest
class MetricsTest extends SandboxTestBase {
  private static String values(JsonNode item) {
    return item.path("dataPoints").path(0).path("values").toString();
  }

  /** Tester email -> values, for the items of a grouped answer. */
  private List<String> byTester(JsonNode doc) {
    List<String> rows = new ArrayList<>();
    for (JsonNode item : doc.path("data")) {
      String id = item.path("dimensions").path("betaTesters").path("data").asText();
      String email = "?";
      for (JsonNode t : doc.path("included")) {
        if (t.path("id").asText().equals(id)) {
          email = t.path("attributes").path("email").asText();
        }
      }
      rows.add(email + " " + values(item));
    }
    return rows;
  }

  @Test
  void anAppsTesterUsageSumsThePeriodForAllOrPerTester() {
    String base = "/v1/apps/" + Docs.WEATHER + "/metrics/betaTesterUsages";
    JsonNode all = client.get(base).json();
    assertThat(all.path("data")).hasSize(1);
    assertThat(values(all.path("data").path(0)))
        .isEqualTo("{\"crashCount\":1,\"sessionCount\":6,\"feedbackCount\":1}");
    JsonNode point = all.path("data").path(0).path("dataPoints").path(0);
    assertThat(point.path("start").asText())
        .isEqualTo("2025-12-17T00:00:00Z"); // 30 days up to and with today
    assertThat(point.path("end").asText()).isEqualTo("2026-01-16T00:00:00Z");

    JsonNode grouped = client.get(base + "?groupBy=betaTesters&period=P90D").json();
    assertThat(byTester(grouped))
        .containsExactly(
            "alice@example.com {\"crashCount\":0,\"sessionCount\":0,\"feedbackCount\":0}",
            "carol@example.com {\"crashCount\":1,\"sessionCount\":6,\"feedbackCount\":1}",
            "frank@example.com {\"crashCount\":0,\"sessionCount\":0,\"feedbackCount\":0}",
            "grace@example.com {\"crashCount\":0,\"sessionCount\":1,\"feedbackCount\":0}");
    JsonNode dimension = grouped.path("data").path(1).path("dimensions").path("betaTesters");
    assertThat(dimension.path("links").path("related").asText())
        .isEqualTo(server.baseUri() + "/v1/betaTesters/" + testerId("carol@example.com"));

    assertThat(
            byTester(
                client
                    .get(
                        base
                            + q("?groupBy=betaTesters&period=P7D&filter[betaTesters]=")
                            + testerId("carol@example.com"))
                    .json()))
        .containsExactly(
            "carol@example.com {\"crashCount\":1,\"sessionCount\":4,\"feedbackCount\":1}");
  }

  @Test
  void pagesTheTesters() {
    JsonNode first =
        client
            .get(
                "/v1/apps/"
                    + Docs.WEATHER
                    + "/metrics/betaTesterUsages?groupBy=betaTesters&limit=3")
            .json();
    assertThat(first.path("data")).hasSize(3);
    assertThat(first.path("meta").path("paging").path("total").asInt()).isEqualTo(4);
    JsonNode second = client.get(first.path("links").path("next").asText()).json();
    assertThat(byTester(second))
        .containsExactly(
            "grace@example.com {\"crashCount\":0,\"sessionCount\":0,\"feedbackCount\":0}");
  }

  @Test
  void aGroupsTesterUsageCoversItsMembers() {
    JsonNode grouped =
        client
            .get(
                "/v1/betaGroups/"
                    + groupId("Friends & Family")
                    + "/metrics/betaTesterUsages?groupBy=betaTesters")
            .json();
    assertThat(byTester(grouped))
        .containsExactly(
            "carol@example.com {\"crashCount\":1,\"sessionCount\":6,\"feedbackCount\":1}",
            "frank@example.com {\"crashCount\":0,\"sessionCount\":0,\"feedbackCount\":0}");
  }

  @Test
  void aTestersUsageIsPerApp() {
    JsonNode doc =
        client
            .get(
                "/v1/betaTesters/"
                    + testerId("grace@example.com")
                    + "/metrics/betaTesterUsages"
                    + q("?period=P365D&filter[apps]=")
                    + Docs.WEATHER)
            .json();
    assertThat(doc.path("data")).hasSize(1);
    assertThat(doc.path("data").path(0).path("dimensions").path("apps").path("data").asText())
        .isEqualTo(Docs.WEATHER);
    assertThat(values(doc.path("data").path(0)))
        .isEqualTo("{\"crashCount\":0,\"sessionCount\":1,\"feedbackCount\":0}");
    refused(
        client.get(
            "/v1/betaTesters/" + testerId("grace@example.com") + "/metrics/betaTesterUsages"),
        400,
        "PARAMETER_ERROR.REQUIRED",
        null);
    refused(
        client.get("/v1/apps/" + Docs.WEATHER + "/metrics/betaTesterUsages?period=P14D"),
        400,
        "PARAMETER_ERROR.INVALID",
        null);
  }

  @Test
  void aPublicLinkAndABuildReportWhatTheySaw() {
    JsonNode link =
        client.get("/v1/betaGroups/" + groupId("Old Beta") + "/metrics/publicLinkUsages").json();
    assertThat(values(link.path("data").path(0)))
        .isEqualTo(
            "{\"viewCount\":50,\"acceptedCount\":10,"
                + "\"didNotAcceptCount\":30,\"didNotMeetCriteriaCount\":10,\"notRelevantRatio\":0.5,\"notClearRatio\":0.3,"
                + "\"notInterestingRatio\":0.2}");
    assertThat(
            client
                .get("/v1/betaGroups/" + groupId("QA") + "/metrics/publicLinkUsages")
                .json()
                .path("data"))
        .isEmpty();
    JsonNode build =
        client.get("/v1/builds/" + lookup.build("2.3", "44") + "/metrics/betaBuildUsages").json();
    // carol and frank (Friends & Family) and grace (Old Beta) have the build
    assertThat(values(build.path("data").path(0)))
        .isEqualTo(
            "{\"crashCount\":1,\"installCount\":2,"
                + "\"sessionCount\":7,\"feedbackCount\":1,\"inviteCount\":3}");
  }

  @Test
  void aSeedsUsageSurvivesARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path state = dir.resolve("state.json");
    String path = "/v1/apps/" + Docs.WEATHER + "/metrics/betaTesterUsages";
    String before;
    try (SandboxServer first = SandboxServer.start(options().withStateFile(state))) {
      before = values(new SandboxTestClient(first, clock).get(path).json().path("data").path(0));
    }
    try (SandboxServer second = SandboxServer.start(options().withStateFile(state))) {
      assertThat(values(new SandboxTestClient(second, clock).get(path).json().path("data").path(0)))
          .isEqualTo(before)
          .contains("\"sessionCount\":6");
    }
  }
}
