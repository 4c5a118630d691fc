package dev.flightplan.api;

import dev.flightplan.sandbox.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A client wired to a {@link ScriptedServer} with a settable clock, a sleeper that records instead
 * of sleeping, jitter-free retries (so waits are exact) and a captured debug log.
 */
final class Harness implements AutoCloseable {
  static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

  final ScriptedServer server;
  final MutableClock clock = new MutableClock(START);
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  final AscClient client;

  Harness() throws IOException {
    this(RetryPolicy.defaults());
  }

  Harness(RetryPolicy retry) throws IOException {
    server = new ScriptedServer();
    client = AscClient.create(TestKeys.credentials(), options(server, retry));
  }

  ClientOptions options(ScriptedServer on, RetryPolicy retry) {
    return ClientOptions.defaults(on.baseUrl())
        .withClock(clock)
        .withRetry(new RetryPolicy(retry.maxAttempts(), retry.baseDelay(), retry.maxDelay(), 0))
        .withSleeper(sleeps::add)
        .withDebugLog(log::add);
  }

  Harness enqueue(ScriptedServer.Reply... replies) {
    server.enqueue(replies);
    return this;
  }

  List<ScriptedServer.Recorded> requests() {
    return server.requests();
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
