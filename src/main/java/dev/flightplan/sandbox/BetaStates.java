package dev.flightplan.sandbox;

/**
 * The {@code internalBuildState} and {@code externalBuildState} of a build's beta details, derived
 * from the build and what surrounds it, never stored: processing comes first, then expiry, then
 * export compliance, then (external side) audience and Beta App Review, and finally whether testers
 * have it.
 */
final class BetaStates {
  private BetaStates() {}

  static String internal(SandboxState state, Build build) {
    String common = common(build);
    if (common != null) {
      return common;
    }
    boolean tested =
        state.groupsOfApp(build.app()).stream()
            .anyMatch(
                g -> g.internal() && (g.accessToAllBuilds() || build.groups().contains(g.id())));
    return tested ? "IN_BETA_TESTING" : "READY_FOR_BETA_TESTING";
  }

  static String external(SandboxState state, Build build) {
    String common = common(build);
    if (common != null) {
      return common;
    }
    if (build.buildAudienceType().equals("INTERNAL_ONLY")) {
      return "NOT_APPLICABLE";
    }
    ReviewSubmission submission = state.builds().submissionOf(build.id());
    if (submission == null) {
      return "READY_FOR_BETA_SUBMISSION";
    }
    return switch (submission.betaReviewState()) {
      case "WAITING_FOR_REVIEW" -> "WAITING_FOR_BETA_REVIEW";
      case "IN_REVIEW" -> "IN_BETA_REVIEW";
      case "REJECTED" -> "BETA_REJECTED";
      default -> testedExternally(state, build) ? "IN_BETA_TESTING" : "BETA_APPROVED";
    };
  }

  private static boolean testedExternally(SandboxState state, Build build) {
    return !build.individualTesters().isEmpty()
        || build.groups().stream()
            .map(state::groupOrNull)
            .anyMatch(g -> g != null && !g.internal());
  }

  private static String common(Build build) {
    return switch (build.processingState()) {
      case "PROCESSING" -> "PROCESSING";
      case "FAILED", "INVALID" -> "PROCESSING_EXCEPTION";
      default ->
          build.expired()
              ? "EXPIRED"
              : build.usesNonExemptEncryption() == null ? "MISSING_EXPORT_COMPLIANCE" : null;
    };
  }
}
