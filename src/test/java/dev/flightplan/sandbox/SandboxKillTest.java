package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.testing.IntegrationTest;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-backed sandbox survives kill -9: {@code flightplan sandbox --state FILE} runs as a
 * process of its own, four clients write testers into it at once, and it is killed (SIGKILL) after
 * a seeded number of acknowledged writes, with writes still in flight; then while compacting, at
 * each step ({@link StateStore#PAUSE_PROPERTY}). Restarted on the same file each time, it must hold
 * every write it acknowledged, each tester once, in the group it joined.
 */
@IntegrationTest
class SandboxKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP_NAME = "Survivors";

  @TempDir Path dir;

  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final Set<String> attempted = ConcurrentHashMap.newKeySet();
  private final HttpClient http = HttpClient.newHttpClient();

  /** A running sandbox process, its address and a token for it. */
  private record Child(Process process, URI base, String bearer) {}

  @Test
  void everyAcknowledgedWriteSurvivesKillsDuringWritesAndDuringCompaction() throws Exception {
    Child child = start(null);
    String group = createGroup(child);
    Random random = new Random(16);
    for (int round = 0; round < 4; round++) {
      int killAfter = acknowledged.size() + 20 + random.nextInt(200);
      writeUntilKilled(child, round, killAfter);
      assertThat(acknowledged.size()).as("round %d", round).isGreaterThanOrEqualTo(killAfter);
      child = start(null);
      assertHoldsEveryAcknowledgedWrite(child, group);
    }
    writeUntilKilled(child, 4, acknowledged.size() + 50);

    // killed while compacting the journal on start: the new snapshot written beside the old one ...
    start("before-rename");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("sandbox.json") && n.endsWith(".tmp"));
    }
    // ... and once in place, with the journal, whose entries it now holds, not yet emptied
    long journalBytes = Files.size(dir.resolve("sandbox.json.journal"));
    assertThat(journalBytes).isPositive();
    start("before-truncate");
    assertThat(Files.size(dir.resolve("sandbox.json.journal"))).isEqualTo(journalBytes);
    assertThat(JSON.readTree(dir.resolve("sandbox.json").toFile()).path("journaled").asLong())
        .isPositive();

    child = start(null);
    assertHoldsEveryAcknowledgedWrite(child, group);
    assertThat(Files.size(dir.resolve("sandbox.json.journal")))
        .as("folded into the snapshot on start")
        .isZero();
    child.process().destroyForcibly().waitFor();
  }

  /**
   * Stopped as Ctrl-C or a service manager stops it (SIGTERM), it folds the journal into the state
   * file before it exits: the JVM halts once its shutdown hooks return.
   */
  @Test
  void aStopFoldsTheJournalIntoTheStateFile() throws Exception {
    Child child = start(null);
    createGroup(child);
    assertThat(Files.size(dir.resolve("sandbox.json.journal"))).isPositive();
    child.process().destroy();
    assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(dir.resolve("sandbox.json.journal")).doesNotExist();
    assertThat(Files.readString(dir.resolve("sandbox.json"))).contains(GROUP_NAME);
  }

  /**
   * Four clients create testers in the group until the sandbox has acknowledged {@code killAfter};
   * then it is killed.
   */
  private void writeUntilKilled(Child child, int round, int killAfter) throws InterruptedException {
    String group = groupId(child);
    CountDownLatch done = new CountDownLatch(4);
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    for (int w = 0; w < 4; w++) {
      Thread writer =
          new Thread(
              () -> {
                try {
                  while (true) {
                    String email = "r" + round + "-" + next.incrementAndGet() + "@example.com";
                    attempted.add(email);
                    HttpResponse<String> r =
                        send(child, "POST", "/v1/betaTesters", Docs.tester(email, group));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                    // once, however many writers pass the mark at the same time
                    if (acknowledged.add(email)
                        && acknowledged.size() >= killAfter
                        && killed.compareAndSet(false, true)) {
                      child.process().destroyForcibly(); // the other writers are mid-request
                    }
                  }
                } catch (IOException | InterruptedException e) {
                  // the sandbox is gone
                } catch (Throwable e) {
                  failures.add(e); // a refused write fails the test, not only its thread
                } finally {
                  done.countDown();
                }
              });
      writer.start();
    }
    assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
    assertThat(failures).as("what the writers met before the kill").isEmpty();
    assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
  }

  private void assertHoldsEveryAcknowledgedWrite(Child child, String group) throws Exception {
    List<String> members = new ArrayList<>();
    String next = "/v1/betaGroups/" + group + "/betaTesters?limit=200";
    while (next != null) {
      JsonNode page = JSON.readTree(send(child, "GET", next, null).body());
      members.addAll(page.path("data").findValuesAsText("email"));
      next = page.path("links").path("next").textValue();
    }
    assertThat(new HashSet<>(members)).as("each tester once").hasSameSizeAs(members);
    assertThat(members).containsAll(acknowledged);
    assertThat(attempted).containsAll(members);
    JsonNode all = JSON.readTree(send(child, "GET", "/v1/betaTesters?limit=1", null).body());
    assertThat(all.path("meta").path("paging").path("total").asInt())
        .as("testers in all")
        .isEqualTo(members.size() + demoTesters);
  }

  private int demoTesters;

  private String createGroup(Child child) throws Exception {
    demoTesters =
        JSON.readTree(send(child, "GET", "/v1/betaTesters?limit=1", null).body())
            .path("meta")
            .path("paging")
            .path("total")
            .asInt();
    HttpResponse<String> r =
        send(child, "POST", "/v1/betaGroups", Docs.group(Docs.WEATHER, GROUP_NAME, ""));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).path("data").path("id").asText();
  }

  private String groupId(Child child) {
    try {
      String found =
          send(child, "GET", "/v1/betaGroups?filter%5Bname%5D=" + GROUP_NAME, null).body();
      return JSON.readTree(found).path("data").path(0).path("id").asText();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(Child child, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(child.base().resolve(path)).header("Authorization", child.bearer());
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Starts {@code flightplan sandbox} on the state file and waits for it to say where it listens;
   * with {@code pauseAt}, waits for it to say that compaction stopped there, then kills it and
   * returns null.
   */
  private Child start(String pauseAt) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    if (pauseAt != null) {
      command.add("-D" + StateStore.PAUSE_PROPERTY + "=" + pauseAt);
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path")
                + File.pathSeparator
                + Path.of("target", "classes").toAbsolutePath(),
            "dev.flightplan.cli.Main",
            "sandbox",
            "--port",
            "0",
            "--state",
            dir.resolve("sandbox.json").toString(),
            "--hourly-limit",
            "100000000"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process is gone
              }
            });
    reader.setDaemon(true);
    reader.start();
    String wanted =
        pauseAt == null
            ? "App Store Connect sandbox listening on "
            : "sandbox: compaction paused " + pauseAt;
    String line;
    do {
      line = lines.poll(60, TimeUnit.SECONDS);
      assertThat(line).as("the sandbox says %s", wanted).isNotNull();
    } while (!line.startsWith(wanted));
    if (pauseAt != null) {
      process.destroyForcibly().waitFor();
      return null;
    }
    URI base = URI.create(line.substring(wanted.length()).trim() + "/");
    JsonNode credentials = JSON.readTree(dir.resolve("sandbox-credentials.json").toFile());
    String pem = Files.readString(Path.of(credentials.path("privateKeyPath").asText()));
    String token =
        TestTokens.valid(
                new SandboxCredentials(
                    credentials.path("keyId").asText(),
                    credentials.path("issuerId").asText(),
                    pem,
                    null,
                    null),
                Instant.now())
            .compact();
    return new Child(process, base, "Bearer " + token);
  }
}
