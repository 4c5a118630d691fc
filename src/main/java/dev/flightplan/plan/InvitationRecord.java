package dev.flightplan.plan;

import java.util.Objects;

/**
 * What apply writes in the invitation log (state.InvitationLog) for one tester of an app whose file
 * sets {@code invitations.resendAfterDays} (or {@code inactiveTesters}, whose grace counts from the
 * first sighting): {@code SENT} when the invitation call serving {@code invitation} succeeds
 * ({@code tester} may then be the id of a tester the same apply creates, known once it is created);
 * {@code SEEN} to start the resend interval of a tester found INVITED with no entry; {@code FORGET}
 * to drop the entry of a tester who is no longer waiting (accepted, installed, revoked, or gone).
 * These are bookkeeping, not changes: they never make a plan show changes.
 */
public record InvitationRecord(String app, Id tester, Kind kind, Address invitation) {
  public enum Kind {
    SENT,
    SEEN,
    FORGET
  }

  public InvitationRecord {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(tester, "tester");
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.SENT && tester.isProduced()) {
      throw new IllegalArgumentException(
          "only an invitation can concern a tester this plan creates");
    }
    if ((kind == Kind.SENT) != (invitation != null)) {
      throw new IllegalArgumentException("an invitation address goes with SENT, and only with it");
    }
  }

  public static InvitationRecord sent(String app, Id tester, Address invitation) {
    return new InvitationRecord(app, tester, Kind.SENT, invitation);
  }

  public static InvitationRecord seen(String app, String tester) {
    return new InvitationRecord(app, Id.of(tester), Kind.SEEN, null);
  }

  public static InvitationRecord forget(String app, String tester) {
    return new InvitationRecord(app, Id.of(tester), Kind.FORGET, null);
  }
}
