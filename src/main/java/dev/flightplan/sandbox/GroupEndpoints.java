package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Beta groups: list, read, create, update and delete, and the groups of an app. */
final class GroupEndpoints {
  /** The spec lets a group include up to 1000 of its builds, unlike the usual 50. */
  static final int MAX_BUILDS_INCLUDE_LIMIT = 1000;

  private static final String TYPE = "betaGroups";
  private static final Set<String> CREATE_ATTRIBUTES =
      Set.of(
          "name",
          "isInternalGroup",
          "hasAccessToAllBuilds",
          "publicLinkEnabled",
          "publicLinkLimitEnabled",
          "publicLinkLimit",
          "feedbackEnabled");
  private static final Set<String> UPDATE_ATTRIBUTES =
      Set.of(
          "name",
          "publicLinkEnabled",
          "publicLinkLimitEnabled",
          "publicLinkLimit",
          "feedbackEnabled",
          "iosBuildsAvailableForAppleSiliconMac",
          "iosBuildsAvailableForAppleVision");
  private static final Map<String, String> CREATE_ONLY =
      Map.of(
          "isInternalGroup", "'isInternalGroup' can only be set when the group is created.",
          "hasAccessToAllBuilds",
              "'hasAccessToAllBuilds' can only be set when the group is created.");
  private static final Map<String, String> UPDATE_ONLY =
      Map.of(
          "iosBuildsAvailableForAppleSiliconMac",
              "'iosBuildsAvailableForAppleSiliconMac' can only be set by an update.",
          "iosBuildsAvailableForAppleVision",
              "'iosBuildsAvailableForAppleVision' can only be set by an update.");
  private static final Map<String, Comparator<Group>> SORTS =
      Map.of(
          "name",
          Comparator.comparing(Group::name),
          "createdDate",
          Comparator.comparing(Group::createdDate),
          "publicLinkEnabled",
          Comparator.comparing(Group::publicLinkEnabled),
          "publicLinkLimit",
          Comparator.comparing(
              Group::publicLinkLimit, Comparator.nullsFirst(Comparator.naturalOrder())));

  private final SandboxState state;
  private final Operations operations;
  private final Views views;
  private final Bodies bodies;

  GroupEndpoints(SandboxState state, Operations operations, Views views, Bodies bodies) {
    this.state = state;
    this.operations = operations;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    QuerySpec list =
        withIncludes(QuerySpec.builder())
            .filter("app")
            .filter("name")
            .filter("isInternalGroup", "true", "false")
            .filter("publicLinkEnabled", "true", "false")
            .filter("publicLinkLimitEnabled", "true", "false")
            .filter("publicLink")
            .filter("builds")
            .filter("id")
            .sort(
                "name",
                "-name",
                "createdDate",
                "-createdDate",
                "publicLinkEnabled",
                "-publicLinkEnabled",
                "publicLinkLimit",
                "-publicLinkLimit")
            .paged()
            .build();
    return List.of(
        new Route("GET", "/v1/betaGroups", list, this::list),
        new Route("POST", "/v1/betaGroups", QuerySpec.NONE, this::create),
        new Route(
            "GET",
            "/v1/betaGroups/{id}",
            withIncludes(QuerySpec.builder()).build(),
            r -> views.one(r, TYPE, state.group(r.id()).id())),
        new Route("PATCH", "/v1/betaGroups/{id}", QuerySpec.NONE, this::update),
        new Route(
            "DELETE",
            "/v1/betaGroups/{id}",
            QuerySpec.NONE,
            Routes.noContent(r -> operations.deleteGroup(r.id()))),
        new Route(
            "GET",
            "/v1/apps/{id}/betaGroups",
            Routes.toManyRelated(TYPE, FieldNames.BETA_GROUPS),
            r -> views.page(r, TYPE, idsOfApp(r))),
        new Route(
            "GET",
            "/v1/apps/{id}/relationships/betaGroups",
            Routes.toManyRelationship(),
            r -> views.linkages(r, TYPE, idsOfApp(r))));
  }

