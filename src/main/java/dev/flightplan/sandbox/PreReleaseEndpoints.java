package dev.flightplan.sandbox;

import java.util.List;
import java.util.Map;

/**
 * Pre-release versions (an app version on a platform), read only: the API creates them with
 * uploads.
 */
final class PreReleaseEndpoints {
  private final SandboxState state;
  private final Builds builds;
  private final Views views;

  PreReleaseEndpoints(SandboxState state, Views views) {
    this.state = state;
    this.builds = state.builds();
    this.views = views;
  }

  List<Route> routes() {
    QuerySpec list =
        withIncludes(QuerySpec.builder())
            .filter("builds.buildAudienceType", "INTERNAL_ONLY", "APP_STORE_ELIGIBLE")
            .filter("builds.expired", "true", "false")
            .filter("builds.processingState", "PROCESSING", "FAILED", "INVALID", "VALID")
            .filter("builds.version")
            .filter("platform", "IOS", "MAC_OS", "TV_OS", "VISION_OS")
            .filter("version")
            .filter("app")
            .filter("builds")
            .sort("version", "-version")
            .paged()
            .build();
    QuerySpec ofApp =
        QuerySpec.builder()
            .fields("preReleaseVersions", FieldNames.PRE_RELEASE_VERSIONS)
            .paged()
            .build();
    return List.of(
        new Route("GET", "/v1/preReleaseVersions", list, this::list),
        new Route(
            "GET",
            "/v1/preReleaseVersions/{id}",
            withIncludes(QuerySpec.builder()).build(),
            r -> views.one(r, "preReleaseVersions", builds.preReleases.get(r.id()).id())),
        new Route(
            "GET",
            "/v1/apps/{id}/preReleaseVersions",
            ofApp,
            r ->
                views.page(
                    r,
                    "preReleaseVersions",
                    builds.preReleases.where(p -> p.app().equals(state.app(r.id()).id())).stream()
                        .map(PreRelease::id)
                        .toList())));
  }

  private static QuerySpec.Builder withIncludes(QuerySpec.Builder builder) {
    return builder
        .fields("preReleaseVersions", FieldNames.PRE_RELEASE_VERSIONS)
        .fields("builds", FieldNames.BUILDS)
        .fields("apps", FieldNames.APPS)
        .include("builds", "app")
        .includeLimit("builds", Views.MAX_INCLUDE_LIMIT);
  }

  private Response list(Request request) {
    Query q = request.query();
    List<PreRelease> versions =
        builds.preReleases.all().stream()
            .filter(Filters.matches(q, "platform", PreRelease::platform))
            .filter(Filters.matches(q, "version", PreRelease::version))
            .filter(Filters.matches(q, "app", PreRelease::app))
            .filter(
                Filters.matchesAny(q, "builds", p -> buildsOf(p).stream().map(Build::id).toList()))
            .filter(
                Filters.matchesAny(
                    q, "builds.version", p -> buildsOf(p).stream().map(Build::version).toList()))
            .filter(
                Filters.matchesAny(
                    q,
                    "builds.processingState",
                    p -> buildsOf(p).stream().map(Build::processingState).toList()))
            .filter(
                Filters.matchesAny(
                    q,
                    "builds.expired",
                    p -> buildsOf(p).stream().map(b -> String.valueOf(b.expired())).toList()))
            .filter(
                Filters.matchesAny(
                    q,
                    "builds.buildAudienceType",
                    p -> buildsOf(p).stream().map(Build::buildAudienceType).toList()))
            .sorted(
                Filters.order(
                    q.list("sort"),
                    Map.of(
                        "version", (a, b) -> CriterionOptions.compare(a.version(), b.version()))))
            .toList();
    return views.page(
        request, "preReleaseVersions", versions.stream().map(PreRelease::id).toList());
  }

  private List<Build> buildsOf(PreRelease version) {
    return builds.builds.where(b -> b.preReleaseVersion().equals(version.id()));
  }
}
