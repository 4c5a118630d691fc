package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;

/**
 * When flightplan sends TestFlight invitation emails (an action, never state): {@code onAdd} to
 * testers it adds to internal groups only (App Store Connect emails those who join an external
 * group itself); {@code resendAfterDays} (null: never) again to listed testers still INVITED that
 * many days after their last invitation.
 */
public record InvitationPolicy(boolean onAdd, Integer resendAfterDays, SourcePos pos) {
  public static final InvitationPolicy DEFAULT = new InvitationPolicy(true, null, null);
}
