package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Beta App Clip invocations: created with their titles in one request, at most three per App Clip.
 */
@IntegrationTest
class ClipTest extends SandboxTestBase {
  private static final String TITLE = "betaAppClipInvocationLocalizations";

  /** An invocation create document; each title is {@code localId:locale:title}, all referenced. */
  private static String invocation(String bundle, String url, String... titles) {
    StringBuilder links = new StringBuilder();
    StringBuilder included = new StringBuilder();
    for (String t : titles) {
      String[] p = t.split(":", 3);
      links
          .append(links.length() == 0 ? "" : ",")
          .append("{\"type\":\"" + TITLE + "\",\"id\":\"" + p[0] + "\"}");
      included
          .append(included.length() == 0 ? "" : ",")
          .append(
              "{\"type\":\""
                  + TITLE
                  + "\",\"id\":\""
                  + p[0]
                  + "\",\"attributes\":{\"locale\":\""
                  + p[1]
                  + "\",\"title\":\""
                  + p[2]
                  + "\"}}");
    }
    return "{\"data\":{\"type\":\"betaAppClipInvocations\",\"attributes\":{\"url\":\""
        + url
        + "\"},"
        + "\"relationships\":{"
        + Docs.toOne("buildBundle", "buildBundles", bundle)
        + ",\""
        + TITLE
        + "\":{\"data\":["
        + links
        + "]}}},\"included\":["
        + included
        + "]}";
  }

  @Test
  void listsTheInvocationsOfTheSeededAppClips() {
    String b44 = lookup.build("2.3", "44");
    String clip = lookup.bundle(b44, "APP_CLIP");
    SandboxTestClient.Reply list =
        client.get("/v1/buildBundles/" + clip + q("/betaAppClipInvocations?include=" + TITLE));
    assertThat(list.json().path("data").findValuesAsText("url"))
        .containsExactly("https://appclip.example.com/forecast");
    assertThat(list.json().path("included").path(0).path("attributes").toString())
        .isEqualTo("{\"title\":\"See the forecast\",\"locale\":\"en-US\"}");
    String b45clip = lookup.bundle(lookup.build("2.3", "45"), "APP_CLIP");
    assertThat(b45clip).isNotNull();
    assertThat(
            client
                .get("/v1/buildBundles/" + b45clip + "/relationships/betaAppClipInvocations")
                .ids())
        .isEmpty();
    assertThat(lookup.bundle(lookup.build("2.3", "46"), "APP_CLIP")).isNull();
    assertThat(lookup.bundle(lookup.build("2.3", "46"), "APP")).isNotNull();
  }

  @Test
  void createsAnInvocationWithItsTitlesAndAtMostThree() {
    String clip = lookup.bundle(lookup.build("2.3", "44"), "APP_CLIP");
    SandboxTestClient.Reply created =
        client.post(
            "/v1/betaAppClipInvocations",
            invocation(
                clip,
                "https://appclip.example.com/radar",
                "a:en-US:Open the radar",
                "b:de-DE:Radar öffnen"));
    ok(created, 201);
    String id = created.json().path("data").path("id").asText();
    assertThat(created.header("Location")).endsWith("/v1/betaAppClipInvocations/" + id);
    JsonNode titles = created.json().path("data").path("relationships").path(TITLE);
    assertThat(titles.path("data")).hasSize(2);
    assertThat(created.json().path("included").findValuesAsText("locale"))
        .containsExactly("en-US", "de-DE");
    assertThat(created.json().path("included").findValuesAsText("id")).doesNotContain("a", "b");

    JsonNode capped =
        client
            .get(
                "/v1/betaAppClipInvocations/"
                    + id
                    + q("?include=" + TITLE + "&limit[" + TITLE + "]=1"))
            .json()
            .path("data")
            .path("relationships")
            .path(TITLE);
    assertThat(capped.path("data")).hasSize(1);
    assertThat(capped.path("meta").path("paging").path("total").asInt()).isEqualTo(2);

    ok(
        client.post(
            "/v1/betaAppClipInvocations",
            invocation(clip, "https://appclip.example.com/3", "x:en-US:Third")),
        201);
    SandboxTestClient.Reply fourth =
        client.post(
            "/v1/betaAppClipInvocations",
            invocation(clip, "https://appclip.example.com/4", "x:en-US:Fourth"));
    refused(fourth, 409, "STATE_ERROR.ENTITY_STATE_INVALID", null);
    assertThat(detail(fourth)).contains("3");
    ok(client.delete("/v1/betaAppClipInvocations/" + id, null), 204);
    ok(
        client.post(
            "/v1/betaAppClipInvocations",
            invocation(clip, "https://appclip.example.com/4", "x:en-US:Fourth")),
        201);
  }

