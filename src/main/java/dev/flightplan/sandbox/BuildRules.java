package dev.flightplan.sandbox;

/**
 * Whether a build may be given to a group or to a tester, as TestFlight decides it. Refusals are
 * 422 {@code ENTITY_UNPROCESSABLE} (what the API answers for builds it cannot distribute), except a
 * build of another app, which is a bad linkage (409 {@code ENTITY_ERROR.RELATIONSHIP.INVALID} at
 * {@code pointer}).
 */
final class BuildRules {
  private final SandboxState state;

  BuildRules(SandboxState state) {
    this.state = state;
  }

  /**
   * Checks giving {@code build} to {@code group}; {@code pointer} names the linkage in the request.
   */
  void checkForGroup(Build build, Group group, String pointer) {
    String label = state.builds().label(build);
    if (!build.app().equals(group.app())) {
      throw ApiException.relationshipInvalid(
          pointer,
          "The build '"
              + label
              + "' belongs to another app than the beta group '"
              + group.name()
              + "'.");
    }
    if (group.internal() && group.accessToAllBuilds()) {
      throw ApiException.unprocessable(
          "The beta group '"
              + group.name()
              + "' has access to all builds; builds are added automatically and cannot be assigned manually.");
    }
    checkTestable(build, label);
    if (!group.internal()) {
      checkExternal(build, label);
    }
  }

  /**
   * Checks giving {@code build} to a tester individually: the same rules as for an external group.
   */
  void checkForTester(Build build) {
    String label = state.builds().label(build);
    checkTestable(build, label);
    checkExternal(build, label);
  }

  private static void checkTestable(Build build, String label) {
    if (!build.processingState().equals("VALID")) {
      throw ApiException.unprocessable(
          "The build '"
              + label
              + "' cannot be tested: its processing state is "
              + build.processingState()
              + ".");
    }
    if (build.expired()) {
      throw ApiException.unprocessable("The build '" + label + "' has expired.");
    }
    if (build.usesNonExemptEncryption() == null) {
      throw ApiException.unprocessable(
          "The build '"
              + label
              + "' is missing export compliance information; set usesNonExemptEncryption first.");
    }
  }

  private void checkExternal(Build build, String label) {
    if (build.buildAudienceType().equals("INTERNAL_ONLY")) {
      throw ApiException.unprocessable(
          "The build '"
              + label
              + "' was uploaded for internal testing only and cannot be given to external testers.");
    }
    ReviewSubmission submission = state.builds().submissionOf(build.id());
    if (submission == null || !submission.betaReviewState().equals("APPROVED")) {
      throw ApiException.unprocessable(
          "The build '" + label + "' has not been approved for external testing.");
    }
  }

  /**
   * Whether one of the group's testable builds can be installed by someone the criteria admit: a
   * build whose platform runs on a filtered device family, with a minimum OS at most the filter's
   * maximum. Without criteria, any testable build will do.
   */
  boolean hasCompatibleBuild(Group group) {
    Criterion criterion = state.builds().criterionOf(group.id());
    for (Build build : state.builds().ofGroup(group.id())) {
      if (!build.testable()) {
        continue;
      }
      if (criterion == null) {
        return true;
      }
      String platform = state.builds().preRelease(build).platform();
      for (Criterion.OsFilter f : criterion.filters()) {
        boolean family = CriterionOptions.families(platform).contains(f.deviceFamily());
        boolean os =
            f.maximumOsInclusive() == null
                || build.minOsVersion() == null
                || CriterionOptions.compare(build.minOsVersion(), f.maximumOsInclusive()) <= 0;
        if (family && os) {
          return true;
        }
      }
    }
    return false;
  }
}
