package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Beta testers: list with filters and includes, read, create (or reuse by email), delete, and their groups. */
final class TesterEndpoints {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
  private static final List<String> RELATIONSHIP_FILTERS =
      List.of("filter[apps]", "filter[betaGroups]", "filter[builds]");

  private final SandboxState state;
  private final Operations operations;
  private final Views views;
  private final Bodies bodies;

  TesterEndpoints(SandboxState state, Operations operations, Views views, Bodies bodies) {
    this.state = state;
    this.operations = operations;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    QuerySpec list =
        withIncludes(QuerySpec.builder())
            .filter("firstName").filter("lastName").filter("email").filter("inviteType", "EMAIL", "PUBLIC_LINK")
            .filter("apps").filter("betaGroups").filter("builds").filter("id")
            .sort("firstName", "-firstName", "lastName", "-lastName", "email", "-email", "inviteType", "-inviteType",
                "state", "-state")
            .paged(200)
            .build();
    return List.of(
        new Route("GET", "/v1/betaTesters", list, this::list),
        new Route("POST", "/v1/betaTesters", QuerySpec.NONE, this::create),
        new Route("GET", "/v1/betaTesters/{id}", withIncludes(QuerySpec.builder()).build(), this::get),
        new Route("DELETE", "/v1/betaTesters/{id}", QuerySpec.NONE, this::delete),
        new Route("GET", "/v1/betaTesters/{id}/relationships/betaGroups", QuerySpec.builder().paged(200).build(),
            this::groupLinkages));
  }

  private static QuerySpec.Builder withIncludes(QuerySpec.Builder builder) {
    return builder
        .fields("betaTesters", FieldNames.BETA_TESTERS)
        .fields("betaGroups", FieldNames.BETA_GROUPS)
        .fields("apps", FieldNames.APPS)
        .fields("builds", FieldNames.BUILDS)
        .include("apps", "betaGroups", "builds")
        .includeLimit("apps", Views.MAX_INCLUDE_LIMIT)
        .includeLimit("betaGroups", Views.MAX_INCLUDE_LIMIT)
        .includeLimit("builds", Views.MAX_INCLUDE_LIMIT);
  }

  private Response list(Request request) {
    Query q = request.query();
    List<String> relationshipFilters = RELATIONSHIP_FILTERS.stream().filter(q::has).toList();
    if (relationshipFilters.size() > 1) {
      throw ApiException.invalidParameter(relationshipFilters.get(1), "Only one relationship filter can be applied.");
    }
    Set<String> apps = Set.copyOf(q.list("filter[apps]"));
    Set<String> groups = Set.copyOf(q.list("filter[betaGroups]"));
    Set<String> builds = Set.copyOf(q.list("filter[builds]"));
    boolean byApps = q.has("filter[apps]");
    boolean byGroups = q.has("filter[betaGroups]");
    boolean byBuilds = q.has("filter[builds]");
    // looking testers up by email uses the index: a client checking testers one by one should not cost a scan each
    List<Tester> candidates = q.has("filter[email]") ? state.testersByEmail(q.list("filter[email]")) : state.testers();
    List<Tester> testers =
        candidates.stream()
            .filter(matches(q, "email", t -> t.email() == null ? null : SandboxState.emailKey(t.email())))
            .filter(matches(q, "firstName", Tester::firstName))
            .filter(matches(q, "lastName", Tester::lastName))
            .filter(matches(q, "inviteType", Tester::inviteType))
            .filter(matches(q, "id", Tester::id))
            .filter(t -> !byApps || t.apps().stream().anyMatch(apps::contains))
            .filter(t -> !byGroups || t.groups().stream().anyMatch(groups::contains))
            // Testers a build was given to individually; group members reach it through their groups.
            .filter(t -> !byBuilds || state.builds().ofTester(t.id()).stream().anyMatch(b -> builds.contains(b.id())))
            .sorted(order(q.list("sort")))
            .toList();
    Paging.Page<Tester> page = Paging.page(testers, q, 200);
    Documents.Included included = new Documents.Included();
    List<ObjectNode> data = page.items().stream().map(t -> views.tester(t, q, included)).toList();
    return Response.ok(Documents.collection(data, page, request, included));
  }

  private Response get(Request request) {
    Tester tester = state.tester(request.id());
    Documents.Included included = new Documents.Included();
    ObjectNode data = views.tester(tester, request.query(), included);
    return Response.ok(Documents.single(data, request.selfUrl(), included));
  }

  private Response groupLinkages(Request request) {
    Tester tester = state.tester(request.id());
    List<String> ids = state.groupsOf(tester).stream().map(Group::id).toList();
    return Response.ok(Documents.linkages("betaGroups", Paging.page(ids, request.query(), 200), request));
  }

  private Response create(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), "betaTesters");
    ObjectNode attributes = Bodies.attributes(data, Set.of("email", "firstName", "lastName"), Map.of());
    String email = Bodies.string(attributes, "email", true).trim();
    if (!EMAIL.matcher(email).matches()) {
      throw ApiException.attributeInvalid("/data/attributes/email", "'" + email + "' is not a valid email address.");
    }
    String firstName = Bodies.string(attributes, "firstName", false);
    String lastName = Bodies.string(attributes, "lastName", false);
    ObjectNode relationships = Bodies.relationships(data, Set.of("betaGroups", "builds"));
    Tester tester =
        operations.createTester(
            email,
            firstName,
            lastName,
            Bodies.toMany(relationships, "betaGroups", "betaGroups"),
            Bodies.toMany(relationships, "builds", "builds"));
    String url = views.resources().url("betaTesters", tester.id());
    ObjectNode doc = Documents.single(views.tester(tester, Query.parse(""), null), url, null);
    return Response.created(doc, url);
  }

  private Response delete(Request request) {
    operations.deleteTester(request.id());
    return Response.noContent();
  }

  /** Emails are compared case-insensitively: the team has one tester per address, whatever its case. */
  private static Predicate<Tester> matches(Query q, String filter, Function<Tester, String> value) {
    if (!q.has("filter[" + filter + "]")) {
      return t -> true;
    }
    Set<String> wanted = new HashSet<>();
    q.list("filter[" + filter + "]").forEach(v -> wanted.add(filter.equals("email") ? SandboxState.emailKey(v) : v));
    return t -> wanted.contains(value.apply(t));
  }

  private static Comparator<Tester> order(List<String> keys) {
    Comparator<Tester> order = (a, b) -> 0;
    for (String key : keys) {
      boolean descending = key.startsWith("-");
      Function<Tester, String> field =
          switch (descending ? key.substring(1) : key) {
            case "firstName" -> Tester::firstName;
            case "lastName" -> Tester::lastName;
            case "email" -> t -> t.email() == null ? null : t.email().toLowerCase(Locale.ROOT);
            case "inviteType" -> Tester::inviteType;
            default -> Tester::state;
          };
      Comparator<Tester> by = Comparator.comparing(field, Comparator.nullsFirst(Comparator.naturalOrder()));
      order = order.thenComparing(descending ? by.reversed() : by);
    }
    return order;
  }
}
