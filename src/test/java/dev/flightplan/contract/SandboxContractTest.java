package dev.flightplan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.Docs;
import dev.flightplan.sandbox.RawRequest;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.sandbox.SandboxTestClient;
import dev.flightplan.sandbox.TestTokens;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives the app, group, tester and user endpoints, on their success and error paths, and checks
 * each exchange against Apple's OpenAPI document; {@link BuildContractTest} and {@link
 * TestInformationContractTest} do the same for the rest.
 */
@IntegrationTest
class SandboxContractTest extends ContractTestBase {
  private static final List<String> ENDPOINTS =
      List.of(
          "GET /v1/apps",
          "GET /v1/apps/{id}",
          "GET /v1/apps/{id}/betaGroups",
          "GET /v1/apps/{id}/relationships/betaGroups",
          "DELETE /v1/apps/{id}/relationships/betaTesters",
          "GET /v1/betaGroups",
          "POST /v1/betaGroups",
          "GET /v1/betaGroups/{id}",
          "PATCH /v1/betaGroups/{id}",
          "DELETE /v1/betaGroups/{id}",
          "GET /v1/betaGroups/{id}/relationships/betaTesters",
          "POST /v1/betaGroups/{id}/relationships/betaTesters",
          "DELETE /v1/betaGroups/{id}/relationships/betaTesters",
          "GET /v1/betaGroups/{id}/betaTesters",
          "GET /v1/betaTesters",
          "POST /v1/betaTesters",
          "GET /v1/betaTesters/{id}",
          "DELETE /v1/betaTesters/{id}",
          "GET /v1/betaTesters/{id}/relationships/betaGroups",
          "GET /v1/users");

  @Override
  protected List<String> endpoints() {
    return ENDPOINTS;
  }

  private String groupNamed(String name) {
    return lookup.group(name);
  }

  @Test
  void apps() {
    status(client.get("/v1/apps"), 200);
    SandboxTestClient.Reply paged =
        client.get(
            "/v1/apps?filter%5BbundleId%5D=com.example.weather,com.example.notes"
                + "&fields%5Bapps%5D=name,bundleId,betaGroups&sort=-name&limit=1");
    status(paged, 200);
    status(client.get(paged.json().path("links").path("next").asText()), 200);
    status(client.get("/v1/apps/" + Docs.WEATHER), 200);
    status(client.get("/v1/apps/" + Docs.WEATHER + "?fields%5Bapps%5D=sku"), 200);
    status(
        client.get(
            "/v1/apps/" + Docs.WEATHER + "/betaGroups?fields%5BbetaGroups%5D=name,isInternalGroup"),
        200);
    status(client.get("/v1/apps/" + Docs.WEATHER + "/relationships/betaGroups?limit=2"), 200);
    status(client.get("/v1/apps/9"), 404);
    status(client.get("/v1/apps/9/betaGroups"), 404);
    status(client.get("/v1/apps?limit=201"), 400);
    status(client.get("/v1/apps?filter%5Bcolour%5D=red"), 400);
    status(client.get("/v1/apps?include=betaGroups"), 400);
  }

  @Test
  void bodiesAreRefusedBeforeTheyAreReadWithErrorDocuments() {
    String head = "POST /v1/betaGroups HTTP/1.1\r\nContent-Type: application/json\r\n";
    assertThat(RawRequest.send(server.baseUri(), head + "Content-Length: 200000", null).status())
        .isEqualTo(401);
    assertThat(
            RawRequest.send(
                    server.baseUri(),
                    head + "Authorization: " + client.bearer() + "\r\nContent-Length: 2000000",
                    null)
                .status())
        .isEqualTo(413);
  }

  @Test
  void users() {
    status(client.get("/v1/users"), 200);
    SandboxTestClient.Reply paged = client.get("/v1/users?fields%5Busers%5D=username&limit=2");
    status(paged, 200);
    status(client.get(paged.json().path("links").path("next").asText()), 200);
    status(
        client.get(
            "/v1/users?filter%5Busername%5D=bob@example.com&filter%5Broles%5D=DEVELOPER,ADMIN"
                + "&sort=-lastName&fields%5Busers%5D=username,firstName,lastName,roles,allAppsVisible,provisioningAllowed,"
                + "visibleApps"),
        200);
    server.failNext("GET /v1/users", "403");
    status(client.get("/v1/users?fields%5Busers%5D=username&limit=200"), 403);
    status(client.get("/v1/users?limit=201"), 400);
    status(client.get("/v1/users?include=visibleApps"), 400);
    status(client.get("/v1/users?fields%5Busers%5D=email"), 400);
  }

