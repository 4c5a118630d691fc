package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-build test information: "What to Test" (beta build localizations), the build's beta details
 * (auto-notify and the derived internal and external states; one per build, sharing its id), and
 * the manual tester notification.
 */
final class BuildInfoEndpoints {
  private static final String LOCALIZATIONS = "betaBuildLocalizations";
  private static final String DETAILS = "buildBetaDetails";

  private final Builds builds;
  private final InfoOperations info;
  private final BuildOperations buildOperations;
  private final ReviewOperations review;
  private final Views views;
  private final Bodies bodies;

  BuildInfoEndpoints(
      SandboxState state,
      InfoOperations info,
      BuildOperations buildOperations,
      ReviewOperations review,
      Views views,
      Bodies bodies) {
    this.builds = state.builds();
    this.info = info;
    this.buildOperations = buildOperations;
    this.review = review;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    return List.of(
        new Route(
            "GET",
            "/v1/betaBuildLocalizations",
            ofBuild(QuerySpec.builder(), LOCALIZATIONS, FieldNames.BETA_BUILD_LOCALIZATIONS)
                .filter("locale")
                .filter("build")
                .paged()
                .build(),
            r ->
                views.page(
                    r,
                    LOCALIZATIONS,
                    builds.buildLocalizations.all().stream()
                        .filter(Filters.matches(r.query(), "locale", BuildLocalization::locale))
                        .filter(Filters.matches(r.query(), "build", BuildLocalization::build))
                        .map(BuildLocalization::id)
                        .toList())),
        new Route(
            "GET",
            "/v1/builds/{id}/betaBuildLocalizations",
            QuerySpec.builder()
                .fields(LOCALIZATIONS, FieldNames.BETA_BUILD_LOCALIZATIONS)
                .paged()
                .build(),
            r ->
                views.page(
                    r,
                    LOCALIZATIONS,
                    builds.localizationsOf(builds.builds.get(r.id()).id()).stream()
                        .map(BuildLocalization::id)
                        .toList())),
        new Route(
            "GET",
            "/v1/betaBuildLocalizations/{id}",
            ofBuild(QuerySpec.builder(), LOCALIZATIONS, FieldNames.BETA_BUILD_LOCALIZATIONS)
                .build(),
            r -> views.one(r, LOCALIZATIONS, builds.buildLocalizations.get(r.id()).id())),
        new Route("POST", "/v1/betaBuildLocalizations", QuerySpec.NONE, this::createLocalization),
        new Route(
            "PATCH", "/v1/betaBuildLocalizations/{id}", QuerySpec.NONE, this::updateLocalization),
        new Route(
            "DELETE",
            "/v1/betaBuildLocalizations/{id}",
            QuerySpec.NONE,
            r -> {
              info.deleteBuildLocalization(r.id());
              return Response.noContent();
            }),
        new Route(
            "GET",
            "/v1/builds/{id}/buildBetaDetail",
            ofBuild(QuerySpec.builder(), DETAILS, FieldNames.BUILD_BETA_DETAILS).build(),
            r -> views.one(r, DETAILS, builds.builds.get(r.id()).id())),
        new Route(
            "GET",
            "/v1/buildBetaDetails",
            ofBuild(QuerySpec.builder(), DETAILS, FieldNames.BUILD_BETA_DETAILS)
                .filter("build")
                .filter("id")
                .paged()
                .build(),
            r ->
                views.page(
                    r,
                    DETAILS,
                    builds.builds.all().stream()
                        .filter(Filters.matches(r.query(), "build", Build::id))
                        .filter(Filters.matches(r.query(), "id", Build::id))
                        .map(Build::id)
                        .toList())),
        new Route(
            "GET",
            "/v1/buildBetaDetails/{id}",
            ofBuild(QuerySpec.builder(), DETAILS, FieldNames.BUILD_BETA_DETAILS).build(),
            r -> views.one(r, DETAILS, builds.builds.get(r.id()).id())),
        new Route("PATCH", "/v1/buildBetaDetails/{id}", QuerySpec.NONE, this::updateDetail),
        new Route("POST", "/v1/buildBetaNotifications", QuerySpec.NONE, this::notifyTesters));
  }

  /** Fieldsets of {@code type} and of builds, and {@code include=build}. */
  static QuerySpec.Builder ofBuild(QuerySpec.Builder builder, String type, Set<String> fields) {
    return builder.fields(type, fields).fields("builds", FieldNames.BUILDS).include("build");
  }

  private Response createLocalization(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), LOCALIZATIONS);
    ObjectNode a = Bodies.attributes(data, Set.of("whatsNew", "locale"), Map.of());
    String locale = Bodies.string(a, "locale", true);
    String whatsNew = Bodies.string(a, "whatsNew", false);
    String build =
        Bodies.requiredToOne(Bodies.relationships(data, Set.of("build")), "build", "builds");
    BuildLocalization created = info.createBuildLocalization(build, locale, whatsNew);
    return views.created(LOCALIZATIONS, created.id(), Query.parse(""));
  }

  private Response updateLocalization(Request request) {
    BuildLocalization l = builds.buildLocalizations.get(request.id());
    ObjectNode data = Bodies.update(bodies.document(request.body()), LOCALIZATIONS, request.id());
    ObjectNode a =
        Bodies.attributes(
            data,
            Set.of("whatsNew"),
            Map.of("locale", "'locale' can only be set when the localization is created."));
    Bodies.relationships(data, Set.of());
    info.updateBuildLocalization(l.id(), Bodies.stringOr(a, "whatsNew", l.whatsNew()));
    return views.updated(LOCALIZATIONS, l.id());
  }

  private Response updateDetail(Request request) {
    builds.builds.get(request.id());
    ObjectNode data = Bodies.update(bodies.document(request.body()), DETAILS, request.id());
    ObjectNode a = Bodies.attributes(data, Set.of("autoNotifyEnabled"), Map.of());
    Bodies.relationships(data, Set.of());
    buildOperations.setAutoNotify(request.id(), Bodies.bool(a, "autoNotifyEnabled"));
    return views.updated(DETAILS, request.id());
  }

  private Response notifyTesters(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), "buildBetaNotifications");
    Bodies.noAttributes(data);
    String build =
        Bodies.requiredToOne(Bodies.relationships(data, Set.of("build")), "build", "builds");
    String id = review.notifyTesters(build);
    String url = views.resources().url("buildBetaNotifications", id);
    return Response.created(
        Documents.single(views.info().action("buildBetaNotifications", id), url, null), url);
  }
}
