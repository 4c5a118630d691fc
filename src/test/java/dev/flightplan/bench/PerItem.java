package dev.flightplan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.sandbox.SandboxTestClient;
import dev.flightplan.sandbox.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: how peers work (see {@code peer-call-counts.md}), on the same synthetic app.
 * Reading: the app, its groups, then one request per membership ("is this tester in this group?").
 * Writing: one request per group, one create per tester (with its first group) and one request per
 * further membership. Rate limit as fastlane handles it: the header is ignored, a 429 is retried
 * after 1, 2, 4, ... s, until the waits pass an hour. Runs {@code parallelism} testers at once, the
 * same bound flightplan gets.
 */
final class PerItem {
  private static final Duration GIVE_UP = Duration.ofHours(1);

  private final SandboxServer sandbox;
  private final SandboxTestClient http;
  private final Synthetic app;
  private final int parallelism;
  private final SimClock clock;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile String bearer;
  private volatile Instant bearerUntil = Instant.MIN;

  PerItem(SandboxServer sandbox, Synthetic app, int parallelism, SimClock clock) {
    this.sandbox = sandbox;
    this.http = new SandboxTestClient(sandbox, clock);
    this.app = app;
    this.parallelism = parallelism;
    this.clock = clock;
  }

  long requests() {
    return requests.get();
  }

  long refused() {
    return refused.get();
  }

  long failed() {
    return failed.get();
  }

  /**
   * Reads what a plan needs, one membership at a time; the number of memberships not found (0 when
   * in sync).
   */
  long readEachMembership() throws Exception {
    String appId =
        send("GET", "/v1/apps?filter[bundleId]=" + app.bundleId(), null)
            .path("data")
            .path(0)
            .path("id")
            .asText();
    Map<String, String> groupIds = groupIds(appId);
    AtomicLong missing = new AtomicLong();
    forEachTester(
        i -> {
          for (int g : app.groupsOf(i)) {
            JsonNode page =
                send(
                    "GET",
                    "/v1/betaTesters?filter[email]="
                        + app.email(i)
                        + "&filter[betaGroups]="
                        + groupIds.get(app.groupName(g))
                        + "&fields[betaTesters]=email&limit=1",
                    null);
            if (page == null || page.path("data").isEmpty()) {
              missing.incrementAndGet();
            }
          }
        });
    return missing.get();
  }

  /**
   * Creates the groups, then each tester in its first group and adds it to each other group, one
   * request each.
   */
  void writeEachItem() throws Exception {
    String appId =
        send("GET", "/v1/apps?filter[bundleId]=" + app.bundleId(), null)
            .path("data")
            .path(0)
            .path("id")
            .asText();
    Map<String, String> groupIds = new HashMap<>();
    for (int g = 0; g < app.groups(); g++) {
      String body =
          "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\""
              + app.groupName(g)
              + "\",\"isInternalGroup\":"
              + (g == 0)
              + "},\"relationships\":{\"app\":{\"data\":{\"type\":\"apps\",\"id\":\""
              + appId
              + "\"}}}}}";
      JsonNode created = send("POST", "/v1/betaGroups", body);
      groupIds.put(
          app.groupName(g), created == null ? null : created.path("data").path("id").asText());
    }
    forEachTester(
        i -> {
          List<Integer> groups = new ArrayList<>(app.groupsOf(i));
          String body =
              "{\"data\":{\"type\":\"betaTesters\",\"attributes\":{\"firstName\":\"First"
                  + i
                  + "\",\"lastName\":\"Last"
                  + i
                  + "\",\"email\":\""
                  + app.email(i)
                  + "\"},\"relationships\":{\"betaGroups\":{\"data\":[{\"type\":\"betaGroups\",\"id\":\""
                  + groupIds.get(app.groupName(groups.get(0)))
                  + "\"}]}}}}";
          JsonNode created = send("POST", "/v1/betaTesters", body);
          if (created == null) {
            return;
          }
          String testerId = created.path("data").path("id").asText();
          for (int g : groups.subList(1, groups.size())) {
            send(
                "POST",
                "/v1/betaGroups/" + groupIds.get(app.groupName(g)) + "/relationships/betaTesters",
                "{\"data\":[{\"type\":\"betaTesters\",\"id\":\"" + testerId + "\"}]}");
          }
        });
  }

  private Map<String, String> groupIds(String appId) {
    Map<String, String> ids = new HashMap<>();
    String next = "/v1/betaGroups?filter[app]=" + appId + "&fields[betaGroups]=name&limit=200";
    while (next != null) {
      JsonNode page = send("GET", next, null);
      page.path("data")
          .forEach(g -> ids.put(g.path("attributes").path("name").asText(), g.path("id").asText()));
      next =
          page.path("links").hasNonNull("next") ? page.path("links").path("next").asText() : null;
    }
    return ids;
  }

  private interface PerTester {
    void run(int tester) throws Exception;
  }

  private void forEachTester(PerTester work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < parallelism; w++) {
        int worker = w;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = worker; i < app.testers(); i += parallelism) {
                    work.run(i);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * One request, repeated after a 429 as fastlane does; the body as JSON, or null when it finally
   * failed.
   */
  private JsonNode send(String method, String path, String body) {
    Duration waited = Duration.ZERO;
    Duration backoff = Duration.ofSeconds(1);
    boolean reminted = false;
    while (true) {
      requests.incrementAndGet();
      SandboxTestClient.Reply reply = http.send(method, path, body, bearer());
      if (reply.status() < 300) {
        return reply.json();
      }
      if (reply.status() == 401 && !reminted) {
        // another worker's backoff moved the shared clock past the token's expiry: a new token,
        // once
        reminted = true;
        bearerUntil = Instant.MIN;
        continue;
      }
      if (reply.status() != 429 || waited.compareTo(GIVE_UP) > 0) {
        failed.incrementAndGet();
        return null;
      }
      refused.incrementAndGet();
      clock.skip(backoff);
      waited = waited.plus(backoff);
      backoff = backoff.multipliedBy(2);
    }
  }

  /**
   * A token reused for ten minutes, as any client caches it (signing one per request would measure
   * signing).
   */
  private String bearer() {
    Instant now = clock.instant();
    if (now.isAfter(bearerUntil)) {
      synchronized (this) {
        if (now.isAfter(bearerUntil)) {
          bearer = "Bearer " + TestTokens.valid(sandbox.credentials(), now).compact();
          bearerUntil = now.plus(Duration.ofMinutes(10));
        }
      }
    }
    return bearer;
  }
}