  private static QuerySpec.Builder withIncludes(QuerySpec.Builder builder) {
    return builder
        .fields("betaGroups", FieldNames.BETA_GROUPS)
        .fields("apps", FieldNames.APPS)
        .fields("betaTesters", FieldNames.BETA_TESTERS)
        .fields("builds", FieldNames.BUILDS)
        .fields("betaRecruitmentCriteria", FieldNames.BETA_RECRUITMENT_CRITERIA)
        .include("app", "builds", "betaTesters", "betaRecruitmentCriteria")
        .includeLimit("betaTesters", Views.MAX_INCLUDE_LIMIT)
        .includeLimit("builds", MAX_BUILDS_INCLUDE_LIMIT);
  }

  private Response list(Request request) {
    Query q = request.query();
    List<String> ids =
        state.groups().stream()
            .filter(Filters.matches(q, "app", Group::app))
            .filter(Filters.matches(q, "name", Group::name))
            .filter(Filters.matches(q, "isInternalGroup", g -> String.valueOf(g.internal())))
            .filter(
                Filters.matches(q, "publicLinkEnabled", g -> String.valueOf(g.publicLinkEnabled())))
            .filter(
                Filters.matches(
                    q, "publicLinkLimitEnabled", g -> String.valueOf(g.publicLinkLimitEnabled())))
            .filter(
                Filters.matches(
                    q, "publicLink", g -> g.publicLinkEnabled() ? g.publicLink() : null))
            .filter(
                Filters.matchesAny(
                    q,
                    "builds",
                    g -> state.builds().ofGroup(g.id()).stream().map(Build::id).toList()))
            .filter(Filters.matches(q, "id", Group::id))
            .sorted(Filters.order(q.list("sort"), SORTS))
            .map(Group::id)
            .toList();
    return views.page(request, TYPE, ids);
  }

  /** The groups of the app the request names: 404 when there is no such app. */
  private List<String> idsOfApp(Request request) {
    state.app(request.id());
    return state.groupsOfApp(request.id()).stream().map(Group::id).toList();
  }

  private Response create(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), "betaGroups");
    ObjectNode attributes = Bodies.attributes(data, CREATE_ATTRIBUTES, UPDATE_ONLY);
    String name = Bodies.string(attributes, "name", true);
    ObjectNode relationships = Bodies.relationships(data, Set.of("app", "builds", "betaTesters"));
    String appId = Bodies.toOne(relationships, "app", "apps");
    if (appId == null) {
      throw ApiException.relationshipRequired(
          "/data/relationships/app",
          "You must provide a value for the relationship 'app' with this request");
    }
    Group group =
        operations.createGroup(
            new Operations.GroupCreate(
                appId,
                name,
                Bodies.bool(attributes, "isInternalGroup"),
                Bodies.bool(attributes, "hasAccessToAllBuilds"),
                Bodies.bool(attributes, "publicLinkEnabled"),
                Bodies.bool(attributes, "publicLinkLimitEnabled"),
                Bodies.integer(attributes, "publicLinkLimit"),
                Bodies.bool(attributes, "feedbackEnabled"),
                Bodies.toMany(relationships, "betaTesters", "betaTesters"),
                Bodies.toMany(relationships, "builds", "builds")));
    return views.created(TYPE, group.id(), Query.parse(""));
  }

  private Response update(Request request) {
    state.group(request.id());
    ObjectNode data = Bodies.update(bodies.document(request.body()), "betaGroups", request.id());
    ObjectNode attributes = Bodies.attributes(data, UPDATE_ATTRIBUTES, CREATE_ONLY);
    Bodies.relationships(data, Set.of());
    Group group =
        operations.updateGroup(
            request.id(),
            new Operations.GroupPatch(
                Bodies.string(attributes, "name", false),
                Bodies.bool(attributes, "publicLinkEnabled"),
                Bodies.bool(attributes, "publicLinkLimitEnabled"),
                Bodies.integer(attributes, "publicLinkLimit"),
                Bodies.bool(attributes, "feedbackEnabled"),
                Bodies.bool(attributes, "iosBuildsAvailableForAppleSiliconMac"),
                Bodies.bool(attributes, "iosBuildsAvailableForAppleVision")));
    return views.updated(TYPE, group.id());
  }
}
