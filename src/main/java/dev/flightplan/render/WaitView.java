package dev.flightplan.render;

import dev.flightplan.engine.BuildWait;
import dev.flightplan.plan.PendingBuild;
import dev.flightplan.state.BuildStatuses;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What {@code apply --wait} says while it waits for builds: a heartbeat per poll, each new round, the timeout. */
public final class WaitView {
  private final PrintWriter out;
  private final Style style;

  public WaitView(PrintWriter out, Style style) {
    this.out = out;
    this.style = style;
  }

  /** Before the first poll: which builds, and why. */
  public void start(List<PendingBuild> builds, Duration timeout) {
    out.println();
    out.println(style.bold("Waiting") + " (--wait, up to " + human(timeout) + ") for " + count(builds.size()) + " that App Store"
        + " Connect does not take yet:");
    for (PendingBuild b : builds) {
      out.println(TerminalText.escape("  " + b.app() + " build " + b.label() + ": " + b.reason()));
    }
    out.flush();
  }

  /** After each poll. */
  public void heartbeat(BuildWait.Heartbeat h) {
    StringBuilder line = new StringBuilder("still waiting after " + human(h.waited()) + " of " + human(h.timeout()));
    for (PendingBuild b : h.builds()) {
      BuildStatuses.Status s = h.statuses().get(b.buildId());
      line.append("; ").append(b.label()).append(' ').append(s == null ? "not found" : describe(s));
    }
    if (!h.next().isZero()) {
      line.append(" (next check in ").append(human(h.next())).append(')');
    }
    out.println(style.dim(TerminalText.escape(line.toString())));
    out.flush();
  }

  /** A build moved on: the file is planned and applied again. */
  public void again(Duration waited) {
    out.println();
    out.println(style.bold("A build moved on") + " after " + human(waited) + ": planning the file again.");
    out.flush();
  }

  /** Nothing is left to wait for. */
  public void done() {
    out.println(style.green("No build is left to wait for."));
    out.flush();
  }

  /** The time ran out. */
  public void timedOut(List<PendingBuild> builds, Duration timeout) {
    out.println(style.red("error:") + " --wait gave up after " + human(timeout) + ": " + count(builds.size())
        + " still not taken (" + String.join(", ", builds.stream().map(b -> TerminalText.escape(b.label())).toList())
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
    return s.reviewState() == null ? "processed, not submitted for review"
        : "processed, beta review " + s.reviewState().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String count(int n) {
    return n == 1 ? "1 build" : n + " builds";
  }

  /** 45s, 2m 05s, 1h 10m. */
  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
  }
}
