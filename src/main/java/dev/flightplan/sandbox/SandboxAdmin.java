package dev.flightplan.sandbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happens on Apple's side without an API call, for tests: Beta App Review deciding, a user leaving the team,
 * and the emails TestFlight sends. Only reachable from Java (never over HTTP); changes are persisted like API writes. Safe to use while the
 * server answers requests.
 */
public final class SandboxAdmin {
  private final SandboxState state;
  private final StateStore store;
  private final ReviewOperations review;

  SandboxAdmin(SandboxState state, StateStore store, Clock clock, Ids ids) {
    this.state = state;
    this.store = store;
    this.review = new ReviewOperations(state, clock, ids);
  }

  /**
   * Moves the Beta App Review submission of the build {@code number} of app version {@code version} of the app
   * {@code bundleId} to {@code reviewState} (WAITING_FOR_REVIEW, IN_REVIEW, APPROVED or REJECTED), as a reviewer
   * would; a build never submitted is submitted first.
   *
   * @throws IllegalArgumentException for an unknown app or build, several matching builds, or an unknown state
   */
  public void setReviewState(String bundleId, String version, String number, String reviewState) {
    change(() -> {
      App app = state.apps().stream().filter(a -> a.bundleId().equals(bundleId)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no app with bundle id " + bundleId));
      Builds builds = state.builds();
      List<Build> matching = builds.builds.where(b -> b.app().equals(app.id()) && b.version().equals(number)
          && builds.preRelease(b).version().equals(version));
      if (matching.size() != 1) {
        throw new IllegalArgumentException(
            matching.size() + " builds " + version + " (" + number + ") of " + bundleId + "; expected exactly one");
      }
      review.setReviewState(matching.get(0), reviewState);
    });
  }

  /** The beta tester states of the API ({@code BetaTesterState}). */
  public static final java.util.Set<String> TESTER_STATES = java.util.Set.of("NOT_INVITED", "INVITED", "ACCEPTED", "INSTALLED", "REVOKED");

  /**
   * What a tester (or Apple) does in TestFlight: moves the tester {@code email} (any case) to {@code testerState},
   * one of {@link #TESTER_STATES}, e.g. ACCEPTED when they accept the invitation.
   *
   * @throws IllegalArgumentException for an unknown tester or state
   */
  public void setTesterState(String email, String testerState) {
    if (!TESTER_STATES.contains(testerState)) {
      throw new IllegalArgumentException("not a beta tester state: " + testerState);
    }
    change(() -> {
      Tester tester = state.testerByEmail(email);
      if (tester == null) {
        throw new IllegalArgumentException("no tester " + email);
      }
      state.putTester(tester.withState(testerState));
    });
  }

  /**
   * What an admin does in Users and Access: removes the user {@code email} (any case) from the team. Refused while
   * the user is in an internal group (what App Store Connect does with such memberships is not modelled).
   *
   * @throws IllegalArgumentException for an unknown user, or one in an internal group
   */
  public void removeUser(String email) {
    change(() -> {
      if (!state.isUser(email)) {
        throw new IllegalArgumentException("no user " + email);
      }
      Tester tester = state.testerByEmail(email);
      if (tester != null && state.groupsOf(tester).stream().anyMatch(Group::internal)) {
        throw new IllegalArgumentException(email + " is in an internal group; the sandbox does not model removing them");
      }
      state.removeUser(email);
    });
  }

  /**
   * Invitation emails testers have received so far, by tester email (as the tester record spells it), sorted: those
   * sent on request ({@code POST /v1/betaTesterInvitations}) and those App Store Connect sends by itself (a tester
   * joining an external group, or given a build, while still NOT_INVITED).
   */
  public Map<String, Integer> invitationsSent() {
    synchronized (state) {
      return new TreeMap<>(state.builds().invitations());
    }
  }

  /** Manual build notifications sent so far, by build as {@code "version (number)"}, sorted. */
  public Map<String, Integer> notificationsSent() {
    synchronized (state) {
      return new TreeMap<>(state.builds().notifications());
    }
  }

  /** Makes {@code change} under the state lock, and persists it as an API write would be. */
  private void change(Runnable change) {
    synchronized (state) {
      change.run();
      if (store != null) {
        store.save(state);
      }
    }
  }
}