  @Test
  void refusesBadInvocations() {
    String b44 = lookup.build("2.3", "44");
    String clip = lookup.bundle(b44, "APP_CLIP");
    refused(
        client.post(
            "/v1/betaAppClipInvocations",
            invocation(clip, "http://appclip.example.com/x", "a:en-US:T")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/url");
    refused(
        client.post("/v1/betaAppClipInvocations", invocation(clip, "/relative", "a:en-US:T")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/url");
    refused(
        client.post(
            "/v1/betaAppClipInvocations",
            invocation(lookup.bundle(b44, "APP"), "https://appclip.example.com/x", "a:en-US:T")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/buildBundle/data/id");
    refused(
        client.post(
            "/v1/betaAppClipInvocations", invocation(clip, "https://appclip.example.com/x")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.REQUIRED",
        "/data/relationships/" + TITLE);
    refused(
        client.post(
            "/v1/betaAppClipInvocations",
            invocation(clip, "https://appclip.example.com/x", "a:en-US:One", "b:en-US:Two")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/included/1/attributes/locale");
    refused(
        client.post(
            "/v1/betaAppClipInvocations",
            invocation(clip, "https://appclip.example.com/x", "a:en-US:One")
                .replace("\"id\":\"a\"}]", "\"id\":\"z\"}]")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/" + TITLE + "/data/0/id");
    String one = invocation(clip, "https://appclip.example.com/x", "a:en-US:One");
    String unreferenced =
        one.substring(0, one.length() - 2)
            + ",{\"type\":\""
            + TITLE
            + "\",\"id\":\"c\","
            + "\"attributes\":{\"locale\":\"fr-FR\",\"title\":\"U\"}}]}";
    refused(
        client.post("/v1/betaAppClipInvocations", unreferenced),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/included/1");
    refused(
        client.post(
            "/v1/betaAppClipInvocations",
            invocation(clip, "https://appclip.example.com/x", "a:en-US:One")
                .replace("\"title\":\"One\"", "\"title\":1")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.TYPE",
        "/included/0/attributes/title");
    refused(
        client.post(
            "/v1/betaAppClipInvocations",
            invocation(clip, "https://appclip.example.com/x", "a:en_US:One")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/included/0/attributes/locale");
    assertThat(
            client.get("/v1/buildBundles/" + clip + "/relationships/betaAppClipInvocations").ids())
        .hasSize(1);
  }

  @Test
  void editsUrlsAndTitles() {
    String clip = lookup.bundle(lookup.build("2.3", "44"), "APP_CLIP");
    String invocation =
        client
            .get("/v1/buildBundles/" + clip + "/relationships/betaAppClipInvocations")
            .ids()
            .get(0);
    ok(
        client.patch(
            "/v1/betaAppClipInvocations/" + invocation,
            Docs.update(
                "betaAppClipInvocations",
                invocation,
                "\"url\":\"https://appclip.example.com/today\"")),
        200);
    refused(
        client.patch(
            "/v1/betaAppClipInvocations/" + invocation,
            Docs.update("betaAppClipInvocations", invocation, "\"url\":\"ftp://x\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/url");
    String first =
        client
            .get("/v1/betaAppClipInvocations/" + invocation + q("?include=" + TITLE))
            .json()
            .path("included")
            .path(0)
            .path("id")
            .asText();
    refused(
        client.delete("/v1/" + TITLE + "/" + first, null),
        409,
        "STATE_ERROR.ENTITY_STATE_INVALID",
        null);

    String body =
        Docs.create(
            TITLE,
            "\"locale\":\"fr-FR\",\"title\":\"Voir la météo\"",
            Docs.toOne("betaAppClipInvocation", "betaAppClipInvocations", invocation));
    SandboxTestClient.Reply created = client.post("/v1/" + TITLE, body);
    ok(created, 201);
    String french = created.json().path("data").path("id").asText();
    refused(
        client.post("/v1/" + TITLE, body),
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/locale");
    refused(
        client.post("/v1/" + TITLE, body.replace(invocation, "nope")),
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/betaAppClipInvocation/data/id");
    ok(
        client.patch(
            "/v1/" + TITLE + "/" + french, Docs.update(TITLE, french, "\"title\":\"Météo\"")),
        200);
    refused(
        client.patch(
            "/v1/" + TITLE + "/" + french, Docs.update(TITLE, french, "\"locale\":\"fr-CA\"")),
        409,
        "ENTITY_ERROR.ATTRIBUTE.UNKNOWN",
        "/data/attributes/locale");
    ok(client.delete("/v1/" + TITLE + "/" + first, null), 204);
    assertThat(
            client
                .get("/v1/betaAppClipInvocations/" + invocation + q("?include=" + TITLE))
                .json()
                .path("included")
                .findValuesAsText("title"))
        .containsExactly("Météo");
    ok(client.delete("/v1/betaAppClipInvocations/" + invocation, null), 204);
    refused(
        client.patch("/v1/" + TITLE + "/" + french, Docs.update(TITLE, french, "\"title\":\"x\"")),
        404,
        "NOT_FOUND",
        null);
  }
}
