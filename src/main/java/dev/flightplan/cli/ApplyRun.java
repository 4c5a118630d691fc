package dev.flightplan.cli;

import dev.flightplan.api.RateBudget;
import dev.flightplan.api.StoppedException;
import dev.flightplan.apply.ApplyOutcome;
import dev.flightplan.apply.ApplyOutcome.Ending;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.apply.Recheck;
import dev.flightplan.apply.WaitRounds;
import dev.flightplan.engine.ApplyEvents;
import dev.flightplan.engine.Engine;
import dev.flightplan.plan.Plan;
import dev.flightplan.render.ApplyJsonView;
import dev.flightplan.render.ApplyTextView;
import dev.flightplan.render.OneWriterView;
import dev.flightplan.render.ProgressView;
import dev.flightplan.render.Style;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How one apply's requests go out in this process, and what it says: progress while the requests go
 * out (stopping on a signal), the report after them; with {@code --format json}, also the JSON
 * report on standard output, exactly once ({@code json} not null; {@code env} then prints for
 * people on standard error).
 */
final class ApplyRun {
  /** How long an interrupted apply may take to let the requests under way finish and report. */
  private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(90);

  private final Environment env;
  private final Style style;
  private final PrintWriter json;
  private boolean reported;
  private WaitRounds rounds;

  ApplyRun(Environment env, Style style, PrintWriter json) {
    this.env = env;
    this.style = style;
    this.json = json;
  }

  Environment env() {
    return env;
  }

  Style style() {
    return style;
  }

  /**
   * With --format json, prints the JSON report of {@code outcome}, unless it was printed already.
   */
  synchronized void report(ApplyOutcome outcome, int exitCode) {
    if (json != null && !reported) {
      new ApplyJsonView(json).render(outcome, rounds, RootCommand.version(), exitCode);
      reported = true;
    }
  }

  /** {@code apply --wait}: the rounds so far, which the JSON report lists. */
  synchronized void rounds(WaitRounds sofar) {
    rounds = sofar;
  }

  /** How the apply use cases send a plan over {@code engine}: as {@link #apply} says. */
  ApplyEvents.Sender sender(Engine engine) {
    return (planned, sending, recheck) -> apply(engine, planned, sending, recheck);
  }

  /**
   * Sends the plan's calls with progress, told also while a request waits for the rate limit.
   * Interrupting (Ctrl-C, SIGTERM) stops it starting calls and ends every wait: the exchanges on
   * the wire finish, and the report says what was done, before the process ends (the JVM then exits
   * 130 or 143); running apply again finishes the job. The outcome ends as {@code sending} does
   * when every request was sent. With {@code recheck}, first reads whether what the plan creates
   * appeared since planning ({@link Engine#recheck}), under the same progress (a wait for the rate
   * limit is told) and the same stop (a signal ends it, nothing sent): then nothing is sent (STALE,
   * INTERRUPTED).
   */
  private ApplyOutcome apply(
      Engine engine, Engine.Planned planned, ApplyOutcome sending, boolean recheck) {
    Plan plan = planned.plan();
    ProgressView progress =
        new ProgressView(
            env.out(),
            style,
            env.terminal(),
            env.clock(),
            plan.calls().size(),
            engine.rateBudget()::timeFor);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Thread> rechecking = new AtomicReference<>();
    CountDownLatch reportedLatch = new CountDownLatch(1);
    Thread onInterrupt =
        new Thread(
            () -> {
              stop.set(true);
              Thread reader = rechecking.get();
              if (reader != null) {
                reader.interrupt();
              }
              try {
                reportedLatch.await(INTERRUPT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "flightplan-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try (RateBudget.Subscription waits = engine.rateBudget().onWait(progress::waiting)) {
      progress.start();
      if (recheck) {
        ApplyOutcome unsent = recheck(engine, sending, rechecking);
        if (unsent != null) {
          report(unsent, ExitCodes.ERROR);
          return unsent;
        }
      }
      ApplyReport report = engine.apply(planned, progress, stop::get);
      progress.finish();
      new ApplyTextView(env.out(), style).render(report);
      ApplyOutcome outcome = sending.sent(report, sending.ending());
      if (!report.succeeded()) {
        // nothing follows a stopped apply: the JSON report goes out now, before an interrupted JVM
        // ends
        report(outcome, ExitCodes.ERROR);
      }
      return outcome;
    } finally {
      progress.finish();
      reportedLatch.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the report is out
      }
    }
  }

  /**
   * Null when nothing the plan creates appeared; otherwise (or when stopped) the outcome, shown:
   * nothing is sent.
   */
  private ApplyOutcome recheck(
      Engine engine, ApplyOutcome sending, AtomicReference<Thread> rechecking) {
    rechecking.set(Thread.currentThread());
    try {
      Recheck.Result result = engine.recheck(sending.saved().plan());
      if (result.appeared().isEmpty()) {
        return null;
      }
      new OneWriterView(env.err(), style).appeared(result.appeared());
      return ApplyOutcome.unsent(
          Ending.STALE,
          sending.planFile(),
          sending.saved(),
          result.appeared().stream().map(c -> c.purpose() + ": exists now").toList());
    } catch (StoppedException e) {
      new OneWriterView(env.err(), style).stoppedBeforeWriting();
      return ApplyOutcome.unsent(
          Ending.INTERRUPTED,
          sending.planFile(),
          sending.saved(),
          List.of("stopped before the first write; nothing was changed"));
    } finally {
      rechecking.set(null);
      Thread.interrupted();
    }
  }

  /** Asks at the terminal whether to apply; only "yes" approves. */
  boolean confirmed() throws IOException {
    env.out().println();
    env.out().println("Do you want to perform these actions?");
    env.out().println("  Only 'yes' will be accepted to approve.");
    env.out().print("  Enter a value: ");
    env.out().flush();
    // one line, and nothing else is read from standard input afterwards: the reader can be dropped
    // with its buffer
    String answer =
        new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8)).readLine();
    return answer != null && answer.trim().equals("yes");
  }
}
