package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.MutableClock;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.testing.IntegrationTest;
import dev.flightplan.testing.MessyStates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pull, then plan, is empty for every live state: for each seed, a messy state ({@link
 * MessyStates}) is seeded into the sandbox, public-link joiners join, and then the pulled file
 * plans no changes (with and without --prune), and a second pull a while later writes the same
 * bytes (testers in a CSV list on odd seeds). {@code -Dmessy.seeds=N} sets how many seeds run (20
 * by default, about 10 s); a failure names its seed, which {@code -Dmessy.first=SEED
 * -Dmessy.seeds=1} replays.
 */
@IntegrationTest
class PullRoundTripTest extends SandboxTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:30:00Z"));
  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    return super.options().withClock(clock).withHourlyLimit(1_000_000);
  }

  @Override
  protected boolean checkEachShapeOnce() {
    return true;
  }

  @Override
  protected CliRunner cli() {
    return super.cli().clock(clock);
  }

  static Stream<Long> seeds() {
    long first = Long.getLong("messy.first", 1);
    return LongStream.range(first, first + Integer.getInteger("messy.seeds", 20)).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aPulledFilePlansNoChangesAndPullsAgainToTheSameBytes(long seed) throws IOException {
    MessyStates.State state = MessyStates.generate(seed);
    Path seedFile = tmp.resolve("seed.json");
    Files.writeString(seedFile, state.seedJson());
    sandbox.close();
    sandbox = SandboxServer.start(options().withSeedFile(seedFile));
    sandbox.addListener(recorder);
    for (MessyStates.Joiner j : state.joiners()) {
      sandbox
          .admin()
          .joinThroughPublicLink(j.bundleId(), j.group(), j.email(), j.firstName(), j.lastName());
    }
    boolean csv = seed % 2 == 1;
    String what =
        "seed "
            + seed
            + " (replay: -Dtest=PullRoundTripTest -Dmessy.first="
            + seed
            + " -Dmessy.seeds=1)";

    Path first = pull(tmp.resolve("first"), csv, what);
    String yaml = Files.readString(first.resolve("testflight.yaml"));
    for (String prune : new String[] {"", "--prune"}) {
      CliRunner.Result plan =
          prune.isEmpty()
              ? cli()
                  .run(
                      sandbox,
                      "plan",
                      "-f",
                      first.resolve("testflight.yaml").toString(),
                      "--detailed-exitcode")
              : cli()
                  .run(
                      sandbox,
                      "plan",
                      "-f",
                      first.resolve("testflight.yaml").toString(),
                      "--detailed-exitcode",
                      prune);
      assertThat(plan.exit())
          .as(
              "%s: plan %s of the pulled file%n%s%n--- pulled file:%n%s",
              what, prune, plan.all(), yaml)
          .isZero();
      assertThat(plan.out()).as(what).contains("No changes.");
    }
    assertThat(writes()).as("%s: pull and plan change nothing", what).isZero();

    clock.advance(Duration.ofMinutes(3));
    Path second = pull(tmp.resolve("second"), csv, what);
    assertThat(files(second)).as("%s: the second pull's files", what).isEqualTo(files(first));
    for (String name : files(first)) {
      assertThat(Files.readString(second.resolve(name)))
          .as("%s: %s of the second pull", what, name)
          .isEqualTo(Files.readString(first.resolve(name)));
    }
  }

  /**
   * Pulls every app into {@code dir}/testflight.yaml (and testers*.csv with {@code csv}); returns
   * {@code dir}.
   */
  private Path pull(Path dir, boolean csv, String what) throws IOException {
    Files.createDirectories(dir);
    String file = dir.resolve("testflight.yaml").toString();
    CliRunner.Result pull =
        csv
            ? cli()
                .run(
                    sandbox,
                    "pull",
                    "-o",
                    file,
                    "--testers-csv",
                    dir.resolve("testers.csv").toString())
            : cli().run(sandbox, "pull", "-o", file);
    assertThat(pull.exit()).as("%s: pull%n%s", what, pull.all()).isZero();
    return dir;
  }

  private static java.util.List<String> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
