package dev.flightplan.state;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent reads with at most {@code parallelism} at once and hands back their results in
 * the order the reads were given, whatever order they finish in. The reads are flat (a read never
 * waits for another), so a bounded pool cannot deadlock. When reads fail, every read still
 * finishes, and the failure of the first failing read (in the order given) is thrown: the same
 * failure whatever the timing.
 *
 * <p>Each read added with {@link #add} hands back a typed {@link Result}, filled once {@link
 * #run()} returns, so that nobody decodes results by their position in a list.
 */
final class ParallelReads {
  private final int parallelism;
  private final List<Callable<?>> pending = new ArrayList<>();

  /** The value of one read: available once the reads have run. */
  static final class Result<T> {
    private T value;
    private boolean done;

    private void set(T v) {
      value = v;
      done = true;
    }

    T get() {
      if (!done) {
        throw new IllegalStateException("a read's result was asked for before the reads ran");
      }
      return value;
    }
  }

  ParallelReads(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /** Adds a read, run by {@link #run()}; its value is in the result once that returns. */
  <T> Result<T> add(Callable<T> read) {
    Result<T> result = new Result<>();
    pending.add(
        () -> {
          T value = read.call();
          result.set(value);
          return value;
        });
    return result;
  }

  /**
   * Runs the reads added so far (see the class comment for failures); a result is visible once this
   * returns.
   */
  void run() {
    List<Callable<?>> reads = List.copyOf(pending);
    pending.clear();
    run(reads);
  }

  private List<Object> run(List<Callable<?>> reads) {
    if (reads.isEmpty()) {
      return List.of();
    }
    if (parallelism == 1 || reads.size() == 1) {
      return sequentially(reads);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parallelism, reads.size()),
            r -> {
              Thread t = new Thread(r, "flightplan-read-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      reads.forEach(r -> futures.add(pool.submit(r)));
      List<Object> results = new ArrayList<>();
      RuntimeException first = null;
      boolean interrupted = false;
      for (Future<?> f : futures) {
        while (true) {
          try {
            results.add(f.get());
            break;
          } catch (InterruptedException e) {
            interrupted = true; // the reads are short: let them finish, then say so
          } catch (ExecutionException e) {
            results.add(null);
            if (first == null) {
              first = unwrap(e.getCause());
            }
            break;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (first != null) {
        throw first;
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  private static List<Object> sequentially(List<Callable<?>> reads) {
    List<Object> results = new ArrayList<>();
    for (Callable<?> r : reads) {
      try {
        results.add(r.call());
      } catch (Exception e) {
        throw unwrap(e);
      }
    }
    return results;
  }

  private static RuntimeException unwrap(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException("a read failed: " + t, t);
  }
}
