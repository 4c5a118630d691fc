package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Beta groups: list, read, create, update and delete, and the groups of an app. */
final class GroupEndpoints {
  /** The spec lets a group include up to 1000 of its builds, unlike the usual 50. */
  static final int MAX_BUILDS_INCLUDE_LIMIT = 1000;
  private static final Set<String> CREATE_ATTRIBUTES =
      Set.of("name", "isInternalGroup", "hasAccessToAllBuilds", "publicLinkEnabled", "publicLinkLimitEnabled",
          "publicLinkLimit", "feedbackEnabled");
  private static final Set<String> UPDATE_ATTRIBUTES =
      Set.of("name", "publicLinkEnabled", "publicLinkLimitEnabled", "publicLinkLimit", "feedbackEnabled",
          "iosBuildsAvailableForAppleSiliconMac", "iosBuildsAvailableForAppleVision");
  private static final Map<String, String> CREATE_ONLY =
      Map.of(
          "isInternalGroup", "'isInternalGroup' can only be set when the group is created.",
          "hasAccessToAllBuilds", "'hasAccessToAllBuilds' can only be set when the group is created.");
  private static final Map<String, String> UPDATE_ONLY =
      Map.of(
          "iosBuildsAvailableForAppleSiliconMac", "'iosBuildsAvailableForAppleSiliconMac' can only be set by an update.",
          "iosBuildsAvailableForAppleVision", "'iosBuildsAvailableForAppleVision' can only be set by an update.");

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
            .filter("app").filter("name").filter("isInternalGroup", "true", "false")
            .filter("publicLinkEnabled", "true", "false").filter("publicLinkLimitEnabled", "true", "false")
            .filter("publicLink").filter("builds").filter("id")
            .sort("name", "-name", "createdDate", "-createdDate", "publicLinkEnabled", "-publicLinkEnabled",
                "publicLinkLimit", "-publicLinkLimit")
            .paged(200)
            .build();
    QuerySpec one = withIncludes(QuerySpec.builder()).build();
    QuerySpec ofApp = QuerySpec.builder().fields("betaGroups", FieldNames.BETA_GROUPS).paged(200).build();
    return List.of(
        new Route("GET", "/v1/betaGroups", list, this::list),
        new Route("POST", "/v1/betaGroups", QuerySpec.NONE, this::create),
        new Route("GET", "/v1/betaGroups/{id}", one, this::get),
        new Route("PATCH", "/v1/betaGroups/{id}", QuerySpec.NONE, this::update),
        new Route("DELETE", "/v1/betaGroups/{id}", QuerySpec.NONE, this::delete),
        new Route("GET", "/v1/apps/{id}/betaGroups", ofApp, this::ofApp),
        new Route("GET", "/v1/apps/{id}/relationships/betaGroups", QuerySpec.builder().paged(200).build(),
            this::linkagesOfApp));
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
    List<Group> groups =
        state.groups().stream()
            .filter(matches(q, "app", Group::app))
            .filter(matches(q, "name", Group::name))
            .filter(matches(q, "isInternalGroup", g -> String.valueOf(g.internal())))
            .filter(matches(q, "publicLinkEnabled", g -> String.valueOf(g.publicLinkEnabled())))
            .filter(matches(q, "publicLinkLimitEnabled", g -> String.valueOf(g.publicLinkLimitEnabled())))
            .filter(matches(q, "publicLink", g -> g.publicLinkEnabled() ? g.publicLink() : null))
            .filter(Filters.matchesAny(q, "builds", g -> state.builds().ofGroup(g.id()).stream().map(Build::id).toList()))
            .filter(matches(q, "id", Group::id))
            .sorted(order(q.list("sort")))
            .toList();
    return page(request, groups);
  }

  private Response get(Request request) {
    Documents.Included included = new Documents.Included();
    Group group = state.group(request.id());
    ObjectNode data = views.group(group, request.query(), included);
    return Response.ok(Documents.single(data, request.selfUrl(), included));
  }

  private Response ofApp(Request request) {
    state.app(request.id());
    return page(request, state.groupsOfApp(request.id()));
  }

  private Response linkagesOfApp(Request request) {
    state.app(request.id());
    List<String> ids = state.groupsOfApp(request.id()).stream().map(Group::id).toList();
    return Response.ok(Documents.linkages("betaGroups", Paging.page(ids, request.query(), 200), request));
  }

  private Response page(Request request, List<Group> groups) {
    Paging.Page<Group> page = Paging.page(groups, request.query(), 200);
    Documents.Included included = new Documents.Included();
    List<ObjectNode> data = page.items().stream().map(g -> views.group(g, request.query(), included)).toList();
    return Response.ok(Documents.collection(data, page, request, included));
  }

  private Response create(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), "betaGroups");
    ObjectNode attributes = Bodies.attributes(data, CREATE_ATTRIBUTES, UPDATE_ONLY);
    String name = Bodies.string(attributes, "name", true);
    ObjectNode relationships = Bodies.relationships(data, Set.of("app", "builds", "betaTesters"));
    String appId = Bodies.toOne(relationships, "app", "apps");
    if (appId == null) {
      throw ApiException.relationshipRequired(
          "/data/relationships/app", "You must provide a value for the relationship 'app' with this request");
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
    String url = views.resources().url("betaGroups", group.id());
    ObjectNode doc = Documents.single(views.group(group, Query.parse(""), null), url, null);
    return Response.created(doc, url);
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
    String url = views.resources().url("betaGroups", group.id());
    return Response.ok(Documents.single(views.group(group, Query.parse(""), null), url, null));
  }

  private Response delete(Request request) {
    operations.deleteGroup(request.id());
    return Response.noContent();
  }

  private static Predicate<Group> matches(Query q, String filter, Function<Group, String> value) {
    List<String> wanted = q.list("filter[" + filter + "]");
    return g -> !q.has("filter[" + filter + "]") || wanted.contains(value.apply(g));
  }

  private static Comparator<Group> order(List<String> keys) {
    Comparator<Group> order = (a, b) -> 0;
    for (String key : keys) {
      boolean descending = key.startsWith("-");
      Comparator<Group> by =
          switch (descending ? key.substring(1) : key) {
            case "name" -> Comparator.comparing(Group::name);
            case "createdDate" -> Comparator.comparing(Group::createdDate);
            case "publicLinkEnabled" -> Comparator.comparing(Group::publicLinkEnabled);
            default -> Comparator.comparing(Group::publicLinkLimit, Comparator.nullsFirst(Comparator.naturalOrder()));
          };
      order = order.thenComparing(descending ? by.reversed() : by);
    }
    return order;
  }
}
