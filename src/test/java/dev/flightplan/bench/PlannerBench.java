package dev.flightplan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.kinds.Kinds;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.Planner;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveState;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The planner alone, for {@code testers} testers in 50 groups, in a JVM of its own ({@link
 * Benchmark} starts it with {@code -Xmx512m}, so finishing at all shows the heap is enough).
 * Scenarios: {@code unchanged} (every tester live as the file has it: no changes) and {@code
 * create} (no tester live yet: one create each); an optional fourth argument spreads the testers
 * over that many apps. Prints one JSON object: the first plan in the fresh JVM (CPU of the planning
 * thread, of the whole process, which counts the JIT compiler and the garbage collector, and wall
 * time), the median of the following rounds (warm), the peak heap over the whole run, and the heap
 * the inputs and the plan hold once garbage is collected.
 */
public final class PlannerBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlannerBench() {}

  public static void main(String[] args) throws Exception {
    int testers = Integer.parseInt(args[0]);
    String scenario = args[1];
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    // the testers spread over this many apps (App Store Connect takes at most 10,000 external
    // testers per app, and
    // the plan refuses more), each its own 50 groups; the same emails in every app
    int appCount = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    List<AppSpec> appSpecs = new ArrayList<>();
    List<LiveApp> liveApps = new ArrayList<>();
    Synthetic app = null;
    for (int a = 0; a < appCount; a++) {
      app =
          new Synthetic(
              "com.example.bench" + (a == 0 ? "" : "." + a),
              String.valueOf(2000000001L + a),
              testers / appCount,
              50);
      appSpecs.addAll(app.desired().apps());
      liveApps.add(app.live(scenario.equals("create") ? 0 : testers / appCount));
    }
    DesiredState desired =
        new DesiredState(app.desired().source(), app.desired().version(), appSpecs);
    LiveState live = new LiveState(liveApps, List.of());
    long inputs = retainedHeap();
    resetPeaks();
    long gcBefore = gcMillis();

    Planner planner = Kinds.planner();
    Sample cold = Sample.of(() -> planner.plan(desired, live, PlanOptions.DEFAULTS));
    Plan plan = cold.plan;
    cold.plan = null;
    List<Sample> warm = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      plan = null; // one plan at a time, as in use
      Sample s = Sample.of(() -> planner.plan(desired, live, PlanOptions.DEFAULTS));
      plan = s.plan;
      s.plan = null;
      warm.add(s);
    }
    long gc = gcMillis() - gcBefore;
    long peak = peakHeap();
    long withPlan = retainedHeap();

    ObjectNode out =
        JSON.createObjectNode()
            .put("testers", testers)
            .put("apps", appCount)
            .put("groups", app.groups() * appCount)
            .put("memberships", app.memberships() * appCount)
            .put("scenario", scenario)
            .put("actions", plan.actions().size())
            .put("calls", plan.calls().size())
            .put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    out.set("cold", cold.json());
    warm.sort((a, b) -> Long.compare(a.processCpuNs, b.processCpuNs));
    out.set("warm_median", warm.isEmpty() ? null : warm.get(warm.size() / 2).json());
    out.put("gc_ms_all_rounds", gc)
        .put("peak_heap_mb", peak >> 20)
        .put("inputs_heap_mb", inputs >> 20)
        .put("plan_heap_mb", Math.max(0, withPlan - inputs) >> 20);
    System.out.println(JSON.writeValueAsString(out));
    Collections.singletonList(plan).size(); // keeps the plan reachable until it was measured
  }

  /** One plan: CPU of this thread and of the process, wall time. */
  private static final class Sample {
    Plan plan;
    final long threadCpuNs;
    final long processCpuNs;
    final long wallNs;
    final long allocatedBytes;

    private Sample(
        Plan plan, long threadCpuNs, long processCpuNs, long wallNs, long allocatedBytes) {
      this.plan = plan;
      this.threadCpuNs = threadCpuNs;
      this.processCpuNs = processCpuNs;
      this.wallNs = wallNs;
      this.allocatedBytes = allocatedBytes;
    }

    /** Plans once; the sample lets go of the plan when the next one is taken. */
    static Sample of(java.util.function.Supplier<Plan> planning) {
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long allocated = threads.getCurrentThreadAllocatedBytes();
      long thread = threads.getCurrentThreadCpuTime();
      long process = processCpu();
      long wall = System.nanoTime();
      Plan plan = planning.get();
      return new Sample(
          plan,
          threads.getCurrentThreadCpuTime() - thread,
          processCpu() - process,
          System.nanoTime() - wall,
          threads.getCurrentThreadAllocatedBytes() - allocated);
    }

    ObjectNode json() {
      return JSON.createObjectNode()
          .put("thread_cpu_ms", threadCpuNs / 1_000_000)
          .put("process_cpu_ms", processCpuNs / 1_000_000)
          .put("wall_ms", wallNs / 1_000_000)
          .put("allocated_mb", allocatedBytes >> 20);
    }
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long gcMillis() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static long retainedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
