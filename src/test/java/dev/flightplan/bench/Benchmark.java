package dev.flightplan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.ClientOptions;
import dev.flightplan.api.Credentials;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.config.DesiredState;
import dev.flightplan.engine.ConfigFile;
import dev.flightplan.engine.Engine;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scale benchmark (see BENCHMARKS.md): flightplan against the sandbox with injected latency,
 * beside a per-item strategy (how peers work), on a synthetic app of 10,000 testers in 50 groups;
 * and the planner alone on 100,000 testers, in a JVM of its own with a 512 MB heap. Not part of the
 * test run:
 *
 * <pre>./mvnw -q -B test-compile exec:exec -Pbenchmark</pre>
 *
 * Settings (system properties, passed through by the profile): {@code bench.latency} ms per request
 * (20), {@code bench.testers} (10000), {@code bench.groups} (50), {@code bench.plannerTesters}
 * (100000), {@code bench.parallelism} (4), {@code bench.skip} (comma-separated parts to leave out:
 * {@code plan}, {@code apply}, {@code perItem}, {@code paced}, {@code planner}), {@code bench.out}
 * (where the Markdown results go; default target/benchmark/results.md). Progress goes to stderr,
 * results to stdout and the file.
 */
public final class Benchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long UNLIMITED = 1_000_000_000L;
  private static final long APPLE_HOURLY = 3_600;

  private final Duration latency = Duration.ofMillis(Long.getLong("bench.latency", 20));
  private final Synthetic app =
      new Synthetic(
          "com.example.bench",
          "2000000001",
          Integer.getInteger("bench.testers", 10_000),
          Integer.getInteger("bench.groups", 50));
  private final int plannerTesters = Integer.getInteger("bench.plannerTesters", 100_000);
  private final int parallelism = Integer.getInteger("bench.parallelism", 4);
  private final List<String> skip = List.of(System.getProperty("bench.skip", "").split(","));
  private final Path work;
  private final StringBuilder md = new StringBuilder();

  private Benchmark() throws IOException {
    work = Files.createTempDirectory("flightplan-bench");
  }

  public static void main(String[] args) throws Exception {
    Benchmark b = new Benchmark();
    long started = System.nanoTime();
    b.run();
    b.md
        .append("\nBenchmark run time: ")
        .append(seconds(System.nanoTime() - started))
        .append(".\n");
    Path out = Path.of(System.getProperty("bench.out", "target/benchmark/results.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, b.md.toString());
    System.out.print(b.md);
    System.err.println("results written to " + out);
  }

  private void run() throws Exception {
    machine();
    Path yaml = app.writeYaml(work.resolve("testflight.yaml"));
    DesiredState desired = ConfigFile.load(yaml).result().state().orElseThrow();
    Path full = app.writeSeed(work.resolve("seed-full.json"), true);
    Path empty = app.writeSeed(work.resolve("seed-app.json"), false);
    if (!skip.contains("plan")) {
      noChangePlan(desired, full);
    }
    if (!skip.contains("apply")) {
      firstApply(desired, empty);
    }
    if (!skip.contains("paced")) {
      pacedApply(desired, empty);
    }
    if (!skip.contains("planner")) {
      planner();
    }
  }

  private void machine() throws IOException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    md.append("## Results of ").append(LocalDate.now()).append("\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| machine | ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs (`nproc`), ")
        .append(os.getTotalMemorySize() >> 30)
        .append(" GiB memory, ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append(" |\n");
    md.append("| JDK | ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append(" |\n");
    md.append("| load average at start | ")
        .append(String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage()))
        .append(" |\n");
    md.append("| app | ")
        .append(count(app.testers()))
        .append(" testers, ")
        .append(app.groups())
        .append(" groups (1 internal), ")
        .append(count(app.memberships()))
        .append(" memberships |\n");
    md.append("| sandbox | in memory, ")
        .append(latency.toMillis())
        .append(" ms latency per request |\n");
    md.append("| parallelism | ").append(parallelism).append(" |\n\n");
  }

  // --- 1. no-change plan
  // -------------------------------------------------------------------------------------

  private void noChangePlan(DesiredState desired, Path seed) throws Exception {
    long bound = 1 + ceil(app.groups(), 200) + ceil(app.testers(), 200);
    md.append("### 1. A plan with nothing to change\n\n");
    md.append("Lower bound: 1 + ⌈")
        .append(app.groups())
        .append("/200⌉ + ⌈")
        .append(app.testers())
        .append("/200⌉ = ")
        .append(bound)
        .append(
            " requests (no per-app singletons: the file manages no builds or beta information).\n\n");
    md.append(
        "| strategy | parallelism | requests | × bound | wall time | changes found |\n|---|---:|---:|---:|---:|---|\n");
    for (int p : List.of(1, parallelism)) {
      try (Run run = new Run(seed, UNLIMITED, null)) {
        Engine engine = new Engine(run.client, Map.of(), p);
        long t = System.nanoTime();
        Plan plan = engine.plan(desired, PlanOptions.DEFAULTS).plan();
        long wall = System.nanoTime() - t;
        long requests = run.sandbox.totalRequests();
        progress(
            "no-change plan, parallelism "
                + p
                + ": "
                + requests
                + " requests "
                + run.sandbox.requestCounts());
        md.append("| flightplan | ")
            .append(p)
            .append(" | ")
            .append(count(requests))
            .append(" | ")
            .append(ratio(requests, bound))
            .append(" | ")
            .append(seconds(wall))
            .append(" | ")
            .append(plan.hasChanges() ? plan.actions().size() + " (unexpected)" : "none")
            .append(" |\n");
      }
    }
    if (!skip.contains("perItem")) {
      try (Run run = new Run(seed, UNLIMITED, null)) {
        PerItem peer = new PerItem(run.sandbox, app, parallelism, run.clock);
        long t = System.nanoTime();
        long missing = peer.readEachMembership();
        long wall = System.nanoTime() - t;
        progress("per-item reads: " + peer.requests() + " requests");
        md.append("| per item (one read per membership) | ")
            .append(parallelism)
            .append(" | ")
            .append(count(peer.requests()))
            .append(" | ")
            .append(ratio(peer.requests(), bound))
            .append(" | ")
            .append(seconds(wall))
            .append(" | ")
            .append(missing == 0 ? "none" : missing + " missing")
            .append(" |\n");
      }
    }
    md.append('\n');
  }

  // --- 2. first apply
  // ----------------------------------------------------------------------------------------

  private void firstApply(DesiredState desired, Path seed) throws Exception {
    md.append("### 2. The first apply: ")
        .append(app.groups())
        .append(" groups and ")
        .append(count(app.testers()))
        .append(" testers to create\n\n");
    md.append("Ideal = write requests ÷ parallelism × latency. The sandbox allows ")
        .append(count(UNLIMITED))
        .append(" requests an hour here (section 3 has Apple's 3,600).\n\n");
    md.append(
        "| strategy | parallelism | write requests | wall time of the writes | ideal | × ideal | 429s | whole apply (plan, writes, verify) |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int p : List.of(1, parallelism)) {
      try (Run run = new Run(seed, UNLIMITED, null)) {
        Applied a = applyWithFlightplan(run, desired, p);
        md.append("| flightplan | ")
            .append(p)
            .append(" | ")
            .append(count(a.writes))
            .append(" | ")
            .append(seconds(a.writeNanos))
            .append(" | ")
            .append(seconds(ideal(a.writes, p)))
            .append(" | ")
            .append(ratio(a.writeNanos, ideal(a.writes, p)))
            .append(" | ")
            .append(run.refused.get())
            .append(" | ")
            .append(seconds(a.totalNanos))
            .append(" (")
            .append(count(run.sandbox.totalRequests()))
            .append(" requests) |\n");
      }
    }
    if (!skip.contains("perItem")) {
      try (Run run = new Run(seed, UNLIMITED, null)) {
        PerItem peer = new PerItem(run.sandbox, app, parallelism, run.clock);
        long t = System.nanoTime();
        peer.writeEachItem();
        long wall = System.nanoTime() - t;
        long writes = writes(run.sandbox);
        progress("per-item writes: " + writes + " write requests, " + peer.failed() + " failed");
        md.append("| per item (one write per tester and membership) | ")
            .append(parallelism)
            .append(" | ")
            .append(count(writes))
            .append(" | ")
            .append(seconds(wall))
            .append(" | ")
            .append(seconds(ideal(writes, parallelism)))
            .append(" | ")
            .append(ratio(wall, ideal(writes, parallelism)))
            .append(" | ")
            .append(run.refused.get())
            .append(" | — |\n");
      }
    }
    md.append('\n');
  }

  private record Applied(long writes, long writeNanos, long totalNanos, ApplyReport report) {}

  private Applied applyWithFlightplan(Run run, DesiredState desired, int p) {
    Engine engine = new Engine(run.client, Map.of(), p);
    long t0 = System.nanoTime();
    Engine.Planned planned = engine.plan(desired, PlanOptions.DEFAULTS);
    Plan plan = planned.plan();
    long t1 = System.nanoTime();
    ApplyReport report = engine.apply(planned, r -> {});
    long t2 = System.nanoTime();
    boolean converged = !engine.plan(desired, PlanOptions.DEFAULTS).plan().hasChanges();
    long t3 = System.nanoTime();
    if (!report.succeeded() || !converged) {
      throw new IllegalStateException(
          "the apply at parallelism " + p + " did not converge: " + report.failure());
    }
    progress(
        "first apply, parallelism "
            + p
            + ": "
            + plan.calls().size()
            + " calls in "
            + seconds(t2 - t1)
            + ", "
            + run.sandbox.requestCounts());
    return new Applied(plan.calls().size(), t2 - t1, t3 - t0, report);
  }

  // --- 3. Apple's hourly limit, on a simulated clock
  // ---------------------------------------------------------

  private void pacedApply(DesiredState desired, Path seed) throws Exception {
    md.append("### 3. The first apply against Apple's limit of 3,600 requests an hour\n\n");
    md.append(
            "The sandbox counts a rolling hour on a clock that waiting moves on (a wait returns at once and the clock")
        .append(" jumps), so hours of pacing take the time of the requests alone.\n\n");
    md.append(
        "| strategy | parallelism | requests sent | 429s received | requests that failed | simulated duration | waits for the budget |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    SimClock clock = new SimClock();
    try (Run run = new Run(seed, APPLE_HOURLY, clock)) {
      Applied a = applyWithFlightplan(run, desired, parallelism);
      md.append("| flightplan | ")
          .append(parallelism)
          .append(" | ")
          .append(count(run.sandbox.totalRequests()))
          .append(" | ")
          .append(run.refused.get())
          .append(" | ")
          .append(a.report.failure().isPresent() ? 1 : 0)
          .append(" | ")
          .append(hours(clock.skipped().plusNanos(a.totalNanos)))
          .append(" | ")
          .append(count(run.client.rateBudget().pauses()))
          .append(" |\n");
    }
    if (!skip.contains("perItem")) {
      SimClock peerClock = new SimClock();
      try (Run run = new Run(seed, APPLE_HOURLY, peerClock)) {
        PerItem peer = new PerItem(run.sandbox, app, parallelism, peerClock);
        long t = System.nanoTime();
        peer.writeEachItem();
        long wall = System.nanoTime() - t;
        md.append("| per item, fastlane's 429 backoff | ")
            .append(parallelism)
            .append(" | ")
            .append(count(peer.requests()))
            .append(" | ")
            .append(count(peer.refused()))
            .append(" | ")
            .append(count(peer.failed()))
            .append(" | ")
            .append(hours(peerClock.skipped().plusNanos(wall)))
            .append(" | — |\n");
      }
    }
    md.append('\n');
  }

  // --- 4. the planner
  // ------------------------------------------------------------------------------------------

  private void planner() throws Exception {
    md.append("### 4. The planner alone: ")
        .append(count(plannerTesters))
        .append(" testers in 50 groups, `-Xmx512m`\n\n");
    md.append(
            "CPU of the planning thread; of the whole process (adds the JIT compiler and the garbage collector); allocated =")
        .append(
            " bytes the planning thread allocated for one plan; peak heap = the sum of the heap pools' peaks over the run (an")
        .append(
            " upper bound); retained = what the inputs and the plan hold once garbage is collected.\n\n");
    md.append(
        "| scenario | actions | calls | first plan in a fresh JVM: thread CPU / process CPU / wall | warm (median of 5): thread / process / wall | allocated per plan | peak heap | inputs retained | plan retained |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String scenario : List.of("unchanged", "create")) {
      JsonNode r =
          fork(PlannerBench.class.getName(), Integer.toString(plannerTesters), scenario, "5");
      JsonNode cold = r.path("cold");
      JsonNode warm = r.path("warm_median");
      md.append("| ")
          .append(scenario.equals("create") ? "every tester to create" : "nothing to change")
          .append(" | ")
          .append(count(r.path("actions").asLong()))
          .append(" | ")
          .append(count(r.path("calls").asLong()))
          .append(" | ")
          .append(ms(cold.path("thread_cpu_ms")))
          .append(" / ")
          .append(ms(cold.path("process_cpu_ms")))
          .append(" / ")
          .append(ms(cold.path("wall_ms")))
          .append(" | ")
          .append(ms(warm.path("thread_cpu_ms")))
          .append(" / ")
          .append(ms(warm.path("process_cpu_ms")))
          .append(" / ")
          .append(ms(warm.path("wall_ms")))
          .append(" | ")
          .append(warm.path("allocated_mb").asLong())
          .append(" MB | ")
          .append(r.path("peak_heap_mb").asLong())
          .append(" MB | ")
          .append(r.path("inputs_heap_mb").asLong())
          .append(" MB | ")
          .append(r.path("plan_heap_mb").asLong())
          .append(" MB |\n");
      progress("planner " + scenario + ": " + r);
    }
    md.append('\n');
  }

  private static JsonNode fork(String mainClass, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      out = r.lines().reduce("", (a, b) -> b);
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(mainClass + " failed (exit " + process.exitValue() + ")");
    }
    return JSON.readTree(out);
  }

  // --- plumbing
  // ------------------------------------------------------------------------------------------------

  /**
   * A sandbox seeded from {@code seed} (in memory), a flightplan client for it, and a count of
   * 429s.
   */
  private final class Run implements AutoCloseable {
    final SandboxServer sandbox;
    final AscClient client;
    final SimClock clock;
    final AtomicLong refused = new AtomicLong();

    Run(Path seed, long hourlyLimit, SimClock simulated) throws IOException {
      clock = simulated != null ? simulated : new SimClock();
      SandboxOptions options =
          SandboxOptions.defaults()
              .withSeedFile(seed)
              .withLatency(latency)
              .withHourlyLimit(hourlyLimit);
      if (simulated != null) {
        options = options.withClock(simulated);
      }
      sandbox = SandboxServer.start(options);
      sandbox.addListener(
          e -> {
            if (e.status() == 429) {
              refused.incrementAndGet();
            }
          });
      SandboxCredentials c = sandbox.credentials();
      ClientOptions client = ClientOptions.defaults(sandbox.baseUri());
      if (simulated != null) {
        client = client.withClock(simulated).withSleeper(simulated::skip);
      }
      this.client =
          AscClient.create(new Credentials(c.keyId(), c.issuerId(), c.privateKeyPem()), client);
    }

    @Override
    public void close() {
      client.close();
      sandbox.close();
    }
  }

  private static long writes(SandboxServer sandbox) {
    Map<String, Long> counts = new TreeMap<>(sandbox.requestCounts());
    return counts.entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET "))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private long ideal(long writes, int p) {
    return (long) Math.ceil((double) writes / p) * latency.toNanos();
  }

  private static long ceil(long n, long d) {
    return (n + d - 1) / d;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String ratio(long a, long b) {
    return String.format(Locale.ROOT, "%.2f", (double) a / b);
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private static String hours(Duration d) {
    return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
  }

  private static String ms(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? "—" : count(n.asLong()) + " ms";
  }

  private static void progress(String line) {
    System.err.println("[bench] " + line);
  }
}
