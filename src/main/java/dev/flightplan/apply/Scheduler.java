package dev.flightplan.apply;

import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Phase;
import java.time.Duration;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends a plan's calls with at most {@code parallelism} in flight, never out of dependency order.
 *
 * <p>The calls are taken in stages: consecutive calls of the same app and {@link Phase} (a call
 * without a phase is a stage of its own). A stage starts only when every call of the stages before
 * it has finished, so an app's phases keep the order the planner gave them and apps follow one
 * another. Within a stage, calls start in plan order, and a call waits until every call it depends
 * on has finished: the earlier calls producing the ids it needs ({@link ApiCall#needs()}) and the
 * calls it must follow ({@link ApiCall#after()}). Every order the planner relies on within a phase
 * is such a dependency, so it holds at any parallelism.
 *
 * <p>After the first failure no further call starts; calls already in flight finish and are
 * reported. When a stop is requested (or the thread running the schedule is interrupted), which is
 * noticed within {@link #STOP_CHECK}, no further call starts either, and the calls in flight are
 * interrupted as well: one waiting (for the rate limit, to retry, to read back) gives up its wait
 * and is reported at once, as not sent when it had not gone out yet; an exchange already on the
 * wire is let finish. Results are in plan order whatever the timing: a call that never started is
 * {@code NOT_SENT}. Progress is reported on the calling thread, one result at a time, in the order
 * calls finish.
 */
public final class Scheduler {
  /** How soon a stop request is noticed while calls are in flight. */
  static final Duration STOP_CHECK = Duration.ofMillis(50);

  private final int parallelism;

  public Scheduler(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /**
   * Runs {@code calls}; {@code send} carries out one call and reports its result (it runs on a
   * worker thread, several at once, so it must be thread-safe). An exception thrown by {@code send}
   * (a bug, or an answer the client cannot make sense of) becomes that call's {@code FAILED}
   * result, with the exception as its error, and stops the schedule like any failure: the report of
   * what was done is never lost to an exception.
   */
  public List<CallResult> run(
      List<ApiCall> calls,
      Function<ApiCall, CallResult> send,
      Consumer<CallResult> progress,
      BooleanSupplier stopRequested) {
    Objects.requireNonNull(send, "send");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(stopRequested, "stopRequested");
    int n = calls.size();
    CallResult[] results = new CallResult[n];
    if (n == 0) {
      return List.of();
    }
    int[] stage = stages(calls);
    int[][] producers = producers(calls);
    boolean[] finished = new boolean[n];
    BlockingQueue<Integer> completed = new LinkedBlockingQueue<>();
    ExecutorService workers =
        Executors.newFixedThreadPool(Math.min(parallelism, n), workerThreads());
    Workers running = new Workers(n);
    boolean stopped = false;
    boolean interruptedCalls = false;
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
          // the poll below clears the flag of an interrupt it catches: interrupted remembers it
          if (!interruptedCalls
              && (stopRequested.getAsBoolean()
                  || interrupted
                  || Thread.currentThread().isInterrupted())) {
            stopped = true;
            interruptedCalls = true;
            running.stop();
          }
          if (!stopped) {
            for (Iterator<Integer> it = waiting.iterator();
                it.hasNext() && inFlight < parallelism; ) {
              int i = it.next();
              if (ready(producers[i], finished)) {
                it.remove();
                inFlight++;
                workers.execute(
                    () -> {
                      try {
                        if (running.enter(i)) {
                          results[i] = send.apply(calls.get(i));
                        } else {
                          results[i] =
                              new CallResult(calls.get(i), CallResult.Status.NOT_SENT, null);
                        }
                      } catch (RuntimeException | Error e) {
                        results[i] =
                            new CallResult(
                                calls.get(i), CallResult.Status.FAILED, "unexpected error: " + e);
                      } finally {
                        running.leave(i);
                        completed.add(i);
                      }
                    });
              }
            }
          }
          if (inFlight == 0) {
            if (!stopped) {
              // cannot happen: the first waiting call's producers all come before it and have
              // finished
              throw new IllegalStateException(
                  "no call of the stage can start: " + calls.get(waiting.get(0)).purpose());
            }
            break;
          }
          Integer done;
          try {
            done = completed.poll(STOP_CHECK.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            interrupted = true;
            continue;
          }
          if (done == null) {
            continue;
          }
          inFlight--;
          finished[done] = true;
          if (results[done].status() == CallResult.Status.FAILED) {
            stopped = true;
          }
          progress.accept(results[done]);
        }
        stageStart = stageEnd;
      }
    } finally {
      workers.shutdown();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    List<CallResult> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(
          results[i] != null
              ? results[i]
              : new CallResult(calls.get(i), CallResult.Status.NOT_SENT, null));
    }
    return out;
  }

  /**
   * The thread sending each call in flight, so that a stop can interrupt exactly those.
   * Thread-safe.
   */
  private static final class Workers {
    private final Thread[] threads;
    private boolean stopping;

    Workers(int calls) {
      threads = new Thread[calls];
    }

    /**
     * Registers the current thread as sending call {@code i}; false when a stop came first: do not
     * send it.
     */
    synchronized boolean enter(int i) {
      if (stopping) {
        return false;
      }
      threads[i] = Thread.currentThread();
      return true;
    }

    synchronized void leave(int i) {
      threads[i] = null;
    }

    /** Interrupts every call in flight, and keeps any call not begun yet from beginning. */
    synchronized void stop() {
      stopping = true;
      for (Thread t : threads) {
        if (t != null) {
          t.interrupt();
        }
      }
    }
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
      boolean same =
          call.phase() != null
              && call.phase() == previous.phase()
              && Objects.equals(app(call), app(previous));
      stage[i] = same ? current : ++current;
    }
    return stage;
  }

  private static String app(ApiCall call) {
    return call.serves().isEmpty() ? null : call.serves().get(0).app();
  }

  /**
   * For each call, the earlier calls it depends on: those producing the references it needs, and
   * those it must follow. A reference nothing earlier produces is left to fail when the call is
   * sent, as it would in a sequential apply; a call to follow that does not come earlier is a bug
   * of the plan (see {@code plan.Plan}).
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
          throw new IllegalStateException(
              call.purpose() + " must follow the call " + key + ", which does not come before it");
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
