package dev.flightplan.apply;

import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Phase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends a plan's calls with at most {@code parallelism} in flight, never out of dependency order.
 *
 * <p>The calls are taken in stages: consecutive calls of the same app and {@link Phase} (a call without a phase is
 * a stage of its own). A stage starts only when every call of the stages before it has finished, so an app's
 * phases keep the order the planner gave them and apps follow one another. Within a stage, calls start in plan
 * order, and a call waits until every call it depends on has finished: the earlier calls producing the ids it needs
 * ({@link ApiCall#needs()}) and the calls it must follow ({@link ApiCall#after()}). Every order the planner relies on
 * within a phase is such a dependency, so it holds at any parallelism.
 *
 * <p>After the first failure, or when a stop is requested (or the thread running the schedule is interrupted),
 * no further call starts; calls already in flight finish and are reported. Results are in plan order whatever
 * the timing: a call that never started is {@code NOT_SENT}. Progress is reported on the calling thread, one
 * result at a time, in the order calls finish.
 */
public final class Scheduler {
  private final int parallelism;

  public Scheduler(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /**
   * Runs {@code calls}; {@code send} carries out one call and reports its result (it runs on a worker thread,
   * several at once, so it must be thread-safe). An exception thrown by {@code send} is a bug: scheduling stops,
   * the calls in flight finish, and the first such exception (in plan order) is rethrown.
   */
  public List<CallResult> run(
      List<ApiCall> calls, Function<ApiCall, CallResult> send, Consumer<CallResult> progress, BooleanSupplier stopRequested) {
    Objects.requireNonNull(send, "send");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(stopRequested, "stopRequested");
    int n = calls.size();
    CallResult[] results = new CallResult[n];
    RuntimeException[] bugs = new RuntimeException[n];
    if (n == 0) {
      return List.of();
    }
    int[] stage = stages(calls);
    int[][] producers = producers(calls);
    boolean[] finished = new boolean[n];
    BlockingQueue<Integer> completed = new LinkedBlockingQueue<>();
    ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallelism, n), workerThreads());
    boolean stopped = false;
    boolean interrupted = false;
    try {
      int stageStart = 0;
      while (stageStart < n && !stopped) {
        int stageEnd = stageStart;
        while (stageEnd < n && stage[stageEnd] == stage[stageStart]) {
          stageEnd++;
        }
        List<Integer> waiting = new LinkedList<>();
        for (int i = stageStart; i < stageEnd; i++) {
          waiting.add(i);
        }
        int inFlight = 0;
        while (!waiting.isEmpty() || inFlight > 0) {
          if (!stopped && (stopRequested.getAsBoolean() || Thread.currentThread().isInterrupted())) {
            stopped = true;
          }
          if (!stopped) {
            for (Iterator<Integer> it = waiting.iterator(); it.hasNext() && inFlight < parallelism; ) {
              int i = it.next();
              if (ready(producers[i], finished)) {
                it.remove();
                inFlight++;
                workers.execute(() -> {
                  try {
                    results[i] = send.apply(calls.get(i));
                  } catch (RuntimeException | Error e) {
                    bugs[i] = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                  } finally {
                    completed.add(i);
                  }
                });
              }
            }
          }
          if (inFlight == 0) {
            if (!stopped) {
              // cannot happen: the first waiting call's producers all come before it and have finished
              throw new IllegalStateException("no call of the stage can start: " + calls.get(waiting.get(0)).purpose());
            }
            break;
          }
          int done;
          try {
            done = completed.take();
          } catch (InterruptedException e) {
            interrupted = true;
            stopped = true;
            continue;
          }
          inFlight--;
          finished[done] = true;
          if (bugs[done] != null) {
            stopped = true;
          } else {
            if (results[done].status() == CallResult.Status.FAILED) {
              stopped = true;
            }
            progress.accept(results[done]);
          }
        }
        stageStart = stageEnd;
      }
    } finally {
      workers.shutdown();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    for (RuntimeException bug : bugs) {
      if (bug != null) {
        throw bug;
      }
    }
    List<CallResult> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(results[i] != null ? results[i] : new CallResult(calls.get(i), CallResult.Status.NOT_SENT, null));
    }
    return out;
  }

  private static boolean ready(int[] producers, boolean[] finished) {
    for (int p : producers) {
      if (!finished[p]) {
        return false;
      }
    }
    return true;
  }

  /** Stage number of each call: consecutive calls of the same app and phase share one. */
  static int[] stages(List<ApiCall> calls) {
    int[] stage = new int[calls.size()];
    int current = 0;
    for (int i = 1; i < calls.size(); i++) {
      ApiCall previous = calls.get(i - 1);
      ApiCall call = calls.get(i);
      boolean same = call.phase() != null && call.phase() == previous.phase() && Objects.equals(app(call), app(previous));
      stage[i] = same ? current : ++current;
    }
    return stage;
  }

  private static String app(ApiCall call) {
    return call.serves().isEmpty() ? null : call.serves().get(0).app();
  }

  /**
   * For each call, the earlier calls it depends on: those producing the references it needs, and those it must
   * follow. A reference nothing earlier produces is left to fail when the call is sent, as it would in a sequential
   * apply; a call to follow that does not come earlier is a bug of the plan (see {@code plan.Plan}).
   */
  private static int[][] producers(List<ApiCall> calls) {
    Map<String, Integer> producedBy = new HashMap<>();
    Map<String, Integer> byKey = new HashMap<>();
    int[][] producers = new int[calls.size()][];
    for (int i = 0; i < calls.size(); i++) {
      ApiCall call = calls.get(i);
      int[] mine = new int[0];
      for (String ref : call.needs()) {
        Integer p = producedBy.get(ref);
        if (p != null) {
          mine = Arrays.copyOf(mine, mine.length + 1);
          mine[mine.length - 1] = p;
        }
      }
      for (String key : call.after()) {
        Integer p = byKey.get(key);
        if (p == null) {
          throw new IllegalStateException(call.purpose() + " must follow the call " + key + ", which does not come before it");
        }
        mine = Arrays.copyOf(mine, mine.length + 1);
        mine[mine.length - 1] = p;
      }
      producers[i] = mine;
      if (call.produces() != null) {
        producedBy.put(call.produces(), i);
      }
      if (call.key() != null) {
        byKey.put(call.key(), i);
      }
    }
    return producers;
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "flightplan-apply-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
