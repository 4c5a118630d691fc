package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.Sleeper;
import dev.flightplan.sandbox.FaultSpec;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.testing.IntegrationTest;
import dev.flightplan.testing.LiveSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The soak: the example plus 2,000 testers, applied once per seed against a sandbox that answers
 * 10% of requests with a 5xx (half of those on writes after the change was made), 5% with a 429 and
 * drops 2% of connections, and revokes the token once. Every run must converge, verified, to
 * exactly the state a clean apply gives: no tester lost or duplicated, no invitation sent twice.
 * {@code -Dsoak.runs=N} sets the number of seeded runs: 3 in a local {@code mvn verify} (about 13 s
 * each on a 2-core machine), all 20 in CI ({@code .ci/run}); each run's figures are printed for the
 * README.
 */
@IntegrationTest
class SoakTest extends SandboxTest {
  static final int TESTERS = 2000;
  static final String FAULTS = "5xx=0.1,429=0.05,reset=0.02,revoke=once";
  static final Sleeper NO_WAIT = d -> {};

  @TempDir static Path dir;
  private static Path file;
  private static String reference;
  private long seed;

  @Override
  protected SandboxOptions options() {
    return SandboxOptions.defaults()
        .withHourlyLimit(1_000_000)
        .withFaults(seed == 0 ? FaultSpec.none() : FaultSpec.parse("seed=" + seed + "," + FAULTS));
  }

  @Override
  protected boolean checkEachShapeOnce() {
    return true;
  }

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, Integer.getInteger("soak.runs", 3)).boxed();
  }

  /**
   * The example with 2,000 more testers in a group of their own, and the state a clean apply of it
   * gives.
   */
  static synchronized Path soakFile() {
    if (file == null) {
      try {
        Path f = withTesters(dir, TESTERS);
        try (SandboxServer clean =
            SandboxServer.start(SandboxOptions.defaults().withHourlyLimit(1_000_000))) {
          CliRunner.Result r =
              CliRunner.against(clean)
                  .sleeper(NO_WAIT)
                  .run(clean, "apply", "-f", f.toString(), "--auto-approve");
          assertThat(r.exit()).as(r.err()).isZero();
          reference = LiveSummary.read(clean, f);
        }
        file = f;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }

  /**
   * The example with {@code testers} more testers ({@code soak0001@example.com}, ...) in a group of
   * their own, Soak, written to {@code dir} with its password file: the file's path.
   */
  static Path withTesters(Path dir, int testers) throws IOException {
    String example = Files.readString(Path.of("examples/testflight.yaml"));
    StringBuilder group = new StringBuilder("      - name: Soak\n        testers:\n");
    for (int i = 1; i <= testers; i++) {
      group.append(String.format("          - soak%04d@example.com%n", i));
    }
    String marker = "      - name: Friends & Family\n";
    assertThat(example).contains(marker);
    Path f = dir.resolve("testflight.yaml");
    Files.writeString(f, example.replace(marker, group + "\n" + marker));
    Files.copy(Path.of("examples/demo-password.txt"), dir.resolve("demo-password.txt"));
    return f;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void convergesUnderFaultsWithNothingLostOrExtra(long seed) throws IOException {
    Path f = soakFile();
    this.seed = seed;
    sandbox.close();
    startSandbox();
    long started = System.nanoTime();
    CliRunner.Result r =
        cli()
            .sleeper(NO_WAIT)
            .run(sandbox, "apply", "-f", f.toString(), "--auto-approve", "--retries", "9");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(r.exit()).as("faults %s\n%s", sandbox.faults(), r.err()).isZero();
    assertThat(r.out()).contains("Verified: App Store Connect now matches the file.");
    assertThat(LiveSummary.read(sandbox, f)).as("state after seed %d", seed).isEqualTo(reference);
    assertThat(sandbox.admin().invitationsSent().values())
        .as("invitations per tester")
        .allMatch(n -> n <= 1);
    Map<String, Long> injected = sandbox.faultsInjected();
    assertThat(injected).containsKeys("server_error", "rate_limited").containsEntry("revoked", 1L);
    System.out.printf(
        "soak seed %d: %d requests, faults %s, %d ms%n",
        seed, sandbox.totalRequests(), injected, took.toMillis());
  }
}
