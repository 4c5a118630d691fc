package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Beta App Clip invocations of an App Clip build bundle, and their localized titles. An invocation
 * is created together with its titles: {@code relationships.betaAppClipInvocationLocalizations}
 * refers by client-chosen local ids to inline-created titles in the document's top-level {@code
 * included}.
 */
final class ClipEndpoints {
  private static final String TITLE_TYPE = "betaAppClipInvocationLocalizations";

  private final Builds builds;
  private final ClipOperations operations;
  private final Views views;
  private final Bodies bodies;

  ClipEndpoints(SandboxState state, ClipOperations operations, Views views, Bodies bodies) {
    this.builds = state.builds();
    this.operations = operations;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    QuerySpec list = withIncludes(QuerySpec.builder()).paged().build();
    return List.of(
        new Route(
            "GET",
            "/v1/buildBundles/{id}/betaAppClipInvocations",
            list,
            r -> views.page(r, "betaAppClipInvocations", invocationIds(r.id()))),
        new Route(
            "GET",
            "/v1/buildBundles/{id}/relationships/betaAppClipInvocations",
            QuerySpec.builder().paged().build(),
            r -> views.linkages(r, "betaAppClipInvocations", invocationIds(r.id()))),
        new Route(
            "GET",
            "/v1/betaAppClipInvocations/{id}",
            withIncludes(QuerySpec.builder()).build(),
            r -> views.one(r, "betaAppClipInvocations", builds.invocations.get(r.id()).id())),
        new Route("POST", "/v1/betaAppClipInvocations", QuerySpec.NONE, this::create),
        new Route("PATCH", "/v1/betaAppClipInvocations/{id}", QuerySpec.NONE, this::update),
        new Route(
            "DELETE",
            "/v1/betaAppClipInvocations/{id}",
            QuerySpec.NONE,
            r -> {
              operations.delete(r.id());
              return Response.noContent();
            }),
        new Route(
            "POST", "/v1/betaAppClipInvocationLocalizations", QuerySpec.NONE, this::createTitle),
        new Route(
            "PATCH",
            "/v1/betaAppClipInvocationLocalizations/{id}",
            QuerySpec.NONE,
            this::updateTitle),
        new Route(
            "DELETE",
            "/v1/betaAppClipInvocationLocalizations/{id}",
            QuerySpec.NONE,
            r -> {
              operations.deleteTitle(r.id());
              return Response.noContent();
            }));
  }

  private static QuerySpec.Builder withIncludes(QuerySpec.Builder builder) {
    return builder
        .fields("betaAppClipInvocations", FieldNames.BETA_APP_CLIP_INVOCATIONS)
        .fields(TITLE_TYPE, FieldNames.BETA_APP_CLIP_INVOCATION_LOCALIZATIONS)
        .include(TITLE_TYPE)
        .includeLimit(TITLE_TYPE, Views.MAX_INCLUDE_LIMIT);
  }

  private List<String> invocationIds(String bundleId) {
    return builds.invocationsOf(builds.bundles.get(bundleId).id()).stream()
        .map(ClipInvocation::id)
        .toList();
  }

  private Response create(Request request) {
    ObjectNode doc = bodies.document(request.body());
    ObjectNode data = Bodies.resource(doc, "betaAppClipInvocations");
    ObjectNode attributes = Bodies.attributes(data, Set.of("url"), Map.of());
    String url = Bodies.string(attributes, "url", true);
    ObjectNode relationships = Bodies.relationships(data, Set.of("buildBundle", TITLE_TYPE));
    String bundle = Bodies.requiredToOne(relationships, "buildBundle", "buildBundles");
    List<String> referenced = Bodies.toMany(relationships, TITLE_TYPE, TITLE_TYPE);
    ClipInvocation invocation =
        operations.create(bundle, url, referenced, drafts(doc.get("included")));
    return views.created(
        "betaAppClipInvocations", invocation.id(), Query.parse("include=" + TITLE_TYPE));
  }

  /**
   * The inline-created titles of {@code included}, each checked to be a title resource with its
   * attributes.
   */
  private static List<ClipOperations.TitleDraft> drafts(JsonNode included) {
    List<ClipOperations.TitleDraft> drafts = new ArrayList<>();
    if (included == null || included.isNull()) {
      return drafts;
    }
    if (!included.isArray()) {
      throw ApiException.unprocessable(
          "The member 'included' must be an array of resource objects.");
    }
    for (int i = 0; i < included.size(); i++) {
      JsonNode item = included.get(i);
      String at = "/included/" + i;
      if (!item.isObject() || !TITLE_TYPE.equals(item.path("type").asText(null))) {
        throw ApiException.typeInvalid(
            at + "/type", "Only resources of type '" + TITLE_TYPE + "' can be included.");
      }
      ObjectNode attributes =
          Bodies.attributes((ObjectNode) item, Set.of("title", "locale"), Map.of(), at);
      String title = Bodies.string(attributes, "title", true, at);
      String locale = Bodies.string(attributes, "locale", true, at);
      JsonNode id = item.get("id");
      drafts.add(
          new ClipOperations.TitleDraft(
              id != null && id.isTextual() ? id.asText() : null, locale, title, i));
    }
    return drafts;
  }

  private Response update(Request request) {
    builds.invocations.get(request.id());
    ObjectNode data =
        Bodies.update(bodies.document(request.body()), "betaAppClipInvocations", request.id());
    ObjectNode attributes = Bodies.attributes(data, Set.of("url"), Map.of());
    Bodies.relationships(data, Set.of());
    ClipInvocation updated =
        operations.updateUrl(request.id(), Bodies.string(attributes, "url", false));
    return views.updated("betaAppClipInvocations", updated.id());
  }

  private Response createTitle(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), TITLE_TYPE);
    ObjectNode attributes = Bodies.attributes(data, Set.of("title", "locale"), Map.of());
    String title = Bodies.string(attributes, "title", true);
    String locale = Bodies.string(attributes, "locale", true);
    String invocation =
        Bodies.requiredToOne(
            Bodies.relationships(data, Set.of("betaAppClipInvocation")),
            "betaAppClipInvocation",
            "betaAppClipInvocations");
    ClipTitle created = operations.createTitle(invocation, locale, title);
    return views.created(TITLE_TYPE, created.id(), Query.parse(""));
  }

  private Response updateTitle(Request request) {
    builds.clipTitles.get(request.id());
    ObjectNode data = Bodies.update(bodies.document(request.body()), TITLE_TYPE, request.id());
    ObjectNode attributes =
        Bodies.attributes(
            data,
            Set.of("title"),
            Map.of("locale", "'locale' can only be set when the localization is created."));
    Bodies.relationships(data, Set.of());
    ClipTitle updated =
        operations.updateTitle(request.id(), Bodies.string(attributes, "title", false));
    return views.updated(TITLE_TYPE, updated.id());
  }
}
