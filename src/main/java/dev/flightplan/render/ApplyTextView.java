package dev.flightplan.render;

import dev.flightplan.apply.ApplyReport;
import dev.flightplan.apply.CallResult;
import dev.flightplan.apply.Verification;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.ActionKind;
import dev.flightplan.plan.Plan;
import java.io.PrintWriter;
import java.util.List;

/**
 * The terminal view of an apply's outcome: what was done and what was not ({@link ProgressView}
 * shows it running).
 */
public final class ApplyTextView {
  private final PrintWriter out;
  private final Style style;

  public ApplyTextView(PrintWriter out, Style style) {
    this.out = out;
    this.style = style;
  }

  public void render(ApplyReport report) {
    Plan plan = report.plan();
    if (report.succeeded()) {
      out.println();
      out.println(
          style.green("Apply complete!")
              + " "
              + summary(report.done())
              + " "
              + report.sent()
              + (report.sent() == 1 ? " API request." : " API requests."));
      out.flush();
      return;
    }
    out.println();
    if (report.failure().isPresent()) {
      CallResult failed = report.failure().get();
      int index = report.results().indexOf(failed) + 1;
      out.println(
          style.red("Apply failed")
              + " at request "
              + index
              + " of "
              + plan.calls().size()
              + ": "
              + failed.call().method()
              + " "
              + TerminalText.escape(failed.call().path())
              + " ("
              + TerminalText.escape(failed.call().purpose())
              + ")");
      out.println("  " + TerminalText.escape(failed.error()));
    } else {
      out.println(
          style.yellow("Apply interrupted")
              + " after "
              + report.sent()
              + " of "
              + plan.calls().size()
              + " requests: the requests under way were let finish, no other was started.");
    }
    List<Action> done = report.done();
    List<Action> notDone = report.notDone();
    out.println("Done (" + done.size() + "):");
    done.forEach(
        a ->
            out.println("  " + a.kind().symbol() + " " + TerminalText.escape(a.address().local())));
    if (done.isEmpty()) {
      out.println("  nothing");
    }
    out.println("Not done (" + notDone.size() + "):");
    java.util.Map<dev.flightplan.plan.Address, CallResult.Status> states = report.states();
    notDone.forEach(
        a ->
            out.println(
                "  "
                    + a.kind().symbol()
                    + " "
                    + TerminalText.escape(a.address().local())
                    + " ("
                    + (states.get(a.address()) == CallResult.Status.FAILED ? "failed" : "not sent")
                    + ")"));
    out.println(
        "Nothing outside the plan was changed. Run apply again to finish: it plans afresh from the live state.");
    out.flush();
  }

  /**
   * After an apply, planning again found nothing left to do; {@code leftOut}: changes that plan
   * leaves out ({@code --invitations-only}), in which App Store Connect still differs from the
   * file.
   */
  public void verified(int leftOut) {
    if (leftOut == 0) {
      out.println("Verified: App Store Connect now matches the file.");
    } else {
      out.println(
          "Verified: no invitation is left to send. App Store Connect still differs from the file in "
              + leftOut
              + " other change(s) --invitations-only leaves out: run flightplan plan without it to see them.");
    }
    out.flush();
  }

  /**
   * After an apply, planning again still found differences after every read the verification
   * allows: every write is confirmed, so this is an error, naming each object and why.
   */
  public void notConverged(
      List<Verification.Drift> remaining, int reads, java.time.Duration waited, PrintWriter err) {
    err.println(
        style.red("error:")
            + " after apply, "
            + remaining.size()
            + " object(s) still differ from the file"
            + " (planned again "
            + reads
            + " times over "
            + waited.toSeconds()
            + " s):");
    for (Verification.Drift d : remaining) {
      Action a = d.action();
      err.println(
          "  "
              + a.kind().symbol()
              + " "
              + TerminalText.escape(
                  a.address() + (a.reason() == null ? "" : " (" + a.reason() + ")")));
      err.println("      " + TerminalText.escape(d.why()));
    }
    err.flush();
  }

  /** A plan the guards refused: what it would have done, and that nothing was changed. */
  public void refused(List<String> reasons, PrintWriter err) {
    for (String reason : reasons) {
      err.println(style.red("error:") + " " + TerminalText.escape(reason));
    }
    err.println("Nothing was changed.");
    err.flush();
  }

  private static String summary(List<Action> actions) {
    long add = actions.stream().filter(a -> a.kind() == ActionKind.CREATE).count();
    long change = actions.stream().filter(a -> a.kind() == ActionKind.UPDATE).count();
    long replace = actions.stream().filter(a -> a.kind() == ActionKind.REPLACE).count();
    long destroy = actions.stream().filter(a -> a.kind() == ActionKind.DELETE).count();
    long sent = actions.stream().filter(a -> a.kind() == ActionKind.SEND).count();
    return add
        + " added, "
        + change
        + " changed, "
        + (replace > 0 ? replace + " replaced, " : "")
        + destroy
        + " destroyed"
        + (sent > 0 ? ", " + sent + " sent." : ".");
  }
}
