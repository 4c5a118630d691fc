package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;

/**
 * When flightplan sends TestFlight invitation emails (an action, never state): {@code onAdd} to testers it adds
 * to the app; {@code resendAfterDays} (null: never) again to testers still INVITED that many days after they
 * were last invited.
 */
public record InvitationPolicy(boolean onAdd, Integer resendAfterDays, SourcePos pos) {
  public static final InvitationPolicy DEFAULT = new InvitationPolicy(true, null, null);
}
