package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds and pre-release versions: the build list with its filters, sorts and includes, one build,
 * and the build update (export compliance, early expiry). Builds themselves come from the seed: the
 * API cannot upload them.
 */
final class BuildEndpoints {
  private static final String[] PROCESSING_STATES = {"PROCESSING", "FAILED", "INVALID", "VALID"};
  private static final String[] PLATFORMS = {"IOS", "MAC_OS", "TV_OS", "VISION_OS"};
  private static final String[] AUDIENCES = {"INTERNAL_ONLY", "APP_STORE_ELIGIBLE"};

  private final SandboxState state;
  private final Builds builds;
  private final BuildOperations operations;
  private final Views views;
  private final Bodies bodies;

  BuildEndpoints(SandboxState state, BuildOperations operations, Views views, Bodies bodies) {
    this.state = state;
    this.builds = state.builds();
    this.operations = operations;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    QuerySpec list =
        withIncludes(QuerySpec.builder())
            .filter("version")
            .filter("expired", "true", "false")
            .filter("processingState", PROCESSING_STATES)
            .filter(
                "betaAppReviewSubmission.betaReviewState",
                ReviewOperations.REVIEW_STATES.toArray(String[]::new))
            .filter("usesNonExemptEncryption", "true", "false")
            .filter("preReleaseVersion.version")
            .filter("preReleaseVersion.platform", PLATFORMS)
            .filter("buildAudienceType", AUDIENCES)
            .filter("preReleaseVersion")
            .filter("app")
            .filter("betaGroups")
            .filter("id")
            .sort(
                "version",
                "-version",
                "uploadedDate",
                "-uploadedDate",
                "preReleaseVersion",
                "-preReleaseVersion")
            .paged()
            .build();
    return List.of(
        new Route("GET", "/v1/builds", list, this::list),
        new Route(
            "GET",
            "/v1/builds/{id}",
            withIncludes(QuerySpec.builder()).build(),
            r -> views.one(r, "builds", builds.builds.get(r.id()).id())),
        new Route("PATCH", "/v1/builds/{id}", QuerySpec.NONE, this::update));
  }

  static QuerySpec.Builder withIncludes(QuerySpec.Builder builder) {
    return builder
        .fields("builds", FieldNames.BUILDS)
        .fields("preReleaseVersions", FieldNames.PRE_RELEASE_VERSIONS)
        .fields("betaTesters", FieldNames.BETA_TESTERS)
        .fields("betaGroups", FieldNames.BETA_GROUPS)
        .fields("betaBuildLocalizations", FieldNames.BETA_BUILD_LOCALIZATIONS)
        .fields("betaAppReviewSubmissions", FieldNames.BETA_APP_REVIEW_SUBMISSIONS)
        .fields("apps", FieldNames.APPS)
        .fields("buildBetaDetails", FieldNames.BUILD_BETA_DETAILS)
        .fields("buildBundles", FieldNames.BUILD_BUNDLES)
        .include(
            "preReleaseVersion",
            "individualTesters",
            "betaGroups",
            "betaBuildLocalizations",
            "betaAppReviewSubmission",
            "app",
            "buildBetaDetail",
            "buildBundles")
        .includeLimit("betaBuildLocalizations", Views.MAX_INCLUDE_LIMIT)
        .includeLimit("betaGroups", Views.MAX_INCLUDE_LIMIT)
        .includeLimit("buildBundles", Views.MAX_INCLUDE_LIMIT)
        .includeLimit("individualTesters", Views.MAX_INCLUDE_LIMIT);
  }

  private Response list(Request request) {
    Query q = request.query();
    List<String> ids =
        builds.builds.all().stream()
            .filter(Filters.matches(q, "version", Build::version))
            .filter(Filters.matches(q, "expired", b -> String.valueOf(b.expired())))
            .filter(Filters.matches(q, "processingState", Build::processingState))
            .filter(
                Filters.matches(q, "betaAppReviewSubmission.betaReviewState", this::reviewState))
            .filter(
                Filters.matches(
                    q, "usesNonExemptEncryption", b -> String.valueOf(b.usesNonExemptEncryption())))
            .filter(
                Filters.matches(
                    q, "preReleaseVersion.version", b -> builds.preRelease(b).version()))
            .filter(
                Filters.matches(
                    q, "preReleaseVersion.platform", b -> builds.preRelease(b).platform()))
            .filter(Filters.matches(q, "buildAudienceType", Build::buildAudienceType))
            .filter(Filters.matches(q, "preReleaseVersion", Build::preReleaseVersion))
            .filter(Filters.matches(q, "app", Build::app))
            .filter(Filters.matchesAny(q, "betaGroups", Build::groups))
            .filter(Filters.matches(q, "id", Build::id))
            .sorted(
                Filters.order(
                    q.list("sort"),
                    Map.of(
                        "version",
                        (Comparator<Build>)
                            (a, b) -> CriterionOptions.compare(a.version(), b.version()),
                        "uploadedDate",
                        Comparator.comparing(Build::uploadedDate),
                        "preReleaseVersion",
                        (a, b) ->
                            CriterionOptions.compare(
                                builds.preRelease(a).version(), builds.preRelease(b).version()))))
            .map(Build::id)
            .toList();
    return views.page(request, "builds", ids);
  }

  private String reviewState(Build build) {
    ReviewSubmission submission = builds.submissionOf(build.id());
    return submission == null ? null : submission.betaReviewState();
  }

  private Response update(Request request) {
    builds.builds.get(request.id());
    ObjectNode data = Bodies.update(bodies.document(request.body()), "builds", request.id());
    ObjectNode attributes =
        Bodies.attributes(data, Set.of("expired", "usesNonExemptEncryption"), Map.of());
    Bodies.relationships(data, Set.of());
    Build build =
        operations.update(
            request.id(),
            Bodies.bool(attributes, "expired"),
            Bodies.bool(attributes, "usesNonExemptEncryption"));
    return views.updated("builds", build.id());
  }
}
