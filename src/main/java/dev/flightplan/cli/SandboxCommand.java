package dev.flightplan.cli;

import dev.flightplan.sandbox.FaultSpec;
import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code flightplan sandbox}: serves the App Store Connect emulator over HTTP until interrupted,
 * and says where the key it accepts is written, so any App Store Connect client can be pointed at
 * it.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = "Run the App Store Connect sandbox as a server (state kept in a JSON file).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flightplan sandbox",
      "  flightplan sandbox --port 0 --state /tmp/sandbox.json",
      "  flightplan sandbox --faults seed=7,5xx=0.1,429=0.05 --latency 50"
    })
final class SandboxCommand implements Callable<Integer> {
  /**
   * How long a stop waits for the state to be saved (folding the journal into the state file takes
   * about 2 s at 100,000 testers); the journal holds every write if it is cut short.
   */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

  @ParentCommand RootCommand root;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port on 127.0.0.1 (0 picks a free one; default: ${DEFAULT-VALUE}).",
      defaultValue = "8787")
  int port;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "State file (default: ${DEFAULT-VALUE}).",
      defaultValue = ".flightplan/sandbox.json")
  Path state;

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description = "Seed for a new state: apps, builds and users (default: the demo seed).")
  Path seed;

  @Option(
      names = "--latency",
      paramLabel = "MS",
      description = "Added latency per request, in milliseconds (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  long latencyMs;

  @Option(
      names = "--hourly-limit",
      paramLabel = "N",
      description = "Requests allowed per rolling hour (default: ${DEFAULT-VALUE}).",
      defaultValue = "3600")
  long hourlyLimit;

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      description = {
        "Faults to inject, comma-separated (default: none):",
        "  5xx=RATE      answer 500/503 (RATE from 0 to 1)",
        "  429=RATE      answer 429 RATE_LIMIT_EXCEEDED",
        "  reset=RATE    close the connection without an answer",
        "  lost=SHARE    of the 5xx and resets on writes, the share that strike after the change is made (default: 0.5)",
        "  slow=RATE[:DURATION]  answer late (default: 2s)",
        "  revoke=once|N revoke the token of the N-th request early (once: N from the seed, within 100): 401s",
        "  lag=DURATION  reads trail writes by DURATION; deletes that may complete later answer 202",
        "  seed=N        replay the same faults (default: random, printed)",
        "e.g. seed=7,5xx=0.1,429=0.05,reset=0.02,revoke=once"
      })
  String faults;

  @Option(
      names = "--advance-clock",
      paramLabel = "DURATION",
      description = {
        "Move the sandbox's clock forward by DURATION (ISO-8601: P8D, PT6H) before serving, as if that time had",
        "passed: builds past their 90 days expire. Adds up over runs (kept in the state file); tokens still use the",
        "real time. While it runs: POST /sandbox/clock {\"advance\": \"P8D\"} (see the README)."
      })
  String advanceClock;

  @Override
  public Integer call() throws Exception {
    Environment env = root.env;
    Duration advance = null;
    if (advanceClock != null) {
      try {
        advance = Duration.parse(advanceClock);
      } catch (java.time.format.DateTimeParseException e) {
        advance = Duration.ZERO;
      }
      if (advance.isNegative() || advance.isZero()) {
        env.err()
            .println(
                "error: --advance-clock: '"
                    + advanceClock
                    + "' is no positive ISO-8601 duration; use e.g. P8D (8 days) or PT6H (6 hours)");
        return ExitCodes.USAGE;
      }
    }
    FaultSpec faultSpec;
    try {
      faultSpec = FaultSpec.parse(faults);
    } catch (IllegalArgumentException e) {
      env.err().println("error: --faults: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    SandboxOptions options =
        SandboxOptions.defaults()
            .withPort(port)
            .withStateFile(state.toAbsolutePath())
            .withHourlyLimit(hourlyLimit)
            .withLatency(Duration.ofMillis(latencyMs))
            .withFaults(faultSpec);
    if (seed != null) {
      options = options.withSeedFile(seed.toAbsolutePath());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    try (SandboxServer server = SandboxServer.start(options)) {
      if (advance != null) {
        server.admin().advanceClock(advance);
      }
      SandboxCredentials c = server.credentials();
      env.out().println("App Store Connect sandbox listening on " + server.baseUri());
      env.out().println("State:       " + state.toAbsolutePath());
      if (!server.admin().clockOffset().isZero()) {
        env.out()
            .println("Clock:       " + server.admin().clockOffset() + " ahead of the real time");
      }
      env.out().println("Credentials: " + c.credentialsFile());
      env.out().println("Private key: " + c.privateKeyFile());
      if (faultSpec.active()) {
        env.out().println("Faults:      " + faultSpec + " (pass it to --faults to replay them)");
      }
      env.out().println();
      env.out().println("Point a client at it:");
      env.out()
          .println(
              "  export ASC_KEY_ID="
                  + c.keyId()
                  + " ASC_ISSUER_ID="
                  + c.issuerId()
                  + " ASC_PRIVATE_KEY_PATH="
                  + c.privateKeyFile());
      env.out().println("  flightplan plan --api-url " + server.baseUri() + " -f testflight.yaml");
      env.out().println("Press Ctrl-C to stop.");
      env.out().flush();
      // Ctrl-C or SIGTERM: the JVM halts once its shutdown hooks return, so the hook waits for the
      // server to be closed (its journal folded into the state file) before it returns
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stopped.countDown();
                    try {
                      closed.await(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      stopped.await();
    } finally {
      closed.countDown();
    }
    return ExitCodes.OK;
  }
}
