package dev.flightplan.api;

import static dev.flightplan.api.ScriptedServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@IntegrationTest
class ConcurrencyTest {
  @Test
  void oneClientServesConcurrentRequestsWithOneToken() throws Exception {
    int n = 40;
    try (Harness h = new Harness()) {
      for (int i = 0; i < n; i++) {
        h.enqueue(
            ok("{\"data\":[]}")
                .header("X-Rate-Limit", "user-hour-lim:3600;user-hour-rem:" + (3600 - i) + ";"));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<Document>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          String path = "/v1/apps/a" + i;
          calls.add(() -> h.client.get(path));
        }
        for (Future<Document> f : pool.invokeAll(calls)) {
          assertThat(f.get().data()).isEmpty();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(h.client.requestCount()).isEqualTo(n);
      assertThat(h.requests()).hasSize(n);
      assertThat(h.requests())
          .extracting(ScriptedServer.Recorded::token)
          .containsOnly(h.requests().get(0).token());
      assertThat(h.client.tokensMinted()).isEqualTo(1);
      assertThat(h.client.rateLimit().hourRemaining()).isPresent();
    }
  }
}
