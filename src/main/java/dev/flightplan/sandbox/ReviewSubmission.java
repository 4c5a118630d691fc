package dev.flightplan.sandbox;

import java.util.Objects;

/**
 * The Beta App Review submission of one build (at most one per build) and where review has got to.
 */
record ReviewSubmission(String id, String build, String betaReviewState, String submittedDate) {
  ReviewSubmission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(betaReviewState, "betaReviewState");
  }

  ReviewSubmission withState(String state) {
    return new ReviewSubmission(id, build, state, submittedDate);
  }

  /** Waiting for or in review: what makes every other build of the same version wait. */
  boolean pending() {
    return betaReviewState.equals("WAITING_FOR_REVIEW") || betaReviewState.equals("IN_REVIEW");
  }
}
