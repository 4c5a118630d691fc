package dev.flightplan.plan;

import dev.flightplan.state.InvitationLog;
import java.time.Instant;
import java.util.Objects;

/**
 * What planning knows of past invitations: the invitation log as read before planning, and the
 * moment the plan is made, against which {@code invitations.resendAfterDays} is counted. Planning
 * stays pure: the clock is read once, by the caller.
 */
public record InvitationHistory(InvitationLog log, Instant now) {
  /** No log: every INVITED tester of an app that re-sends starts its interval now. */
  public static InvitationHistory none(Instant now) {
    return new InvitationHistory(InvitationLog.EMPTY, now);
  }

  public InvitationHistory {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(now, "now");
  }
}
