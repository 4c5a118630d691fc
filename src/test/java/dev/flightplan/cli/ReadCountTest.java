package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.ClientOptions;
import dev.flightplan.api.Credentials;
import dev.flightplan.bench.Synthetic;
import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.StateReader;
import dev.flightplan.state.TeamUsers;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plan of a 2,000-tester app costs when nothing changed: exactly the lower bound, 1 +
 * ⌈groups/200⌉ + ⌈testers/200⌉ requests, whatever the parallelism; and one request more for a
 * tester in more groups than the API includes with it (50), whose groups are completed rather than
 * cut. The team's users, when a plan needs them, cost ⌈users/200⌉.
 */
@IntegrationTest
class ReadCountTest extends SandboxTest {
  private static final Synthetic APP = new Synthetic("com.example.bench", "2000000001", 2_000, 61);
  private static final String MANY = "many@example.com";

  /** App Store Connect users of the team: more than two pages. */
  private static final int TEAM = 450;

  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    try {
      ObjectNode seed = APP.seed(true);
      for (int i = 0; i < TEAM; i++) {
        ((ArrayNode) seed.get("users")).addObject().put("email", "user" + i + "@example.org");
      }
      // one more tester, in all 60 external groups: more than the 50 the testers' include carries
      ((ArrayNode) seed.get("testers"))
          .addObject()
          .put("email", MANY)
          .put("firstName", "Many")
          .put("lastName", "Groups");
      seed.get("groups")
          .forEach(
              g -> {
                if (!g.get("isInternalGroup").asBoolean()) {
                  ((ArrayNode) g.get("testers")).add(MANY);
                }
              });
      Path file = tmp.resolve("seed.json");
      Files.writeString(file, seed.toString());
      return super.options().withSeedFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file() throws IOException {
    StringBuilder groups = new StringBuilder();
    for (int g = 1; g < APP.groups(); g++) {
      groups.append(g == 1 ? "" : ", ").append('"').append(APP.groupName(g)).append('"');
    }
    return Files.writeString(
        tmp.resolve("testflight.yaml"),
        APP.yaml()
            + "      - { email: "
            + MANY
            + ", firstName: Many, lastName: Groups, groups: ["
            + groups
            + "] }\n");
  }

  @Test
  void aNoChangePlanCostsTheLowerBound() throws IOException {
    CliRunner.Result plan =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file().toString(),
                "--detailed-exitcode",
                "--parallelism",
                "4");
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.out()).contains("No changes.");
    long bound = 1 + ceil(APP.groups(), 200) + ceil(APP.testers() + 1, 200);
    assertThat(bound).isEqualTo(1 + 1 + 11);
    assertThat(sandbox.requestCounts())
        .isEqualTo(
            Map.of(
                "GET /v1/apps", 1L,
                "GET /v1/betaGroups", 1L,
                "GET /v1/betaTesters", 11L,
                // the tester in 60 groups: its groups are read in full from its linkage endpoint
                "GET /v1/betaTesters/{id}/relationships/betaGroups", 1L));
    assertThat(sandbox.totalRequests()).isEqualTo(bound + 1);
  }

  /**
   * The inactive-tester policy costs one usage request per 200 testers, and nothing else; the build
   * expiry policy one read of the builds (none here): the lower bound of each read.
   */
  @Test
  void thePoliciesCostTheirReadsAndNoMore() throws IOException {
    Path file = file();
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                "    invitations: { onAdd: false }\n",
                "    invitations: { onAdd: false }\n    inactiveTesters: { noSessionDays: 90, graceDays: 0 }\n"
                    + "    buildExpiry: { olderThanDays: 60 }\n"));
    CliRunner.Result plan =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--detailed-exitcode",
                "--parallelism",
                "4");
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.all())
        .contains("No changes.")
        .contains("the inactive-tester policy removes nobody");
    assertThat(sandbox.requestCounts())
        .isEqualTo(
            Map.of(
                "GET /v1/apps", 1L,
                "GET /v1/betaGroups", 1L,
                "GET /v1/betaTesters", 11L,
                "GET /v1/betaTesters/{id}/relationships/betaGroups", 1L,
                "GET /v1/apps/{id}/metrics/betaTesterUsages", ceil(APP.testers() + 1, 200),
                "GET /v1/builds", 1L));
  }

  @Test
  void readingInParallelGivesTheSameStateAsReadingOneAtATime() {
    SandboxCredentials c = sandbox.credentials();
    try (AscClient client =
        AscClient.create(
            new Credentials(c.keyId(), c.issuerId(), c.privateKeyPem()),
            ClientOptions.defaults(sandbox.baseUri()))) {
      LiveState one =
          new StateReader(client, 1, dev.flightplan.kinds.Kinds.reads())
              .read(List.of("com.example.nope", APP.bundleId()));
      LiveState four =
          new StateReader(client, 4, dev.flightplan.kinds.Kinds.reads())
              .read(List.of("com.example.nope", APP.bundleId()));
      assertThat(four).isEqualTo(one);
      assertThat(four.missing()).containsExactly("com.example.nope");
      assertThat(four.apps()).extracting(a -> a.bundleId()).containsExactly(APP.bundleId());
      assertThat(four.apps().get(0).testers()).hasSize(2_001);
      assertThat(four.apps().get(0).tester(MANY).orElseThrow().groupIds()).hasSize(60);
    }
  }

  @Test
  void theTeamsUsersAreReadTwoHundredAPageWithTheirUsernamesOnly() {
    SandboxCredentials c = sandbox.credentials();
    try (AscClient client =
        AscClient.create(
            new Credentials(c.keyId(), c.issuerId(), c.privateKeyPem()),
            ClientOptions.defaults(sandbox.baseUri()))) {
      TeamUsers users = new StateReader(client, 4, dev.flightplan.kinds.Kinds.reads()).readUsers();
      assertThat(users.status()).isEqualTo(TeamUsers.Status.READ);
      assertThat(users.usernames()).hasSize(TEAM).contains("user449@example.org");
    }
    assertThat(sandbox.requestCounts()).isEqualTo(Map.of("GET /v1/users", ceil(TEAM, 200)));
    assertThat(recorder.exchanges())
        .allSatisfy(
            e ->
                assertThat(URLDecoder.decode(e.rawQuery(), StandardCharsets.UTF_8))
                    .contains("fields[users]=username")
                    .contains("limit=200"));
  }

  private static long ceil(long n, long d) {
    return (n + d - 1) / d;
  }
}
