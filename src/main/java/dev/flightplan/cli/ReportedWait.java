package dev.flightplan.cli;

import dev.flightplan.apply.WaitRounds;
import dev.flightplan.engine.BuildWait;
import dev.flightplan.plan.PendingBuild;
import java.time.Duration;
import java.util.List;

/**
 * {@code apply --wait}'s events: shown by {@code view}; the rounds so far kept by {@code run} for
 * the JSON report.
 */
record ReportedWait(BuildWait.Events view, ApplyRun run) implements BuildWait.Events {
  @Override
  public void start(List<PendingBuild> builds, Duration timeout) {
    view.start(builds, timeout);
  }

  @Override
  public void heartbeat(BuildWait.Heartbeat heartbeat) {
    view.heartbeat(heartbeat);
  }

  @Override
  public void again(Duration waited) {
    view.again(waited);
  }

  @Override
  public void done() {
    view.done();
  }

  @Override
  public void timedOut(List<PendingBuild> builds, Duration timeout) {
    view.timedOut(builds, timeout);
  }

  @Override
  public void rounds(WaitRounds sofar) {
    run.rounds(sofar);
  }
}
