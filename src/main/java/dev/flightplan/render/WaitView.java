package dev.flightplan.render;

import dev.flightplan.engine.BuildWait;
import dev.flightplan.plan.BudgetNote;
import dev.flightplan.plan.PendingBuild;
import dev.flightplan.state.BuildStatuses;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What {@code apply --wait} says while it waits for builds: a heartbeat per poll, each new round,
 * the timeout.
 */
public final class WaitView implements BuildWait.Events {
  private final PrintWriter out;
  private final Style style;

  public WaitView(PrintWriter out, Style style) {
    this.out = out;
    this.style = style;
  }

  /** Before the first poll: which builds, and why. */
  public void start(List<PendingBuild> builds, Duration timeout) {
    out.println();
    out.println(
        style.bold("Waiting")
            + " (--wait, up to "
            + BudgetNote.duration(timeout)
            + ") for "
            + count(builds.size())
            + " that App Store"
            + " Connect does not take yet:");
    for (PendingBuild b : builds) {
      out.println(TerminalText.escape("  " + b.app() + " build " + b.label() + ": " + b.reason()));
    }
    out.flush();
  }

  /** After each poll. */
  public void heartbeat(BuildWait.Heartbeat h) {
    StringBuilder line =
        new StringBuilder(
            "still waiting after "
                + BudgetNote.duration(h.waited())
                + " of "
                + BudgetNote.duration(h.timeout()));
    for (PendingBuild b : h.builds()) {
      BuildStatuses.Status s = h.statuses().get(b.key());
      line.append("; ")
          .append(b.label())
          .append(' ')
          .append(s != null ? describe(s) : b.unlisted() != null ? "not listed yet" : "not found");
    }
    if (!h.next().isZero()) {
      line.append(" (next check in ").append(BudgetNote.duration(h.next())).append(')');
    }
    out.println(style.dim(TerminalText.escape(line.toString())));
    out.flush();
  }

  /** A build moved on: the file is planned and applied again. */
  public void again(Duration waited) {
    out.println();
    out.println(
        style.bold("A build moved on")
            + " after "
            + BudgetNote.duration(waited)
            + ": planning the file again.");
    out.flush();
  }

  /** Nothing is left to wait for. */
  public void done() {
    out.println(style.green("No build is left to wait for."));
    out.flush();
  }

  /** The time ran out. */
  public void timedOut(List<PendingBuild> builds, Duration timeout) {
    out.println(
        style.red("error:")
            + " --wait gave up after "
            + BudgetNote.duration(timeout)
            + ": "
            + count(builds.size())
            + " still not taken ("
            + String.join(", ", builds.stream().map(b -> TerminalText.escape(b.label())).toList())
            + "). What could be applied was; run apply --wait again to finish.");
    out.flush();
  }

  private static String describe(BuildStatuses.Status s) {
    if (s.expired()) {
      return "expired";
    }
    if (!"VALID".equals(s.processingState())) {
      return String.valueOf(s.processingState()).toLowerCase(Locale.ROOT);
    }
    return s.reviewState() == null
        ? "processed, not submitted for review"
        : "processed, beta review " + s.reviewState().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String count(int n) {
    return n == 1 ? "1 build" : n + " builds";
  }
}
