package dev.flightplan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.contract.TestFlightOperations.Operation;
import dev.flightplan.sandbox.Docs;
import dev.flightplan.sandbox.Exchange;
import dev.flightplan.sandbox.Lookups;
import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.sandbox.SandboxTestClient;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation of Apple's OpenAPI document that acts on TestFlight resources (found in the
 * document by {@link TestFlightOperations}, not listed by hand) is served by the sandbox: called
 * once on a demo-seeded sandbox with seeded ids and a small body its schema allows, it answers a
 * status the operation declares (never a 405, never a 404 for its path), a read answers 200 and a
 * write succeeds unless {@link #DOCUMENTED} says how and why it is refused; an injected fault (403,
 * 429 or 5xx, in turn) answers its status. Every exchange is checked against the document. Reads
 * run first, deletes of whole resources last, so the seeded resources are there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@IntegrationTest
class EveryTestFlightOperationTest {
  /**
   * The operations whose smallest request is refused, with the status and code they answer and why
   * that is Apple's answer.
   */
  private static final Map<String, String> DOCUMENTED =
      Map.of(
          "POST /v1/betaRecruitmentCriteria",
          "409 ENTITY_ERROR.RELATIONSHIP.INVALID: a group has one criteria resource, created once and then changed with"
              + " PATCH (api-behaviour.md 5.4); the seeded group has one",
          "POST /v1/betaAppReviewSubmissions",
          "409 STATE_ERROR.ENTITY_STATE_INVALID: a build is submitted once; submissions are never updated or deleted"
              + " (api-behaviour.md 5.5); the seeded build was approved already",
          "POST /v1/buildBetaNotifications",
          "409 STATE_ERROR.ENTITY_STATE_INVALID: \"Auto-notify already enabled\" (api-behaviour.md 3); the seeded build"
              + " notifies by itself");

  /** The faults injected in turn, one per operation. */
  private static final List<String> FAULTS = List.of("403", "429", "5xx");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final ExchangeRecorder recorder = new ExchangeRecorder();
  private SandboxServer server;
  private SandboxTestClient client;
  private TestFlightOperations document;
  private List<Operation> operations;
  private OperationRequests requests;
  private final java.util.Set<String> faultsChecked = new java.util.HashSet<>();

