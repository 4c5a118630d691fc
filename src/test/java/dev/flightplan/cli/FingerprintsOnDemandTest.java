package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.AscClient;
import dev.flightplan.bench.Synthetic;
import dev.flightplan.config.DesiredState;
import dev.flightplan.engine.ConfigFile;
import dev.flightplan.engine.Engine;
import dev.flightplan.engine.Scope;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fingerprints are made for a plan document that may be applied later, and only for it; the plan is
 * the same.
 */
@IntegrationTest
class FingerprintsOnDemandTest extends SandboxTest {
  @TempDir Path tmp;

  private static final Synthetic APP = new Synthetic("com.example.bench", "2000000001", 20, 4);

  @Override
  protected SandboxOptions options() {
    return APP.seedOnly(super.options(), tmp);
  }

  @Test
  void aPlanOnlyShownHasNoFingerprintsAndTheSamePlan() throws Exception {
    DesiredState desired =
        ConfigFile.load(APP.writeYaml(tmp.resolve("testflight.yaml")))
            .result()
            .state()
            .orElseThrow();
    SavedPlan.ConfigRef ref = new SavedPlan.ConfigRef("testflight.yaml", "0".repeat(64));
    try (AscClient client = sandboxClient()) {
      Engine engine = new Engine(client, Map.of(), 1);
      Scope scope = Scope.select(desired, List.of());
      SavedPlan saved =
          engine.plan(desired, ref, scope, PlanOptions.DEFAULTS, "test", true).saved();
      SavedPlan shown =
          engine.plan(desired, ref, scope, PlanOptions.DEFAULTS, "test", false).saved();

      assertThat(saved.fingerprints()).containsKey("com.example.bench/app[\"com.example.bench\"]");
      assertThat(shown.fingerprints()).isEmpty();
      assertThat(shown.plan().actions()).isEqualTo(saved.plan().actions());
      assertThat(shown.plan().calls()).isEqualTo(saved.plan().calls());
    }
  }

  @Test
  void theJsonOnStandardOutputStillCarriesThemForItCanBeApplied() throws Exception {
    Path file = APP.writeYaml(tmp.resolve("testflight.yaml"));
    CliRunner.Result json = cli().run(sandbox, "plan", "-f", file.toString(), "--format", "json");
    assertThat(json.exit()).isZero();
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out())
                .path("fingerprints")
                .has("com.example.bench/app[\"com.example.bench\"]"))
        .isTrue();
  }
}
