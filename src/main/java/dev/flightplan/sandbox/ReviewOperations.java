package dev.flightplan.sandbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The TestFlight actions around a build: submitting it to Beta App Review, notifying its testers,
 * inviting a tester; and, for the admin API only, what reviewers do. Submission refusals come in
 * the order a build meets them: its own state first (409 {@code STATE_ERROR.ENTITY_STATE_INVALID}),
 * then missing test information (409 {@code ENTITY_ERROR.ATTRIBUTE.REQUIRED}, titled like Apple's).
 */
final class ReviewOperations {
  static final Set<String> REVIEW_STATES =
      Set.of("WAITING_FOR_REVIEW", "IN_REVIEW", "REJECTED", "APPROVED");

  private final SandboxState state;
  private final Builds builds;
  private final Clock clock;
  private final Ids ids;

  ReviewOperations(SandboxState state, Clock clock, Ids ids) {
    this.state = state;
    this.builds = state.builds();
    this.clock = clock;
    this.ids = ids;
  }

  ReviewSubmission submit(String buildId) {
    Build build = relatedBuild(buildId);
    String label = builds.label(build);
    if (builds.submissionOf(build.id()) != null) {
      throw ApiException.stateInvalid(
          "The build '" + label + "' has already been submitted for beta review.");
    }
    if (!build.testable()) {
      throw ApiException.stateInvalid(
          "The build '"
              + label
              + "' cannot be submitted: it is "
              + (build.expired() ? "expired." : build.processingState() + "."));
    }
    if (build.usesNonExemptEncryption() == null) {
      throw ApiException.stateInvalid(
          "The build '"
              + label
              + "' is missing export compliance information; set usesNonExemptEncryption first.");
    }
    if (build.buildAudienceType().equals("INTERNAL_ONLY")) {
      throw ApiException.stateInvalid("The build '" + label + "' is for internal testing only.");
    }
    boolean anotherInReview =
        builds.builds.where(b -> b.preReleaseVersion().equals(build.preReleaseVersion())).stream()
            .map(b -> builds.submissionOf(b.id()))
            .anyMatch(s -> s != null && s.pending());
    if (anotherInReview) {
      throw ApiException.stateInvalid("Another build is in review.");
    }
    checkTestInformation(build);
    ReviewSubmission submission =
        new ReviewSubmission(ids.uuid(), build.id(), "WAITING_FOR_REVIEW", now());
    builds.submissions.put(submission);
    return submission;
  }

  private void checkTestInformation(Build build) {
    var localizations = builds.localizationsOfApp(build.app());
    if (localizations.isEmpty() || localizations.stream().anyMatch(l -> blank(l.description()))) {
      throw ApiException.missingInformation(
          "Beta App Description is missing.",
          "Beta App Description is required to submit a build for external testing.");
    }
    ReviewDetail detail = builds.reviewDetails.get(build.app());
    if (blank(detail.contactEmail())
        || blank(detail.contactFirstName())
        || blank(detail.contactLastName())
        || blank(detail.contactPhone())) {
      throw ApiException.missingInformation(
          "Beta App Review contact information is missing.",
          "The contact email, first name, last name and phone of the beta app review detail are required to"
              + " submit a build for external testing.");
    }
    if (Boolean.TRUE.equals(detail.demoAccountRequired())
        && (blank(detail.demoAccountName()) || blank(detail.demoAccountPassword()))) {
      throw ApiException.missingInformation(
          "Demo account information is missing.",
          "A demo account is required, so its name and password must be given before submitting.");
    }
    if (builds.localizationsOf(build.id()).stream().allMatch(l -> blank(l.whatsNew()))) {
      throw ApiException.missingInformation(
          "What to Test is missing.",
          "The build needs a beta build localization with 'whatsNew' to be submitted for external testing.");
    }
  }

  /**
   * Tells the build's testers about it; refused while auto-notify is on, since they were told
   * already.
   */
  String notifyTesters(String buildId) {
    Build build = relatedBuild(buildId);
    if (build.autoNotifyEnabled()) {
      throw ApiException.stateInvalid("Auto-notify already enabled");
    }
    if (!build.testable()) {
      throw ApiException.stateInvalid(
          "The build '" + builds.label(build) + "' is not available for testing.");
    }
    builds.countNotification(builds.label(build));
    return ids.uuid();
  }

  /**
   * (Re-)sends the invitation email of one app to one tester. The API makes the tester optional;
   * the sandbox needs it to know whom the email goes to (our choice), and the tester must already
   * be a tester of the app.
   */
  String invite(String appId, String testerId) {
    if (state.appOrNull(appId) == null) {
      throw ApiException.relatedNotFound("/data/relationships/app/data/id", "apps", appId);
    }
    if (testerId == null) {
      throw ApiException.relationshipRequired(
          "/data/relationships/betaTester",
          "The sandbox needs the relationship 'betaTester' to know whom to invite.");
    }
    Tester tester = state.testerOrNull(testerId);
    if (tester == null) {
      throw ApiException.relatedNotFound(
          "/data/relationships/betaTester/data/id", "betaTesters", testerId);
    }
    if (!tester.apps().contains(appId)) {
      throw ApiException.relationshipInvalid(
          "/data/relationships/betaTester/data/id",
          "The beta tester '" + testerId + "' is not a tester of the app '" + appId + "'.");
    }
    if (!tester.state().equals("ACCEPTED") && !tester.state().equals("INSTALLED")) {
      state.putTester(tester.withState("INVITED"));
    }
    builds.countInvitation(tester);
    return ids.uuid();
  }

  /**
   * What a reviewer does: moves the build's submission to {@code reviewState}, submitting it first
   * if needed.
   */
  void setReviewState(Build build, String reviewState) {
    if (!REVIEW_STATES.contains(reviewState)) {
      throw new IllegalArgumentException("not a beta review state: " + reviewState);
    }
    ReviewSubmission submission = builds.submissionOf(build.id());
    builds.submissions.put(
        submission == null
            ? new ReviewSubmission(ids.uuid(), build.id(), reviewState, now())
            : submission.withState(reviewState));
  }

  private Build relatedBuild(String buildId) {
    Build build = builds.builds.orNull(buildId);
    if (build == null) {
      throw ApiException.relatedNotFound("/data/relationships/build/data/id", "builds", buildId);
    }
    return build;
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
