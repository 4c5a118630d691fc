package dev.flightplan.bench;

import dev.flightplan.config.ConfigLoader;
import dev.flightplan.config.LoadResult;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Config load alone: loads a desired-state file (made by {@link ScaleFiles}) {@code rounds + 1}
 * times in this JVM and prints the first load's and the median warm load's CPU (of this thread),
 * wall time and allocation, and the heap the loaded state retains. {@code java -cp ...
 * dev.flightplan.bench.ConfigLoadBench FILE [ROUNDS]}.
 */
public final class ConfigLoadBench {
  private ConfigLoadBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<long[]> samples = new ArrayList<>();
    LoadResult kept = null;
    for (int i = 0; i <= rounds; i++) {
      kept = null;
      long cpu = threads.getCurrentThreadCpuTime();
      long alloc = threads.getCurrentThreadAllocatedBytes();
      long wall = System.nanoTime();
      kept = ConfigLoader.load(file);
      samples.add(
          new long[] {
            threads.getCurrentThreadCpuTime() - cpu,
            System.nanoTime() - wall,
            threads.getCurrentThreadAllocatedBytes() - alloc
          });
      if (kept.state().isEmpty()) {
        throw new IllegalStateException("the file did not load: " + kept.diagnostics());
      }
    }
    long[] first = samples.remove(0);
    samples.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] median = samples.isEmpty() ? first : samples.get(samples.size() / 2);
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.printf(
        "%s: first load %d ms CPU / %d ms wall / %d MB allocated; warm median of %d: %d ms CPU / %d ms wall"
            + " / %d MB allocated; heap with the state loaded %d MB%n",
        file,
        first[0] / 1_000_000,
        first[1] / 1_000_000,
        first[2] >> 20,
        rounds,
        median[0] / 1_000_000,
        median[1] / 1_000_000,
        median[2] >> 20,
        retained >> 20);
    Collections.singletonList(kept).size();
  }
}
