package dev.flightplan.render;

import dev.flightplan.apply.CallResult;
import dev.flightplan.plan.BudgetNote;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Apply's progress while it runs, told one finished call at a time. At a terminal: one status line,
 * redrawn in place at most every {@link #REDRAW}, with the share done, the rate and the time left.
 * Elsewhere (a CI log): a line per call for plans of up to {@link #EVERY_CALL} calls, else a status
 * line every {@link #PERIOD}; and whatever the plan, never more than {@link #PERIOD} without a
 * line, also while nothing finishes ({@link #heartbeat()}, called every {@link #TICK} once {@link
 * #start() started}), so that a CI log shows the job is alive. Failed calls always get a line of
 * their own. The time left is the larger of what the rate so far gives and what pacing to the rate
 * limit needs ({@code pacedTime}: the least time to send that many more requests); while a request
 * waits for the rate limit ({@link #waiting(Instant)}) the status says until when. Thread-safe: the
 * rate limit's waits and the heartbeat are told from other threads.
 */
public final class ProgressView implements Consumer<CallResult> {
  static final int EVERY_CALL = 100;
  static final Duration PERIOD = Duration.ofSeconds(10);
  static final Duration REDRAW = Duration.ofMillis(100);

  /** How often the heartbeat looks at the clock: a log line is at most this late. */
  static final Duration TICK = Duration.ofMillis(250);

  private static final String CLEAR_LINE = "\r\u001b[2K";
  private static final DateTimeFormatter TIME_OF_DAY =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final PrintWriter out;
  private final Style style;
  private final boolean terminal;
  private final Clock clock;
  private final int total;
  private final LongFunction<Duration> pacedTime;
  private final Instant started;

  /** When the last status line was shown. */
  private Instant shown;

  /** When the last line of any kind was printed (outside a terminal). */
  private Instant lastLine;

  /** When the latest wait for the rate limit ends; null when none was told. */
  private Instant waitEnds;

  private int done;
  private boolean statusShown;
  private boolean finished;
  private ScheduledExecutorService ticker;

  public ProgressView(
      PrintWriter out,
      Style style,
      boolean terminal,
      Clock clock,
      int total,
      LongFunction<Duration> pacedTime) {
    this.out = out;
    this.style = style;
    this.terminal = terminal;
    this.clock = clock;
    this.total = total;
    this.pacedTime = pacedTime;
    this.started = clock.instant();
    this.shown = started;
    this.lastLine = started;
  }

  @Override
  public synchronized void accept(CallResult result) {
    done++;
    Instant now = clock.instant();
    boolean failed = result.status() == CallResult.Status.FAILED;
    if (terminal) {
      if (failed) {
        out.print(statusShown ? CLEAR_LINE : "");
        out.println(line(result));
        statusShown = false;
      }
      if (failed || done == total || !now.isBefore(shown.plus(REDRAW))) {
        redraw(now);
      }
    } else if (total <= EVERY_CALL || failed) {
      println(line(result), now);
    } else if (done == total || !now.isBefore(shown.plus(PERIOD))) {
      printStatus(now);
    }
    out.flush();
  }

  /**
   * A request waits for the hourly rate limit until {@code ends}: shown at once when the wait is
   * long enough to notice ({@link #PERIOD} or more), and in every status line until it ends.
   */
  public synchronized void waiting(Instant ends) {
    waitEnds = ends;
    Instant now = clock.instant();
    if (finished || Duration.between(now, ends).compareTo(PERIOD) < 0) {
      return;
    }
    if (terminal) {
      redraw(now);
    } else {
      printStatus(now);
    }
    out.flush();
  }

  /**
   * Outside a terminal, a status line when {@link #PERIOD} has passed since the last line; at a
   * terminal, the status redrawn (its countdown moves). Called every {@link #TICK} once {@link
   * #start() started}.
   */
  public synchronized void heartbeat() {
    if (finished) {
      return;
    }
    Instant now = clock.instant();
    if (terminal) {
      if (!now.isBefore(shown.plus(REDRAW))) {
        redraw(now);
      }
    } else if (!now.isBefore(lastLine.plus(PERIOD))) {
      printStatus(now);
    }
    out.flush();
  }

  /**
   * Starts calling {@link #heartbeat()} every {@link #TICK} (on a daemon thread), until {@link
   * #finish()}.
   */
  public synchronized void start() {
    if (ticker != null || finished) {
      return;
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "flightplan-progress");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(
        this::heartbeat, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Stops the heartbeat and ends the status line at a terminal, so that what follows starts on a
   * line of its own.
   */
  public synchronized void finish() {
    finished = true;
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (terminal && statusShown) {
      out.println();
      out.flush();
      statusShown = false;
    }
  }

  private void redraw(Instant now) {
    out.print(CLEAR_LINE + status(now));
    statusShown = true;
    shown = now;
  }

  private void printStatus(Instant now) {
    println(status(now), now);
    shown = now;
  }

  private void println(String line, Instant now) {
    out.println(line);
    lastLine = now;
  }

  private String line(CallResult result) {
    String mark =
        switch (result.status()) {
          case DONE -> style.green("done");
          case FAILED -> style.red("FAILED");
          case NOT_SENT -> style.yellow("not sent");
        };
    // how a call whose answer left the outcome open was settled (adopted after a lost answer, ...)
    String note = result.note() == null ? "" : " (" + TerminalText.escape(result.note()) + ")";
    return String.format(
        Locale.ROOT,
        "[%,d/%,d] %s: %s%s",
        done,
        total,
        mark,
        TerminalText.escape(result.call().purpose()),
        note);
  }

  /**
   * {@code [1,234/10,050] 12 % · 41 requests/s · about 3 min 35 s left}; while waiting for the rate
   * limit, {@code [40/64] 62 % · waiting for the hourly rate limit, resumes at 14:05 UTC (in 39 min
   * 40 s)}.
   */
  String status(Instant now) {
    Duration elapsed = Duration.between(started, now);
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "[%,d/%,d] %d %%",
                done,
                total,
                total == 0 ? 100 : done * 100L / total));
    if (done == total) {
      return s.append(" · all sent in ").append(BudgetNote.duration(elapsed)).toString();
    }
    long left = total - done;
    Duration paced = pacedTime.apply(left);
    if (waitEnds != null && now.isBefore(waitEnds)) {
      Duration wait = Duration.between(now, waitEnds);
      s.append(" · waiting for the hourly rate limit, resumes at ")
          .append(timeOfDay(waitEnds))
          .append(" (in ")
          .append(BudgetNote.duration(wait))
          .append(")");
      if (paced.compareTo(wait) > 0) {
        s.append(" · about ").append(BudgetNote.duration(paced)).append(" left");
      }
      return s.toString();
    }
    double seconds = elapsed.toMillis() / 1000.0;
    if (seconds > 0) {
      s.append(String.format(Locale.ROOT, " · %.1f requests/s", done / seconds));
    }
    Duration byRate =
        seconds > 0 && done > 0
            ? Duration.ofMillis((long) (elapsed.toMillis() * (double) left / done))
            : Duration.ZERO;
    if (paced.compareTo(byRate) > 0) {
      s.append(" · paced to the rate limit, about ")
          .append(BudgetNote.duration(paced))
          .append(" left");
    } else if (seconds > 0 && done > 0) {
      s.append(" · about ").append(BudgetNote.duration(byRate)).append(" left");
    }
    return s.toString();
  }

  /** The clock's time of day, rounded up to the minute, and its zone: {@code 14:05 UTC}. */
  private String timeOfDay(Instant at) {
    ZoneId zone = clock.getZone();
    ZonedDateTime t = at.atZone(zone);
    ZonedDateTime minute = t.truncatedTo(ChronoUnit.MINUTES);
    String label = zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    return TIME_OF_DAY.format(minute.equals(t) ? minute : minute.plusMinutes(1)) + " " + label;
  }
}
