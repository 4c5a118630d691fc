package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Beta app localizations: an app's TestFlight description, feedback email and URLs, one per locale.
 */
final class AppLocalizationEndpoints {
  private static final String TYPE = "betaAppLocalizations";
  private static final Set<String> UPDATE_ATTRIBUTES =
      Set.of(
          "feedbackEmail", "marketingUrl", "privacyPolicyUrl", "tvOsPrivacyPolicy", "description");
  private static final Set<String> CREATE_ATTRIBUTES =
      Set.of(
          "feedbackEmail",
          "marketingUrl",
          "privacyPolicyUrl",
          "tvOsPrivacyPolicy",
          "description",
          "locale");

  private final SandboxState state;
  private final Builds builds;
  private final InfoOperations operations;
  private final Views views;
  private final Bodies bodies;

  AppLocalizationEndpoints(
      SandboxState state, InfoOperations operations, Views views, Bodies bodies) {
    this.state = state;
    this.builds = state.builds();
    this.operations = operations;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    QuerySpec list =
        Routes.ofApp(TYPE, FieldNames.BETA_APP_LOCALIZATIONS)
            .filter("locale")
            .filter("app")
            .paged()
            .build();
    QuerySpec one = Routes.ofApp(TYPE, FieldNames.BETA_APP_LOCALIZATIONS).build();
    return List.of(
        new Route("GET", "/v1/betaAppLocalizations", list, this::list),
        new Route(
            "GET",
            "/v1/apps/{id}/betaAppLocalizations",
            Routes.toManyRelated(TYPE, FieldNames.BETA_APP_LOCALIZATIONS),
            r ->
                views.page(
                    r,
                    TYPE,
                    builds.localizationsOfApp(state.app(r.id()).id()).stream()
                        .map(AppLocalization::id)
                        .toList())),
        new Route(
            "GET",
            "/v1/betaAppLocalizations/{id}",
            one,
            r -> views.one(r, TYPE, builds.appLocalizations.get(r.id()).id())),
        new Route("POST", "/v1/betaAppLocalizations", QuerySpec.NONE, this::create),
        new Route("PATCH", "/v1/betaAppLocalizations/{id}", QuerySpec.NONE, this::update),
        new Route(
            "DELETE",
            "/v1/betaAppLocalizations/{id}",
            QuerySpec.NONE,
            Routes.noContent(r -> operations.deleteAppLocalization(r.id()))));
  }

  private Response list(Request request) {
    Query q = request.query();
    List<String> ids =
        builds.appLocalizations.all().stream()
            .filter(Filters.matches(q, "locale", AppLocalization::locale))
            .filter(Filters.matches(q, "app", AppLocalization::app))
            .map(AppLocalization::id)
            .toList();
    return views.page(request, TYPE, ids);
  }

  private Response create(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), TYPE);
    ObjectNode a = Bodies.attributes(data, CREATE_ATTRIBUTES, Map.of());
    String locale = Bodies.string(a, "locale", true);
    String app = Bodies.requiredToOne(Bodies.relationships(data, Set.of("app")), "app", "apps");
    AppLocalization created =
        operations.createAppLocalization(
            new AppLocalization(
                "new",
                app,
                locale,
                Bodies.string(a, "description", false),
                Bodies.string(a, "feedbackEmail", false),
                Bodies.string(a, "marketingUrl", false),
                Bodies.string(a, "privacyPolicyUrl", false),
                Bodies.string(a, "tvOsPrivacyPolicy", false)));
    return views.created(TYPE, created.id(), Query.parse(""));
  }

  private Response update(Request request) {
    AppLocalization l = builds.appLocalizations.get(request.id());
    ObjectNode data = Bodies.update(bodies.document(request.body()), TYPE, request.id());
    ObjectNode a =
        Bodies.attributes(
            data,
            UPDATE_ATTRIBUTES,
            Map.of("locale", "'locale' can only be set when the localization is created."));
    Bodies.relationships(data, Set.of());
    AppLocalization updated =
        operations.updateAppLocalization(
            new AppLocalization(
                l.id(),
                l.app(),
                l.locale(),
                Bodies.stringOr(a, "description", l.description()),
                Bodies.stringOr(a, "feedbackEmail", l.feedbackEmail()),
                Bodies.stringOr(a, "marketingUrl", l.marketingUrl()),
                Bodies.stringOr(a, "privacyPolicyUrl", l.privacyPolicyUrl()),
                Bodies.stringOr(a, "tvOsPrivacyPolicy", l.tvOsPrivacyPolicy())));
    return views.updated(TYPE, updated.id());
  }
}
