package dev.flightplan.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.ClientOptions;
import dev.flightplan.api.Credentials;
import dev.flightplan.config.ConfigLoader;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.LoadResult;
import dev.flightplan.contract.ExchangeRecorder;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.engine.Engine;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.sandbox.Exchange;
import dev.flightplan.sandbox.FaultSpec;
import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every order the planner relies on holds at any parallelism: random plans across every kind
 * (random files applied one after another, so that the live state each plan starts from is random
 * too) are applied four calls at a time against a sandbox that answers a share of requests late
 * ({@code slow}), and the order in which the sandbox received and answered the requests shows that
 * each call was received only after every call it depends on had been answered: the calls producing
 * the ids it needs, the calls it must follow ({@code after}), and every call of the phases before
 * its own. Each apply succeeds, and planning again finds nothing to do.
 */
@IntegrationTest
class DependencyOrderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FILES_PER_SANDBOX = 3;

  /** What one seed's applies exercised, so that the test shows it checked something. */
  private record Checked(int references, int follows, int phases) {}

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void everyDeclaredDependencyIsAnsweredBeforeTheCallThatNeedsItIsReceived(long seed)
      throws IOException {
    FaultSpec faults = FaultSpec.parse("seed=" + seed + ",slow=0.3:40ms");
    ExchangeRecorder recorder = new ExchangeRecorder();
    int references = 0;
    int follows = 0;
    int phases = 0;
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withFaults(faults));
        AscClient client = client(sandbox)) {
      sandbox.addListener(recorder);
      Engine engine = new Engine(client, Map.of(), 4);
      for (int step = 0; step < FILES_PER_SANDBOX; step++) {
        RandomFiles.File file = RandomFiles.of(seed * 1000 + step);
        String where = "seed " + seed + ", file " + step + " (" + faults + "):\n" + file.yaml();
        DesiredState desired = load(file.yaml(), where);
        PlanOptions options = new PlanOptions(file.prune(), false, 2);
        Engine.Planned planned = engine.plan(desired, options);
        Plan plan = planned.plan();
        assertThat(plan.diagnostics().items()).as(where).noneMatch(Diagnostic::isError);
        recorder.clear();
        ApplyReport report = engine.apply(planned, r -> {});
        assertThat(report.failure()).as(where).isEmpty();
        assertThat(report.succeeded()).as(where).isTrue();
        Checked checked = check(plan, report, recorder.exchanges(), where);
        references += checked.references();
        follows += checked.follows();
        phases += checked.phases();
        assertThat(engine.plan(desired, options).plan().actions())
            .as("planning again after " + where)
            .isEmpty();
      }
      assertThat(sandbox.faultsInjected().getOrDefault("slow", 0L))
          .as("requests answered late")
          .isPositive();
    }
    assertThat(references + follows + phases)
        .as("dependencies checked for seed " + seed)
        .isPositive();
    TOTALS.merge("references", references, Integer::sum);
    TOTALS.merge("follows", follows, Integer::sum);
  }

  /**
   * Across the seeds, both kinds of dependency occur (checked in the last seed's run, whatever the
   * order).
   */
  private static final Map<String, Integer> TOTALS = new java.util.concurrent.ConcurrentHashMap<>();

  @org.junit.jupiter.api.AfterAll
  static void bothKindsOfDependencyWereExercised() {
    assertThat(TOTALS.getOrDefault("references", 0))
        .as("calls that needed an id another call produced")
        .isPositive();
    assertThat(TOTALS.getOrDefault("follows", 0))
        .as("calls that had to follow another (after)")
        .isPositive();
  }

  /**
   * Finds each call's request among the exchanges (its resolved method, path and body) and checks
   * that each of its dependencies was answered before it was received.
   */
  private static Checked check(
      Plan plan, ApplyReport report, List<Exchange> exchanges, String where) {
    List<ApiCall> calls = plan.calls();
    List<Exchange> writes =
        new ArrayList<>(exchanges.stream().filter(e -> !e.method().equals("GET")).toList());
    assertThat(writes).as("one write request per call, " + where).hasSize(calls.size());
    List<Exchange> requestOf = new ArrayList<>();
    for (ApiCall call : calls) {
      Requests.Resolved sent = Requests.resolve(call, report.ids(), d -> Optional.empty());
      Exchange match =
          writes.stream()
              .filter(e -> same(e, call.method(), sent))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no request for " + call.purpose() + " (" + sent.path() + "), " + where));
      writes.remove(match);
      requestOf.add(match);
    }
    Map<String, Integer> producers = new HashMap<>();
    Map<String, Integer> keys = new HashMap<>();
    int[] stages = stages(calls);
    int references = 0;
    int follows = 0;
    int phases = 0;
    for (int i = 0; i < calls.size(); i++) {
      ApiCall call = calls.get(i);
      Exchange request = requestOf.get(i);
      for (String ref : call.needs()) {
        references +=
            before(requestOf.get(producers.get(ref)), request, call, "its reference " + ref, where);
      }
      for (String key : call.after()) {
        follows += before(requestOf.get(keys.get(key)), request, call, "the call " + key, where);
      }
      for (int j = 0; j < i; j++) {
        if (stages[j] < stages[i]) {
          phases +=
              before(
                  requestOf.get(j),
                  request,
                  call,
                  "the earlier phase's " + calls.get(j).purpose(),
                  where);
        }
      }
      if (call.produces() != null) {
        producers.put(call.produces(), i);
      }
      keys.put(call.key(), i);
    }
    return new Checked(references, follows, phases);
  }

  private static int before(
      Exchange dependency, Exchange request, ApiCall call, String what, String where) {
    assertThat(request.received())
        .as(
            "%s was received (%d) before %s was answered (%d), %s",
            call.purpose(), request.received(), what, dependency.answered(), where)
        .isGreaterThan(dependency.answered());
    return 1;
  }

  /**
   * Each call's stage: consecutive calls of the same app and phase share one, and stages follow one
   * another.
   */
  private static int[] stages(List<ApiCall> calls) {
    int[] stages = new int[calls.size()];
    for (int k = 1; k < calls.size(); k++) {
      ApiCall previous = calls.get(k - 1);
      ApiCall call = calls.get(k);
      boolean same =
          call.phase() == previous.phase()
              && call.serves().get(0).app().equals(previous.serves().get(0).app());
      stages[k] = same ? stages[k - 1] : stages[k - 1] + 1;
    }
    return stages;
  }

  private static boolean same(Exchange e, String method, Requests.Resolved sent) {
    String path = e.path() + (e.rawQuery() == null ? "" : "?" + e.rawQuery());
    if (!e.method().equals(method) || !path.equals(sent.path())) {
      return false;
    }
    try {
      JsonNode body = e.requestBody() == null ? null : JSON.readTree(e.requestBody());
      return Objects.equals(body, sent.body());
    } catch (IOException ex) {
      return false;
    }
  }

  private static DesiredState load(String yaml, String where) {
    LoadResult loaded = ConfigLoader.parse("random.yaml", yaml);
    assertThat(loaded.diagnostics().items()).as(where).noneMatch(Diagnostic::isError);
    return loaded.state().orElseThrow();
  }

  private static AscClient client(SandboxServer sandbox) {
    SandboxCredentials c = sandbox.credentials();
    return AscClient.create(
        new Credentials(c.keyId(), c.issuerId(), c.privateKeyPem()),
        ClientOptions.defaults(sandbox.baseUri()));
  }
}