  @Test
  void groupsRead() {
    String family = groupNamed("Friends & Family");
    status(
        client.get(
            "/v1/betaGroups?filter%5Bapp%5D="
                + Docs.WEATHER
                + "&include=betaTesters,app"
                + "&limit%5BbetaTesters%5D=1&fields%5BbetaTesters%5D=email,state&fields%5Bapps%5D=bundleId&sort=name"),
        200);
    status(
        client.get(
            "/v1/betaGroups?filter%5BisInternalGroup%5D=false&filter%5Bid%5D="
                + family
                + "&fields%5BbetaGroups%5D=name,publicLink,betaTesters"),
        200);
    status(client.get("/v1/betaGroups?limit=1"), 200);
    status(client.get("/v1/betaGroups/" + family + "?include=betaTesters,app"), 200);
    status(
        client.get(
            "/v1/betaGroups/" + family + "/betaTesters?fields%5BbetaTesters%5D=email&limit=1"),
        200);
    status(client.get("/v1/betaGroups/" + family + "/relationships/betaTesters?limit=1"), 200);
    status(client.get("/v1/betaGroups/nope"), 404);
    status(client.get("/v1/betaGroups/nope/betaTesters"), 404);
    status(client.get("/v1/betaGroups/nope/relationships/betaTesters"), 404);
    status(client.get("/v1/betaGroups?limit=abc"), 400);
    status(client.get("/v1/betaGroups?include=betaTesters&limit%5BbetaTesters%5D=51"), 400);
    status(client.get("/v1/betaGroups?filter%5BisInternalGroup%5D=maybe"), 400);
    status(client.get("/v1/betaGroups?cursor=xyz"), 400);
  }

