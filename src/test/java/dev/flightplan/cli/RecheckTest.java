package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.AscClient;
import dev.flightplan.apply.Recheck;
import dev.flightplan.bench.Synthetic;
import dev.flightplan.config.DesiredState;
import dev.flightplan.engine.ConfigFile;
import dev.flightplan.engine.Engine;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the re-check before apply's first write costs: one request per app and kind for the creates
 * it filters by key (up to 50 keys; more read the whole list, as planning did), one per build or
 * invocation for the rest, none for a plan that creates nothing; and that it finds what appeared.
 */
@IntegrationTest
class RecheckTest extends SandboxTest {
  @TempDir Path tmp;

  /**
   * The seed holds only the app (no groups, no testers), whatever the number of testers the file
   * has.
   */
  private static final Synthetic APP = new Synthetic("com.example.bench", "2000000001", 30, 5);

  @Override
  protected SandboxOptions options() {
    return APP.seedOnly(super.options(), tmp);
  }

  @Test
  void thirtyTestersAndFiveGroupsCostOneFilteredReadEachAndWhatAppearedIsFound()
      throws IOException {
    DesiredState desired =
        ConfigFile.load(APP.writeYaml(tmp.resolve("testflight.yaml")))
            .result()
            .state()
            .orElseThrow();
    try (AscClient client = sandboxClient()) {
      Engine engine = new Engine(client, Map.of(), 4);
      Plan plan = engine.plan(desired, PlanOptions.DEFAULTS).plan();
      assertThat(plan.calls()).hasSize(35);
      Map<String, Long> before = new HashMap<>(sandbox.requestCounts());
      Recheck.Result fresh = engine.recheck(plan);
      assertThat(fresh.appeared()).isEmpty();
      assertThat(fresh.requests()).isEqualTo(2);
      assertThat(delta(before, "GET /v1/betaGroups")).isEqualTo(1);
      assertThat(delta(before, "GET /v1/betaTesters")).isEqualTo(1);
      assertThat(recorder.exchanges().get(recorder.exchanges().size() - 1).rawQuery())
          .contains("filter%5Bemail%5D=");

      // another apply creates everything meanwhile: the re-check of the old plan finds each create
      // done
      assertThat(engine.apply(engine.plan(desired, PlanOptions.DEFAULTS), r -> {}).succeeded())
          .isTrue();
      Recheck.Result late = engine.recheck(plan);
      assertThat(late.appeared()).hasSize(35);
      assertThat(late.requests()).isEqualTo(2);

      Recheck.Result nothing = engine.recheck(engine.plan(desired, PlanOptions.DEFAULTS).plan());
      assertThat(nothing.requests()).as("a plan that creates nothing reads nothing more").isZero();
    }
  }

  @Test
  void moreThanFiftyCreatesOfAKindReadTheWholeListInstead() throws IOException {
    Synthetic bigger = new Synthetic("com.example.bench", "2000000001", 120, 5);
    DesiredState desired =
        ConfigFile.load(bigger.writeYaml(tmp.resolve("testflight.yaml")))
            .result()
            .state()
            .orElseThrow();
    try (AscClient client = sandboxClient()) {
      Engine engine = new Engine(client, Map.of(), 4);
      Plan plan = engine.plan(desired, PlanOptions.DEFAULTS).plan();
      Recheck.Result fresh = engine.recheck(plan);
      assertThat(fresh.requests()).as("the app has no tester yet: one page").isEqualTo(2);
      assertThat(recorder.exchanges().get(recorder.exchanges().size() - 1).rawQuery())
          .doesNotContain("filter%5Bemail%5D");
    }
  }

  private long delta(Map<String, Long> before, String template) {
    return sandbox.requestCounts().getOrDefault(template, 0L) - before.getOrDefault(template, 0L);
  }
}
