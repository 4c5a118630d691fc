package dev.flightplan.render;

import dev.flightplan.apply.CallResult;
import dev.flightplan.plan.BudgetNote;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Apply's progress while it runs, told one finished call at a time (on one thread). At a terminal: one status line,
 * redrawn in place at most every {@link #REDRAW}, with the share done, the rate and the time left. Elsewhere (a CI
 * log): a line per call for plans of up to {@link #EVERY_CALL} calls, else a status line every {@link #PERIOD}.
 * Failed calls always get a line of their own. The time left is the larger of what the rate so far gives and what
 * pacing to the rate limit needs ({@code pacedTime}: the least time to send that many more requests).
 */
public final class ProgressView implements Consumer<CallResult> {
  static final int EVERY_CALL = 100;
  static final Duration PERIOD = Duration.ofSeconds(10);
  static final Duration REDRAW = Duration.ofMillis(100);
  private static final String CLEAR_LINE = "\r\u001b[2K";

  private final PrintWriter out;
  private final Style style;
  private final boolean terminal;
  private final Clock clock;
  private final int total;
  private final LongFunction<Duration> pacedTime;
  private final Instant started;
  private Instant shown;
  private int done;
  private boolean statusShown;

  public ProgressView(PrintWriter out, Style style, boolean terminal, Clock clock, int total, LongFunction<Duration> pacedTime) {
    this.out = out;
    this.style = style;
    this.terminal = terminal;
    this.clock = clock;
    this.total = total;
    this.pacedTime = pacedTime;
    this.started = clock.instant();
    this.shown = started;
  }

  @Override
  public void accept(CallResult result) {
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
        out.print(CLEAR_LINE + status(now));
        statusShown = true;
        shown = now;
      }
    } else if (total <= EVERY_CALL || failed) {
      out.println(line(result));
    } else if (done == total || !now.isBefore(shown.plus(PERIOD))) {
      out.println(status(now));
      shown = now;
    }
    out.flush();
  }

  /** Ends the status line at a terminal, so that what follows starts on a line of its own. */
  public void finish() {
    if (terminal && statusShown) {
      out.println();
      out.flush();
      statusShown = false;
    }
  }

  private String line(CallResult result) {
    String mark = result.status() == CallResult.Status.DONE ? style.green("done") : style.red("FAILED");
    // how a call whose answer left the outcome open was settled (adopted after a lost answer, ...)
    String note = result.note() == null ? "" : " (" + TerminalText.escape(result.note()) + ")";
    return String.format(Locale.ROOT, "[%,d/%,d] %s: %s%s", done, total, mark, TerminalText.escape(result.call().purpose()), note);
  }

  /** {@code [1,234/10,050] 12 % · 41 requests/s · about 3 min 35 s left}. */
  String status(Instant now) {
    Duration elapsed = Duration.between(started, now);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "[%,d/%,d] %d %%", done, total, total == 0 ? 100 : done * 100L / total));
    if (done == total) {
      return s.append(" · all sent in ").append(BudgetNote.duration(elapsed)).toString();
    }
    double seconds = elapsed.toMillis() / 1000.0;
    if (seconds > 0) {
      s.append(String.format(Locale.ROOT, " · %.1f requests/s", done / seconds));
    }
    long left = total - done;
    Duration byRate = seconds > 0 ? Duration.ofMillis((long) (elapsed.toMillis() * (double) left / done)) : Duration.ZERO;
    Duration paced = pacedTime.apply(left);
    if (paced.compareTo(byRate) > 0) {
      s.append(" · paced to the rate limit, about ").append(BudgetNote.duration(paced)).append(" left");
    } else if (seconds > 0) {
      s.append(" · about ").append(BudgetNote.duration(byRate)).append(" left");
    }
    return s.toString();
  }
}