  @Test
  void groupsWrite() {
    SandboxTestClient.Reply created =
        client.post(
            "/v1/betaGroups",
            Docs.groupWithBuilds(
                Docs.WEATHER,
                "Contract External",
                "\"publicLinkEnabled\":true,"
                    + "\"publicLinkLimitEnabled\":true,\"publicLinkLimit\":100,\"feedbackEnabled\":true",
                lookup.build("2.3", "44")));
    status(created, 201);
    String group = id(created);
    status(
        client.post(
            "/v1/betaGroups",
            Docs.group(
                Docs.NOTES,
                "Contract Internal",
                "\"isInternalGroup\":true,\"hasAccessToAllBuilds\":true")),
        201);
    status(
        client.patch(
            "/v1/betaGroups/" + group,
            Docs.groupPatch(
                group,
                "\"name\":\"Contract Renamed\","
                    + "\"publicLinkEnabled\":false,\"iosBuildsAvailableForAppleSiliconMac\":true")),
        200);

    status(client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, "QA", "")), 409);
    status(
        client.post(
            "/v1/betaGroups", Docs.group(Docs.WEATHER, "Ext", "\"hasAccessToAllBuilds\":true")),
        409);
    status(
        client.post(
            "/v1/betaGroups",
            "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{},"
                + "\"relationships\":{\"app\":{\"data\":{\"type\":\"apps\",\"id\":\""
                + Docs.WEATHER
                + "\"}}}}}"),
        409);
    status(
        client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, "Odd", "\"colour\":\"red\"")), 409);
    status(
        client.post(
            "/v1/betaGroups",
            Docs.group(Docs.WEATHER, "T", "").replace("\"betaGroups\"", "\"apps\"")),
        409);
    status(client.post("/v1/betaGroups", "not json"), 422);
    status(client.post("/v1/betaGroups?include=app", Docs.group(Docs.WEATHER, "Q", "")), 400);
    status(
        client.post(
            "/v1/betaGroups",
            "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\"Devs\","
                + "\"isInternalGroup\":true},\"relationships\":{\"app\":{\"data\":{\"type\":\"apps\",\"id\":\""
                + Docs.WEATHER
                + "\"}},\"betaTesters\":{\"data\":[{\"type\":\"betaTesters\",\"id\":\""
                + client.get("/v1/betaTesters?filter%5Bemail%5D=carol@example.com").ids().get(0)
                + "\"}]}}}}"),
        422);
    status(
        client.patch("/v1/betaGroups/" + group, Docs.groupPatch(group, "\"isInternalGroup\":true")),
        409);
    status(
        client.patch("/v1/betaGroups/" + group, Docs.groupPatch("other", "\"name\":\"X\"")), 409);
    status(
        client.patch("/v1/betaGroups/" + group, Docs.groupPatch(group, "\"feedbackEnabled\":1")),
        409);
    status(client.patch("/v1/betaGroups/" + group, "[]"), 422);
    status(client.patch("/v1/betaGroups/nope", Docs.groupPatch("nope", "\"name\":\"X\"")), 404);

    status(client.delete("/v1/betaGroups/" + group, null), 204);
    status(client.delete("/v1/betaGroups/" + group, null), 404);
  }

  @Test
  void memberships() {
    String oldBeta = groupNamed("Old Beta");
    String qa = groupNamed("QA");
    String dave =
        id(client.post("/v1/betaTesters", Docs.tester("contract.dave@example.com", oldBeta)));
    String path = "/v1/betaGroups/" + groupNamed("Friends & Family") + "/relationships/betaTesters";
    status(client.post(path, Docs.linkages("betaTesters", dave)), 204);
    status(client.post(path, Docs.linkages("betaTesters", dave)), 409);
    status(client.post(path, Docs.linkages("betaTesters", "nobody")), 404);
    status(client.post(path, Docs.linkages("betaGroups", qa)), 409);
    status(client.post(path, "{\"data\":\"x\"}"), 422);
    status(
        client.post(
            "/v1/betaGroups/" + qa + "/relationships/betaTesters",
            Docs.linkages("betaTesters", dave)),
        422);
    status(client.delete(path, Docs.linkages("betaTesters", dave)), 204);
    status(client.delete(path, Docs.linkages("betaTesters", "nobody")), 404);
    status(
        client.delete(
            "/v1/betaGroups/nope/relationships/betaTesters", Docs.linkages("betaTesters", dave)),
        404);

    String apps = "/v1/apps/" + Docs.WEATHER + "/relationships/betaTesters";
    status(client.delete(apps, Docs.linkages("betaTesters", dave)), 204);
    status(client.delete(apps, Docs.linkages("betaTesters", "nobody")), 404);
    status(client.delete(apps, Docs.linkages("apps", Docs.WEATHER)), 409);
    status(
        client.delete("/v1/apps/9/relationships/betaTesters", Docs.linkages("betaTesters", dave)),
        404);
  }

  @Test
  void testers() {
    String family = groupNamed("Friends & Family");
    SandboxTestClient.Reply created =
        client.post("/v1/betaTesters", Docs.tester("contract.erin@example.com", family));
    status(created, 201);
    String erin = id(created);
    status(
        client.post(
            "/v1/betaTesters", Docs.tester("CONTRACT.ERIN@example.com", groupNamed("Old Beta"))),
        201);
    status(
        client.get(
            "/v1/betaTesters?filter%5Bapps%5D="
                + Docs.WEATHER
                + "&filter%5Bemail%5D=carol@example.com,"
                + "contract.erin@example.com&include=betaGroups,apps&limit%5BbetaGroups%5D=1&limit%5Bapps%5D=1"
                + "&fields%5BbetaTesters%5D=email,betaGroups,apps&fields%5BbetaGroups%5D=name&sort=email&limit=1"),
        200);
    status(
        client.get(
            "/v1/betaTesters?filter%5BbetaGroups%5D=" + family + "&filter%5BinviteType%5D=EMAIL"),
        200);
    status(client.get("/v1/betaTesters?filter%5Bbuilds%5D=123"), 200);
    status(
        client.get(
            "/v1/betaTesters/"
                + erin
                + "?include=betaGroups&fields%5BbetaGroups%5D=name,isInternalGroup"),
        200);
    status(client.get("/v1/betaTesters/" + erin + "/relationships/betaGroups?limit=1"), 200);

    status(
        client.get(
            "/v1/betaTesters?filter%5Bapps%5D="
                + Docs.WEATHER
                + "&filter%5BbetaGroups%5D="
                + family),
        400);
    status(client.get("/v1/betaTesters?filter%5BinviteType%5D=FAX"), 400);
    status(client.get("/v1/betaTesters?sort=age"), 400);
    status(client.get("/v1/betaTesters/nope"), 404);
    status(client.get("/v1/betaTesters/nope/relationships/betaGroups"), 404);
    status(client.post("/v1/betaTesters", Docs.tester("contract.x@example.com")), 409);
    status(client.post("/v1/betaTesters", Docs.tester("not an email", family)), 409);
    status(client.post("/v1/betaTesters", Docs.tester("contract.x@example.com", "nope")), 409);
    status(
        client.post("/v1/betaTesters", Docs.tester("contract.x@example.com", groupNamed("QA"))),
        422);
    status(client.post("/v1/betaTesters", "{}"), 422);

    status(client.delete("/v1/betaTesters/" + erin, null), 204);
    status(client.delete("/v1/betaTesters/" + erin, null), 404);
  }

  @Test
  void authenticationAndRouting() {
    Instant now = clock.instant();
    TestTokens valid = TestTokens.valid(server.credentials(), now);
    status(client.send("GET", "/v1/apps", null, null), 401);
    status(
        client.send("GET", "/v1/betaGroups", null, "Bearer " + valid.withAudience("x").compact()),
        401);
    status(
        client.send(
            "GET",
            "/v1/betaTesters",
            null,
            "Bearer " + valid.withTimes(now, now.plus(Duration.ofHours(1))).compact()),
        401);
    status(client.send("POST", "/v1/betaTesters", Docs.tester("a@example.com", "x"), null), 401);
    status(client.get("/v1/nothingHere"), 404);
    status(client.send("PUT", "/v1/betaGroups", "{}", client.bearer()), 405);
  }

  @Test
  void rateLimit() throws IOException {
    try (SandboxServer limited =
        SandboxServer.start(SandboxOptions.defaults().withClock(clock).withHourlyLimit(1))) {
      limited.addListener(recorder);
      SandboxTestClient limitedClient = new SandboxTestClient(limited, clock);
      status(limitedClient.get("/v1/betaGroups"), 200);
      status(limitedClient.get("/v1/betaGroups"), 429);
      status(limitedClient.post("/v1/betaTesters", Docs.tester("a@example.com", "x")), 429);
      status(limitedClient.delete("/v1/betaGroups/x", null), 429);
    }
  }
}
