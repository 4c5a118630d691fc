package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/users}: the seeded team users, with their Apple ID as username, filtered, sorted
 * and paged.
 */
@IntegrationTest
class UserTest extends SandboxTestBase {
  @TempDir Path dir;

  private static List<String> usernames(SandboxTestClient.Reply reply) {
    List<String> names = new ArrayList<>();
    reply
        .json()
        .path("data")
        .forEach(u -> names.add(u.path("attributes").path("username").asText()));
    return names;
  }

  @Test
  void listsTheSeededUsersWithTheirAttributes() {
    SandboxTestClient.Reply reply = client.get("/v1/users");
    ok(reply, 200);
    assertThat(usernames(reply))
        .containsExactly("alice@example.com", "bob@example.com", "erin@example.com");
    JsonNode alice = reply.json().path("data").path(0);
    assertThat(alice.path("type").asText()).isEqualTo("users");
    assertThat(alice.path("id").asText()).isNotBlank();
    assertThat(alice.path("attributes").path("firstName").asText()).isEqualTo("Alice");
    assertThat(alice.path("attributes").path("lastName").asText()).isEqualTo("Doe");
    assertThat(alice.path("attributes").path("roles").get(0).asText()).isEqualTo("DEVELOPER");
    assertThat(alice.path("attributes").path("allAppsVisible").asBoolean()).isTrue();
    assertThat(
            alice.path("relationships").path("visibleApps").path("links").path("related").asText())
        .isEqualTo(server.baseUri() + "/v1/users/" + alice.path("id").asText() + "/visibleApps");
    assertThat(reply.json().path("meta").path("paging").path("total").asInt()).isEqualTo(3);
    assertThat(reply.json().path("links").path("self").asText())
        .isEqualTo(server.baseUri() + "/v1/users");
    assertThat(client.get("/v1/users").ids()).as("ids are stable").isEqualTo(reply.ids());
  }

  @Test
  void pagesWithLinksNext() {
    SandboxTestClient.Reply first = client.get(q("/v1/users?fields[users]=username&limit=2"));
    assertThat(usernames(first)).containsExactly("alice@example.com", "bob@example.com");
    assertThat(first.json().path("meta").path("paging").path("limit").asInt()).isEqualTo(2);
    String next = first.json().path("links").path("next").asText();
    assertThat(next).startsWith(server.baseUri() + "/v1/users?").contains("limit=2", "cursor=");
    SandboxTestClient.Reply second = client.get(next);
    assertThat(usernames(second)).containsExactly("erin@example.com");
    assertThat(second.json().path("links").has("next")).isFalse();
    refused(client.get("/v1/users?limit=201"), 400, "PARAMETER_ERROR.INVALID", null);
    ok(client.get("/v1/users?limit=200"), 200);
  }

  @Test
  void aSparseFieldsetShowsOnlyTheUsername() {
    JsonNode bob =
        client
            .get(q("/v1/users?fields[users]=username&filter[username]=bob@example.com"))
            .json()
            .path("data")
            .path(0);
    assertThat(bob.path("attributes").fieldNames()).toIterable().containsExactly("username");
    assertThat(bob.has("relationships")).isFalse();
    refused(client.get(q("/v1/users?fields[users]=email")), 400, "PARAMETER_ERROR.INVALID", null);
  }

  @Test
  void filtersByUsernameIgnoringCaseAndByRole() {
    assertThat(
            usernames(
                client.get(q("/v1/users?filter[username]=BOB@Example.com,nobody@example.com"))))
        .containsExactly("bob@example.com");
    assertThat(client.get(q("/v1/users?filter[username]=nobody@example.com")).ids()).isEmpty();
    assertThat(client.get(q("/v1/users?filter[roles]=DEVELOPER")).ids()).hasSize(3);
    assertThat(client.get(q("/v1/users?filter[roles]=ADMIN")).ids()).isEmpty();
    refused(client.get(q("/v1/users?filter[roles]=BOSS")), 400, "PARAMETER_ERROR.INVALID", null);
  }

  @Test
  void sortsByUsernameOrLastName() {
    assertThat(usernames(client.get("/v1/users?sort=-username")))
        .containsExactly("erin@example.com", "bob@example.com", "alice@example.com");
    assertThat(usernames(client.get("/v1/users?sort=lastName")))
        .containsExactly("alice@example.com", "erin@example.com", "bob@example.com");
  }

  @Test
  void refusesWhatItDoesNotImplement() {
    refused(client.get("/v1/users?include=visibleApps"), 400, "PARAMETER_ERROR.ILLEGAL", null);
    refused(
        client.get(q("/v1/users?filter[visibleApps]=" + Docs.WEATHER)),
        400,
        "PARAMETER_ERROR.ILLEGAL",
        null);
    // users are Apple's, the sandbox serves only the list of them: the rest is not emulated (403,
    // never 405)
    refused(client.post("/v1/users", "{}"), 403, "FORBIDDEN_ERROR", null);
    refused(client.get("/v1/users/" + "some-id"), 403, "FORBIDDEN_ERROR", null);
  }

  @Test
  void aScriptedRefusalAnswers403Once() {
    server.failNext("GET /v1/users", "403");
    SandboxTestClient.Reply refusal = client.get("/v1/users");
    refused(refusal, 403, "FORBIDDEN_ERROR", null);
    assertThat(detail(refusal)).isEqualTo("The API key in use does not allow this request");
    assertThat(refusal.header("X-Sandbox-Fault")).isEqualTo("403");
    ok(client.get("/v1/users"), 200);
  }

  @Test
  void aSeedGivesRolesAndIdsAndRefusesAnUnknownRole() throws IOException {
    Path seed = dir.resolve("seed.json");
    Files.writeString(
        seed,
        """
        {"apps": [], "users": [{"id": "u-1", "email": "boss@example.org", "firstName": "Bo", "lastName": "Ss",
                                "roles": ["ADMIN", "APP_MANAGER"], "provisioningAllowed": true}]}
        """);
    try (SandboxServer other =
        SandboxServer.start(SandboxOptions.defaults().withSeedFile(seed).withClock(clock))) {
      JsonNode boss =
          new SandboxTestClient(other, clock).get("/v1/users").json().path("data").path(0);
      assertThat(boss.path("id").asText()).isEqualTo("u-1");
      assertThat(boss.path("attributes").path("roles")).hasSize(2);
      assertThat(boss.path("attributes").path("provisioningAllowed").asBoolean()).isTrue();
    }
    Files.writeString(seed, "{\"users\": [{\"email\": \"x@example.org\", \"roles\": [\"BOSS\"]}]}");
    assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults().withSeedFile(seed)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("BOSS");
  }
}