  @BeforeAll
  void start() throws IOException {
    OpenApiContract.assumeAvailable();
    document = TestFlightOperations.load(OpenApiContract.location());
    operations = new ArrayList<>(document.testFlight());
    operations.sort(Comparator.comparingInt(EveryTestFlightOperationTest::phase));
    server = SandboxServer.start(SandboxOptions.defaults().withClock(clock));
    server.addListener(recorder);
    client = new SandboxTestClient(server, clock);
    requests = new OperationRequests(fixtures(new Lookups(client)));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /**
   * Reads; relationship deletes (so that the relationship adds after them have something to add
   * back); creates and adds; updates; deletes of whole resources, the groups and testers that
   * others hang off last.
   */
  private static int phase(Operation operation) {
    boolean whole = operation.path().endsWith("{id}");
    return switch (operation.method()) {
      case "GET" -> 0;
      case "POST" -> 2;
      case "PATCH" -> 3;
      default ->
          !whole
              ? 1
              : operation.path().startsWith("/v1/betaGroups/")
                      || operation.path().startsWith("/v1/betaTesters/")
                  ? 5
                  : 4;
    };
  }

  /** One seeded resource of every type an operation starts from or links to. */
  private Map<String, String> fixtures(Lookups lookup) {
    String app = Docs.WEATHER;
    String group = lookup.group("Old Beta");
    String build = lookup.build("2.3", "44");
    String bundle = lookup.bundle(build, "APP_CLIP");
    String invocation =
        first(client.get("/v1/buildBundles/" + bundle + "/betaAppClipInvocations"))
            .path("id")
            .asText();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("apps", app);
    f.put("betaGroups", group);
    f.put("betaTesters", lookup.tester("grace@example.com"));
    f.put("builds", build);
    f.put("buildBetaDetails", build);
    f.put("buildBundles", bundle);
    f.put("betaLicenseAgreements", app);
    f.put("betaAppReviewDetails", app);
    f.put(
        "preReleaseVersions",
        client
            .get("/v1/builds/" + build + "?include=preReleaseVersion")
            .json()
            .path("data")
            .path("relationships")
            .path("preReleaseVersion")
            .path("data")
            .path("id")
            .asText());
    f.put(
        "betaAppLocalizations",
        first(client.get("/v1/apps/" + app + "/betaAppLocalizations")).path("id").asText());
    f.put(
        "betaBuildLocalizations",
        first(client.get("/v1/builds/" + build + "/betaBuildLocalizations")).path("id").asText());
    f.put(
        "betaAppReviewSubmissions",
        client
            .get("/v1/builds/" + build + "/betaAppReviewSubmission")
            .json()
            .path("data")
            .path("id")
            .asText());
    f.put("betaAppClipInvocations", invocation);
    f.put(
        "betaAppClipInvocationLocalizations",
        client
            .get(
                "/v1/betaAppClipInvocations/"
                    + invocation
                    + "?include=betaAppClipInvocationLocalizations")
            .json()
            .path("included")
            .path(0)
            .path("id")
            .asText());
    f.put(
        "betaRecruitmentCriteria",
        client
            .get("/v1/betaGroups/" + group + "/betaRecruitmentCriteria")
            .json()
            .path("data")
            .path("id")
            .asText());
    f.values().forEach(id -> assertThat(id).as("fixtures %s", f).isNotBlank());
    return f;
  }

  private static JsonNode first(SandboxTestClient.Reply reply) {
    return reply.json().path("data").path(0);
  }

  @Test
  void findsTheOperationsTheIssueNames() {
    assertThat(operations)
        .extracting(Operation::key)
        .contains(
            "POST /v1/betaTesters/{id}/relationships/betaGroups",
            "DELETE /v1/betaTesters/{id}/relationships/apps",
            "GET /v1/apps/{id}/metrics/betaTesterUsages",
            "GET /v1/betaGroups/{id}/metrics/betaTesterUsages",
            "GET /v1/betaTesters/{id}/metrics/betaTesterUsages",
            "GET /v1/betaGroups/{id}/metrics/publicLinkUsages",
            "POST /v1/betaTesterInvitations",
            "GET /v1/betaAppClipInvocations/{id}",
            "POST /v1/buildBetaNotifications")
        .doesNotContain(
            "GET /v1/builds/{id}/icons",
            "GET /v1/apps/{id}/betaFeedbackCrashSubmissions",
            "GET /v1/ciBuildRuns/{id}/builds",
            "GET /v1/apps/{id}");
    assertThat(operations).hasSize(EXPECTED_OPERATIONS);
  }

  @Test
  void knowsApplesResourceTypes() throws IOException {
    try (var in = SandboxServer.class.getResourceAsStream("/sandbox/apple-resource-types.txt")) {
      List<String> listed =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .toList();
      assertThat(listed).containsExactlyElementsOf(document.resourceTypes());
    }
  }

  /**
   * The operations outside TestFlight the sandbox serves (flightplan reads apps and the team's
   * users).
   */
  private static final java.util.Set<String> GENERAL =
      java.util.Set.of("GET /v1/apps", "GET /v1/apps/{id}", "GET /v1/users");

  /**
   * Every other operation of the document is answered 403 FORBIDDEN_ERROR (not emulated), a status
   * every operation declares, never a 404 or 405 it does not, except the few in {@link #GENERAL};
   * none changes anything. Only the status is checked: the error documents are those of the
   * TestFlight operations above.
   */
  @Test
  void everyOtherOperationIsForbiddenNotMissing() {
    java.util.Set<String> testFlight = new java.util.HashSet<>();
    operations.forEach(op -> testFlight.add(op.key()));
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Operation op : document.all()) {
      if (testFlight.contains(op.key())) {
        continue;
      }
      String path = op.path().replace("{id}", "not-emulated");
      SandboxTestClient.Reply reply =
          client.send(op.method(), path, op.body() == null ? null : "{}", client.bearer());
      checked++;
      boolean pathUnknown =
          reply.status() == 404 && reply.body().contains("does not match a defined resource type");
      boolean notEmulated = reply.status() == 403 && reply.errorCode().equals("FORBIDDEN_ERROR");
      // a few (the apps and users reads flightplan needs) are served: any status the operation
      // declares
      boolean general = !notEmulated && GENERAL.contains(op.key());
      if (!op.statuses().contains(reply.status()) || pathUnknown || !(notEmulated || general)) {
        wrong.add(op.key() + " -> " + reply.status() + " " + reply.body());
      }
    }
    recorder.clear();
    assertThat(wrong).isEmpty();
    assertThat(checked).isEqualTo(document.all().size() - operations.size());
  }

