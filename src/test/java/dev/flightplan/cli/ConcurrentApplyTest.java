package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.AscClient;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.apply.CallResult;
import dev.flightplan.bench.Synthetic;
import dev.flightplan.config.DesiredState;
import dev.flightplan.engine.ConfigFile;
import dev.flightplan.engine.Engine;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.render.ApplyTextView;
import dev.flightplan.render.Style;
import dev.flightplan.sandbox.Exchange;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apply with several requests in flight, against the sandbox: an app with only its seed (no groups,
 * no testers) and a file with 5 groups and 120 testers, each created into groups the same apply
 * creates.
 */
@IntegrationTest
class ConcurrentApplyTest extends SandboxTest {
  private static final Synthetic APP = new Synthetic("com.example.bench", "2000000001", 120, 5);

  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    return APP.seedOnly(super.options(), tmp);
  }

  @Test
  void groupsAreCreatedBeforeTheTestersThatNameThemAndPlanningAgainFindsNothing()
      throws IOException {
    Path file = APP.writeYaml(tmp.resolve("testflight.yaml"));
    CliRunner.Result apply =
        cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--parallelism", "4");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out())
        .contains("Apply complete! 125 added, 0 changed, 0 destroyed.")
        .contains("Verified:");
    assertThat(sandbox.requestCounts())
        .containsEntry("POST /v1/betaGroups", 5L)
        .containsEntry("POST /v1/betaTesters", 120L);

    // the order the sandbox answered in: the internal group first, then the external ones, then the
    // testers
    List<String> writes =
        recorder.exchanges().stream()
            .filter(e -> e.method().equals("POST"))
            .map(ConcurrentApplyTest::describe)
            .toList();
    assertThat(writes.get(0)).isEqualTo("group Internal");
    assertThat(writes.subList(1, 5)).allMatch(w -> w.startsWith("group Beta"));
    assertThat(writes.subList(5, writes.size())).hasSize(120).allMatch(w -> w.startsWith("tester"));

    CliRunner.Result again =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--detailed-exitcode",
                "--parallelism",
                "4");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void theReportKeepsPlanOrderAndAnApplyStoppedHalfWayIsFinishedByTheNext() throws IOException {
    DesiredState desired =
        ConfigFile.load(APP.writeYaml(tmp.resolve("testflight.yaml")))
            .result()
            .state()
            .orElseThrow();
    try (AscClient client = sandboxClient()) {
      Engine engine = new Engine(client, Map.of(), 4);
      Engine.Planned planned = engine.plan(desired, PlanOptions.DEFAULTS);
      Plan plan = planned.plan();
      assertThat(plan.calls()).hasSize(125);

      AtomicInteger finished = new AtomicInteger();
      AtomicInteger sent = new AtomicInteger();
      ApplyReport stopped =
          engine.apply(
              planned,
              r -> {
                finished.incrementAndGet();
                if (r.status() != CallResult.Status.NOT_SENT) {
                  sent.incrementAndGet();
                }
              },
              () -> finished.get() >= 30);
      assertThat(stopped.results()).extracting(CallResult::call).isEqualTo(plan.calls());
      assertThat(stopped.succeeded()).isFalse();
      assertThat(stopped.failure()).isEmpty();
      // the calls in flight when the stop came (at most 4) finished, or were reported not sent when
      // the stop caught
      // them before they went out (waiting for a pooled connection); nothing else started
      assertThat(stopped.sent()).isBetween(30L, 33L).isEqualTo(sent.get());
      assertThat(finished.get()).isBetween(30, 34);
      assertThat(
              sandbox.requestCounts().get("POST /v1/betaGroups")
                  + sandbox.requestCounts().get("POST /v1/betaTesters"))
          .isEqualTo(stopped.sent());
      StringWriter out = new StringWriter();
      new ApplyTextView(new PrintWriter(out), Style.PLAIN).render(stopped);
      assertThat(out.toString())
          .contains("Apply interrupted after " + stopped.sent() + " of 125 requests")
          .contains("Run apply again to finish");

      Engine.Planned again = engine.plan(desired, PlanOptions.DEFAULTS);
      Plan rest = again.plan();
      assertThat(rest.calls()).hasSize(125 - (int) stopped.sent());
      ApplyReport finishing = engine.apply(again, r -> {});
      assertThat(finishing.succeeded()).isTrue();
      assertThat(finishing.results()).extracting(CallResult::call).isEqualTo(rest.calls());
      assertThat(engine.plan(desired, PlanOptions.DEFAULTS).plan().hasChanges()).isFalse();
    }
  }

  private static String describe(Exchange e) {
    String body = e.requestBody();
    if (e.path().equals("/v1/betaGroups")) {
      return "group " + body.replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
    }
    return e.path().equals("/v1/betaTesters") ? "tester" : e.method() + " " + e.path();
  }
}
