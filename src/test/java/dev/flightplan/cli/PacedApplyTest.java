package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.ClientOptions;
import dev.flightplan.api.Credentials;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.bench.Synthetic;
import dev.flightplan.config.DesiredState;
import dev.flightplan.engine.ConfigFile;
import dev.flightplan.engine.Engine;
import dev.flightplan.engine.Scope;
import dev.flightplan.plan.Note;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.render.PlanTextView;
import dev.flightplan.render.Style;
import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key allowed 40 requests an hour and a plan that needs 67: the plan says so, and apply paces
 * itself through the rate limit without a single 429. The sandbox and the client share a clock that
 * only the client's sleeper moves, so an hour of waiting takes no time.
 */
@IntegrationTest
class PacedApplyTest extends SandboxTest {
  private static final Synthetic APP = new Synthetic("com.example.bench", "2000000001", 60, 4);
  private static final long HOURLY_LIMIT = 40;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    try {
      return super.options()
          .withSeedFile(APP.writeSeed(tmp.resolve("seed.json"), false))
          .withHourlyLimit(HOURLY_LIMIT)
          .withClock(clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void thePlanWarnsAndApplyWaitsForTheBudgetInsteadOfHittingTheLimit() throws IOException {
    Path file = APP.writeYaml(tmp.resolve("testflight.yaml"));
    ConfigFile config = ConfigFile.load(file);
    DesiredState desired = config.result().state().orElseThrow();
    try (AscClient client = client()) {
      Engine engine = new Engine(client, Map.of(), 4);
      Engine.Proposal proposal =
          engine.plan(
              desired,
              config.ref(),
              Scope.select(desired, List.of()),
              PlanOptions.DEFAULTS,
              "test");
      SavedPlan saved = proposal.saved();
      assertThat(saved.plan().calls()).hasSize(64); // 4 groups, 60 testers
      // 3 reads were made: 37 left, 1 kept in reserve
      assertThat(saved.plan().notes())
          .filteredOn(n -> n.kind() == Note.Kind.RATE_LIMIT)
          .extracting(Note::text)
          .singleElement()
          .asString()
          .startsWith(
              "rate limit: applying this plan takes 67 requests (64 to apply, about 3 to read and verify), more than"
                  + " the 36 the API key has left this hour (limit 40 an hour): apply paces itself to the limit and takes at least");
      StringWriter text = new StringWriter();
      new PlanTextView(new PrintWriter(text), Style.PLAIN).render(saved);
      assertThat(text.toString())
          .contains("\nWarning: applying this plan takes 67 requests")
          .doesNotContain("  - rate limit:");
      assertThat(sleeps).isEmpty();

      ApplyReport report = engine.apply(proposal.planned(), r -> {});
      assertThat(report.succeeded())
          .as("%s", report.failure().map(f -> f.error()).orElse(""))
          .isTrue();
      assertThat(sleeps).isNotEmpty();
      assertThat(client.rateBudget().pauses()).isEqualTo(sleeps.size());
      assertThat(engine.plan(desired, PlanOptions.DEFAULTS).plan().hasChanges()).isFalse();
    } catch (Scope.UnknownAppException e) {
      throw new AssertionError(e);
    }
    assertThat(recorder.exchanges()).noneMatch(e -> e.status() == 429);
    // 3 reads, 64 writes, 3 reads to verify; a request in flight while the sleeper moved the clock
    // by an hour may
    // have met its token expired (401) and been sent again with a new one, which the limit does not
    // count
    assertThat(recorder.exchanges()).filteredOn(e -> e.status() != 401).hasSize(3 + 64 + 3);
  }

  private AscClient client() {
    SandboxCredentials c = sandbox.credentials();
    ClientOptions options =
        ClientOptions.defaults(sandbox.baseUri())
            .withClock(clock)
            .withSleeper(
                d -> {
                  sleeps.add(d);
                  clock.advance(d);
                });
    return AscClient.create(new Credentials(c.keyId(), c.issuerId(), c.privateKeyPem()), options);
  }
}
