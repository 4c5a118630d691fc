package dev.flightplan.sandbox;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of {@link SandboxState} around builds: pre-release versions, builds and their bundles,
 * App Clip invocations and their titles, recruitment criteria, the per-app test information
 * (localizations, license agreement, review detail) and the per-build one (review submission, "What
 * to Test"). Also counts the emails the sandbox pretends to send, which are not API state and so
 * are not persisted.
 */
final class Builds {
  final Table<PreRelease> preReleases;
  final Table<Build> builds;
  final Table<BuildBundle> bundles;
  final Table<ClipInvocation> invocations;
  final Table<ClipTitle> clipTitles;
  final Table<Criterion> criteria;
  final Table<AppLocalization> appLocalizations;
  final Table<LicenseAgreement> licenses;
  final Table<ReviewDetail> reviewDetails;
  final Table<ReviewSubmission> submissions;
  final Table<BuildLocalization> buildLocalizations;

  /** The tables by type, for the journal. */
  private final Map<String, Table<?>> tables = new java.util.HashMap<>();

  private final Map<String, Integer> invitations = new TreeMap<>();
  private final Map<String, Integer> notifications = new TreeMap<>();

  Builds(Changes changes) {
    preReleases = table("preReleaseVersions", PreRelease.class, PreRelease::id, changes);
    builds = table("builds", Build.class, Build::id, changes);
    bundles = table("buildBundles", BuildBundle.class, BuildBundle::id, changes);
    invocations =
        table("betaAppClipInvocations", ClipInvocation.class, ClipInvocation::id, changes);
    clipTitles =
        table("betaAppClipInvocationLocalizations", ClipTitle.class, ClipTitle::id, changes);
    criteria = table("betaRecruitmentCriteria", Criterion.class, Criterion::id, changes);
    appLocalizations =
        table("betaAppLocalizations", AppLocalization.class, AppLocalization::id, changes);
    licenses =
        table("betaLicenseAgreements", LicenseAgreement.class, LicenseAgreement::id, changes);
    reviewDetails = table("betaAppReviewDetails", ReviewDetail.class, ReviewDetail::id, changes);
    submissions =
        table("betaAppReviewSubmissions", ReviewSubmission.class, ReviewSubmission::id, changes);
    buildLocalizations =
        table("betaBuildLocalizations", BuildLocalization.class, BuildLocalization::id, changes);
  }

  private <T> Table<T> table(
      String type, Class<T> rowType, java.util.function.Function<T, String> idOf, Changes changes) {
    Table<T> table = new Table<>(type, rowType, idOf, changes);
    tables.put(type, table);
    return table;
  }

  /** The table of a resource type, or null when no table here holds it. */
  Table<?> table(String type) {
    return tables.get(type);
  }

  /** The persisted form: one list per table, in table order. */
  record Snapshot(
      List<PreRelease> preReleaseVersions,
      List<Build> builds,
      List<BuildBundle> buildBundles,
      List<ClipInvocation> betaAppClipInvocations,
      List<ClipTitle> betaAppClipInvocationLocalizations,
      List<Criterion> betaRecruitmentCriteria,
      List<AppLocalization> betaAppLocalizations,
      List<LicenseAgreement> betaLicenseAgreements,
      List<ReviewDetail> betaAppReviewDetails,
      List<ReviewSubmission> betaAppReviewSubmissions,
      List<BuildLocalization> betaBuildLocalizations) {
    static final Snapshot EMPTY =
        new Snapshot(null, null, null, null, null, null, null, null, null, null, null);

    Snapshot {
      preReleaseVersions = copy(preReleaseVersions);
      builds = copy(builds);
      buildBundles = copy(buildBundles);
      betaAppClipInvocations = copy(betaAppClipInvocations);
      betaAppClipInvocationLocalizations = copy(betaAppClipInvocationLocalizations);
      betaRecruitmentCriteria = copy(betaRecruitmentCriteria);
      betaAppLocalizations = copy(betaAppLocalizations);
      betaLicenseAgreements = copy(betaLicenseAgreements);
      betaAppReviewDetails = copy(betaAppReviewDetails);
      betaAppReviewSubmissions = copy(betaAppReviewSubmissions);
      betaBuildLocalizations = copy(betaBuildLocalizations);
    }

    private static <T> List<T> copy(List<T> list) {
      return List.copyOf(list == null ? List.of() : list);
    }
  }

  Snapshot snapshot() {
    return new Snapshot(
        preReleases.all(),
        builds.all(),
        bundles.all(),
        invocations.all(),
        clipTitles.all(),
        criteria.all(),
        appLocalizations.all(),
        licenses.all(),
        reviewDetails.all(),
        submissions.all(),
        buildLocalizations.all());
  }

  void load(Snapshot s) {
    s.preReleaseVersions().forEach(preReleases::put);
    s.builds().forEach(builds::put);
    s.buildBundles().forEach(bundles::put);
    s.betaAppClipInvocations().forEach(invocations::put);
    s.betaAppClipInvocationLocalizations().forEach(clipTitles::put);
    s.betaRecruitmentCriteria().forEach(criteria::put);
    s.betaAppLocalizations().forEach(appLocalizations::put);
    s.betaLicenseAgreements().forEach(licenses::put);
    s.betaAppReviewDetails().forEach(reviewDetails::put);
    s.betaAppReviewSubmissions().forEach(submissions::put);
    s.betaBuildLocalizations().forEach(buildLocalizations::put);
  }

  /**
   * Every app has one license agreement and one review detail from the start. Their ids are the
   * app's id (our assumption: Apple's look the same, and it keeps them stable without a seed
   * entry).
   */
  void ensureSingletons(String appId) {
    if (licenses.orNull(appId) == null) {
      licenses.put(new LicenseAgreement(appId, appId, null));
    }
    if (reviewDetails.orNull(appId) == null) {
      reviewDetails.put(ReviewDetail.empty(appId, appId));
    }
  }

  // --- reads across tables ---

  PreRelease preRelease(Build build) {
    return preReleases.get(build.preReleaseVersion());
  }

  /** How people name a build: {@code "2.3 (45)"}, app version and build number. */
  String label(Build build) {
    return preRelease(build).version() + " (" + build.version() + ")";
  }

  List<Build> ofGroup(String groupId) {
    return builds.where(b -> b.groups().contains(groupId));
  }

  List<Build> ofTester(String testerId) {
    return builds.where(b -> b.individualTesters().contains(testerId));
  }

  List<BuildBundle> bundlesOf(String buildId) {
    return bundles.where(b -> b.build().equals(buildId));
  }

  List<ClipInvocation> invocationsOf(String bundleId) {
    return invocations.where(i -> i.buildBundle().equals(bundleId));
  }

  List<ClipTitle> titlesOf(String invocationId) {
    return clipTitles.where(t -> t.invocation().equals(invocationId));
  }

  Criterion criterionOf(String groupId) {
    return criteria.first(c -> c.group().equals(groupId));
  }

  ReviewSubmission submissionOf(String buildId) {
    return submissions.first(s -> s.build().equals(buildId));
  }

  List<BuildLocalization> localizationsOf(String buildId) {
    return buildLocalizations.where(l -> l.build().equals(buildId));
  }

  List<AppLocalization> localizationsOfApp(String appId) {
    return appLocalizations.where(l -> l.app().equals(appId));
  }

  // --- cascades ---

  void forgetGroup(String groupId) {
    for (Build build : ofGroup(groupId)) {
      builds.put(build.withGroups(Build.minus(build.groups(), groupId)));
    }
    criteria.removeIf(c -> c.group().equals(groupId));
  }

  void forgetTester(String testerId) {
    for (Build build : ofTester(testerId)) {
      builds.put(build.withTesters(Build.minus(build.individualTesters(), testerId)));
    }
  }

  void removeInvocation(String invocationId) {
    clipTitles.removeIf(t -> t.invocation().equals(invocationId));
    invocations.remove(invocationId);
  }

  // --- emails the sandbox pretends to send ---

  /**
   * One more invitation email to {@code tester}, counted by its email as spelled (by its id if it
   * has none).
   */
  void countInvitation(Tester tester) {
    invitations.merge(tester.email() == null ? tester.id() : tester.email(), 1, Integer::sum);
  }

  /**
   * What App Store Connect does by itself when a tester still NOT_INVITED can start testing (joins
   * an external group, or is given a build): it emails the invitation. Returns the tester as it is
   * then.
   */
  /**
   * Expires every build whose 90 days are over at {@code now} (only the admin clock calls this).
   */
  void expireDue(java.time.Instant now) {
    for (Build build :
        builds.where(
            b -> !b.expired() && !java.time.Instant.parse(b.expirationDate()).isAfter(now))) {
      builds.put(build.withExpired(true));
    }
  }

  Tester invitedByAppStoreConnect(Tester tester) {
    if (!tester.state().equals("NOT_INVITED")) {
      return tester;
    }
    Tester invited = tester.withState("INVITED");
    countInvitation(invited);
    return invited;
  }

  void countNotification(String buildLabel) {
    notifications.merge(buildLabel, 1, Integer::sum);
  }

  Map<String, Integer> invitations() {
    return Map.copyOf(invitations);
  }

  Map<String, Integer> notifications() {
    return Map.copyOf(notifications);
  }
}
