package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.contract.ExchangeRecorder;
import dev.flightplan.contract.OpenApiContract;
import dev.flightplan.sandbox.Exchange;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the integration tests: a fresh sandbox (demo seed, in memory) on 127.0.0.1 port 0 per
 * test, every exchange recorded, and after each test every request and response checked against
 * Apple's OpenAPI document.
 */
abstract class SandboxTest {
  protected SandboxServer sandbox;
  protected final ExchangeRecorder recorder = new ExchangeRecorder();

  /** The invitation log of this test's commands (kept out of the working directory). */
  protected java.nio.file.Path invitationLog;

  @BeforeEach
  void startSandbox() throws IOException {
    invitationLog =
        java.nio.file.Files.createTempDirectory("flightplan-log").resolve("invitations.json");
    sandbox = SandboxServer.start(options());
    sandbox.addListener(recorder);
  }

  protected SandboxOptions options() {
    return SandboxOptions.defaults();
  }

  /**
   * Tests that send the same requests many times (fault matrices, soak) may check each shape of
   * exchange once per JVM: method, path template, query parameter names, status and injected fault.
   * Checking costs about 20 ms an exchange; the shapes they repeat are those every other
   * integration test checks in full.
   */
  protected boolean checkEachShapeOnce() {
    return false;
  }

  private static final java.util.Set<String> CHECKED_SHAPES =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static String shape(Exchange e) {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (String pair : e.rawQuery() == null ? new String[0] : e.rawQuery().split("&")) {
      names.add(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
    }
    String[] segments = e.path().split("/", -1);
    if (segments.length >= 4) {
      segments[3] = "{id}";
    }
    return e.method()
        + " "
        + String.join("/", segments)
        + "?"
        + names
        + " -> "
        + e.status()
        + e.responseHeaders().getOrDefault("X-Sandbox-Fault", List.of());
  }

  @AfterEach
  void stopSandboxAndCheckContract() {
    sandbox.close();
    if (!OpenApiContract.available()) {
      // the test itself passed; only the contract check is missing, which is allowed outside CI
      assertThat(System.getenv("CI"))
          .as("in CI the OpenAPI document must be at " + OpenApiContract.location())
          .isNotEqualTo("true");
    } else {
      List<String> violations = new ArrayList<>();
      for (Exchange e : recorder.exchanges()) {
        if (checkEachShapeOnce() && !CHECKED_SHAPES.add(shape(e))) {
          continue;
        }
        // flightplan never sends an invalid request on purpose, so its requests are checked
        // whatever the answer
        java.util.LinkedHashSet<String> found =
            new java.util.LinkedHashSet<>(OpenApiContract.violations(e));
        found.addAll(OpenApiContract.requestViolations(e));
        violations.addAll(found);
      }
      assertThat(violations)
          .as("requests and responses that break Apple's OpenAPI document")
          .isEmpty();
    }
  }

  protected CliRunner cli() {
    return CliRunner.against(sandbox).invitationLog(invitationLog);
  }

  /**
   * A client of this test's sandbox, with its key, as a program of the test's own would use the
   * API.
   */
  protected dev.flightplan.api.AscClient sandboxClient() {
    return sandboxClient(java.time.Clock.systemUTC());
  }

  /** The same on {@code clock}: a sandbox on a test's clock checks tokens by that time. */
  protected dev.flightplan.api.AscClient sandboxClient(java.time.Clock clock) {
    dev.flightplan.sandbox.SandboxCredentials c = sandbox.credentials();
    return dev.flightplan.api.AscClient.create(
        new dev.flightplan.api.Credentials(c.keyId(), c.issuerId(), c.privateKeyPem()),
        dev.flightplan.api.ClientOptions.defaults(sandbox.baseUri()).withClock(clock));
  }

  /** Requests that change something (anything but GET), by method and path template. */
  protected long writes() {
    return sandbox.requestCounts().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET "))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The example file and its demo password file, copied into {@code dir}: the file's path. */
  protected static java.nio.file.Path example(java.nio.file.Path dir) throws IOException {
    java.nio.file.Path file = dir.resolve("testflight.yaml");
    java.nio.file.Files.copy(java.nio.file.Path.of("examples/testflight.yaml"), file);
    java.nio.file.Files.copy(
        java.nio.file.Path.of("examples/demo-password.txt"), dir.resolve("demo-password.txt"));
    return file;
  }
}