  /**
   * How many operations of 4.4.1 act on TestFlight resources (a change of the rule or the document
   * shows here).
   */
  private static final int EXPECTED_OPERATIONS = 126;

  @TestFactory
  Stream<DynamicTest> everyOperationIsServed() {
    return java.util.stream.IntStream.range(0, operations.size())
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    operations.get(i).key(),
                    () -> check(operations.get(i), FAULTS.get(i % FAULTS.size()))));
  }

  private void check(Operation op, String fault) {
    OperationRequests.Call call = requests.call(op);
    server.failNext(op.key(), fault);
    SandboxTestClient.Reply injected = send(call);
    assertThat(injected.status())
        .as("%s with an injected %s: %s", op.key(), fault, injected.body())
        .isIn(fault.equals("5xx") ? List.of(500, 503) : List.of(Integer.parseInt(fault)));
    if (faultsChecked.add(fault)) {
      assertValid(
          op); // one error document of each kind is checked in full: they are all alike, and that
      // is slow
    }
    recorder.clear();
    if (op.method().equals("POST") && op.path().contains("/relationships/")) {
      // a link the seed has already: take it away first, so that adding it is a change
      SandboxTestClient.Reply undone =
          send(new OperationRequests.Call("DELETE", call.pathAndQuery(), call.body()));
      assertThat(undone.status())
          .as("DELETE before %s: %s", op.key(), undone.body())
          .isBetween(200, 299);
      recorder.clear(); // checked as an operation of its own
    }
    SandboxTestClient.Reply reply = send(call);
    String answer = reply.status() + (reply.status() >= 400 ? " " + reply.errorCode() : "");
    assertThat(reply.status())
        .as("%s %s answered %s", op.key(), call, reply.body())
        .isNotEqualTo(405);
    assertThat(op.statuses())
        .as("statuses %s declares; it answered %s", op.key(), reply.body())
        .contains(reply.status());
    String documented = DOCUMENTED.get(op.key());
    if (documented != null) {
      assertThat(documented).as("%s answered %s", op.key(), reply.body()).startsWith(answer + ":");
    } else {
      assertThat(reply.status())
          .as("%s %s answered %s", op.key(), call, reply.body())
          .isEqualTo(op.method().equals("GET") ? 200 : reply.status())
          .isBetween(200, 299);
    }
    assertValid(op);
  }

  private SandboxTestClient.Reply send(OperationRequests.Call call) {
    return client.send(call.method(), call.pathAndQuery(), call.body(), client.bearer());
  }

  /**
   * Every exchange since the last check matches the document (about 50 ms each, for the validator).
   */
  private void assertValid(Operation op) {
    List<Exchange> exchanges = recorder.exchanges();
    recorder.clear();
    assertThat(exchanges).as(op.key()).isNotEmpty();
    List<String> violations = new ArrayList<>();
    exchanges.forEach(e -> violations.addAll(OpenApiContract.violations(e)));
    assertThat(violations).as(op.key()).isEmpty();
  }
}
