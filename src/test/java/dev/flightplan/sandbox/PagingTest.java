package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@IntegrationTest
class PagingTest extends SandboxTestBase {
  private String groupWithFiveTesters() {
    String group = createGroup(Docs.WEATHER, "Paging", "");
    for (int i = 1; i <= 5; i++) {
      createTester("pager" + i + "@example.com", group);
    }
    return group;
  }

  @Test
  void followsLinksNextAcrossThreePages() {
    String group = groupWithFiveTesters();
    List<String> seen = new ArrayList<>();
    String url = "/v1/betaGroups/" + group + "/relationships/betaTesters?limit=2";
    int pages = 0;
    while (url != null) {
      SandboxTestClient.Reply page = client.get(url);
      assertThat(page.status()).isEqualTo(200);
      pages++;
      assertThat(page.json().path("meta").path("paging").path("total").asInt()).isEqualTo(5);
      assertThat(page.json().path("meta").path("paging").path("limit").asInt()).isEqualTo(2);
      page.json().path("data").forEach(linkage -> seen.add(linkage.path("id").asText()));
      JsonNode next = page.json().path("links").path("next");
      if (!next.isMissingNode()) {
        assertThat(next.asText())
            .startsWith(
                server.baseUri()
                    + "/v1/betaGroups/"
                    + group
                    + "/relationships/betaTesters?limit=2&cursor=");
      }
      url = next.isMissingNode() ? null : next.asText();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    List<String> all =
        client.get("/v1/betaGroups/" + group + "/relationships/betaTesters?limit=200").ids();
    assertThat(seen).isEqualTo(all);
  }

  @Test
  void pagesKeepTheFiltersAndDefaultToTwenty() {
    String group = groupWithFiveTesters();
    SandboxTestClient.Reply first =
        client.get("/v1/betaTesters?filter%5BbetaGroups%5D=" + group + "&limit=3");
    assertThat(first.ids()).hasSize(3);
    String next = first.json().path("links").path("next").asText();
    assertThat(next).contains("filter%5BbetaGroups%5D=" + group);
    assertThat(client.get(next).ids()).hasSize(2);

    SandboxTestClient.Reply unlimited = client.get("/v1/betaTesters");
    assertThat(unlimited.json().path("meta").path("paging").path("limit").asInt()).isEqualTo(20);
    assertThat(unlimited.json().path("links").has("next")).isFalse();
    assertThat(unlimited.json().path("links").path("self").asText())
        .isEqualTo(server.baseUri() + "/v1/betaTesters");
  }

  @Test
  void refusesALimitAboveTheMaximum() {
    SandboxTestClient.Reply reply = client.get("/v1/betaGroups?limit=201");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(reply.json().path("errors").path(0).path("source").path("parameter").asText())
        .isEqualTo("limit");
    assertThat(reply.json().path("errors").path(0).path("status").asText()).isEqualTo("400");
    assertThat(client.get("/v1/betaGroups?limit=200").status()).isEqualTo(200);
  }

  @Test
  void refusesBadLimitsAndCursors() {
    assertThat(client.get("/v1/betaTesters?limit=ten").errorCode())
        .isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(client.get("/v1/betaTesters?limit=0").errorCode())
        .isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(
            client.get("/v1/betaTesters?include=betaGroups&limit%5BbetaGroups%5D=51").errorCode())
        .isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(
            client.get("/v1/betaGroups?include=betaTesters&limit%5BbetaTesters%5D=51").errorCode())
        .isEqualTo("PARAMETER_ERROR.INVALID");
    SandboxTestClient.Reply cursor = client.get("/v1/betaTesters?cursor=garbage");
    assertThat(cursor.errorCode()).isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(cursor.json().path("errors").path(0).path("source").path("parameter").asText())
        .isEqualTo("cursor");
  }

  @Test
  void refusesParametersTheEndpointDoesNotAccept() {
    SandboxTestClient.Reply reply = client.get("/v1/betaGroups?filter%5Bcolour%5D=blue");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("PARAMETER_ERROR.ILLEGAL");
    assertThat(reply.json().path("errors").path(0).path("title").asText())
        .isEqualTo("A given parameter is not allowed for this request");
    assertThat(reply.json().path("errors").path(0).path("source").path("parameter").asText())
        .isEqualTo("filter[colour]");
    assertThat(client.get("/v1/apps/" + Docs.WEATHER + "?limit=5").errorCode())
        .isEqualTo("PARAMETER_ERROR.ILLEGAL");
    // declared by the spec but not served by the sandbox: refused rather than ignored
    assertThat(client.get("/v1/builds?include=icons").errorCode())
        .isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(client.get("/v1/builds?limit%5Bicons%5D=5").errorCode())
        .isEqualTo("PARAMETER_ERROR.ILLEGAL");
    assertThat(client.get("/v1/betaGroups?sort=colour").errorCode())
        .isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(client.get("/v1/betaGroups?fields%5BbetaGroups%5D=colour").errorCode())
        .isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(client.get("/v1/betaGroups?limit=2&limit=3").errorCode())
        .isEqualTo("PARAMETER_ERROR.INVALID");
  }

  @Test
  void decodesEncodedQueriesAndCommaLists() {
    SandboxTestClient.Reply apps =
        client.get(
            "/v1/apps?filter%5BbundleId%5D=com.example.weather,com.example.notes&sort=-bundleId");
    assertThat(apps.ids()).containsExactly(Docs.WEATHER, Docs.NOTES);
    // an encoded comma is part of its value, as App Store Connect reads it: one bundle id no app
    // has
    assertThat(
            client
                .get("/v1/apps?filter%5BbundleId%5D=com.example.weather%2Ccom.example.notes")
                .ids())
        .isEmpty();
    SandboxTestClient.Reply raw = client.get("/v1/apps?filter[bundleId]=com.example.notes");
    assertThat(raw.ids()).containsExactly(Docs.NOTES);
    assertThat(client.get("/v1/apps?filter%5BbundleId%5D=com.example").ids()).isEmpty();
  }
}
