package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Beta testers: list with filters and includes, read, create (or reuse by email), delete. */
final class TesterEndpoints {
  private static final String TYPE = "betaTesters";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
  private static final List<String> RELATIONSHIP_FILTERS =
      List.of("filter[apps]", "filter[betaGroups]", "filter[builds]");
  private static final Map<String, Comparator<Tester>> SORTS =
      Map.of(
          "firstName", nullsFirst(Tester::firstName),
          "lastName", nullsFirst(Tester::lastName),
          "email", nullsFirst(t -> t.email() == null ? null : t.email().toLowerCase(Locale.ROOT)),
          "inviteType", nullsFirst(Tester::inviteType),
          "state", nullsFirst(Tester::state));

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
            .filter("firstName")
            .filter("lastName")
            .filter("email")
            .filter("inviteType", "EMAIL", "PUBLIC_LINK")
            .filter("apps")
            .filter("betaGroups")
            .filter("builds")
            .filter("id")
            .sort(
                "firstName",
                "-firstName",
                "lastName",
                "-lastName",
                "email",
                "-email",
                "inviteType",
                "-inviteType",
                "state",
                "-state")
            .paged()
            .build();
    return List.of(
        new Route("GET", "/v1/betaTesters", list, this::list),
        new Route("POST", "/v1/betaTesters", QuerySpec.NONE, this::create),
        new Route(
            "GET",
            "/v1/betaTesters/{id}",
            withIncludes(QuerySpec.builder()).build(),
            r -> views.one(r, TYPE, state.tester(r.id()).id())),
        new Route(
            "DELETE",
            "/v1/betaTesters/{id}",
            QuerySpec.NONE,
            Routes.noContent(r -> operations.deleteTester(r.id()))));
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
      throw ApiException.invalidParameter(
          relationshipFilters.get(1), "Only one relationship filter can be applied.");
    }
    Set<String> apps = Set.copyOf(q.list("filter[apps]"));
    Set<String> groups = Set.copyOf(q.list("filter[betaGroups]"));
    Set<String> builds = Set.copyOf(q.list("filter[builds]"));
    boolean byApps = q.has("filter[apps]");
    boolean byGroups = q.has("filter[betaGroups]");
    boolean byBuilds = q.has("filter[builds]");
    // looking testers up by email uses the index: a client checking testers one by one should not
    // cost a scan each
    List<Tester> candidates =
        q.has("filter[email]") ? state.testersByEmail(q.list("filter[email]")) : state.testers();
    List<String> ids =
        candidates.stream()
            .filter(Filters.matchesEmail(q, "email", Tester::email))
            .filter(Filters.matches(q, "firstName", Tester::firstName))
            .filter(Filters.matches(q, "lastName", Tester::lastName))
            .filter(Filters.matches(q, "inviteType", Tester::inviteType))
            .filter(Filters.matches(q, "id", Tester::id))
            .filter(t -> !byApps || t.apps().stream().anyMatch(apps::contains))
            .filter(t -> !byGroups || t.groups().stream().anyMatch(groups::contains))
            // Testers a build was given to individually; group members reach it through their
            // groups.
            .filter(
                t ->
                    !byBuilds
                        || state.builds().ofTester(t.id()).stream()
                            .anyMatch(b -> builds.contains(b.id())))
            .sorted(Filters.order(q.list("sort"), SORTS))
            .map(Tester::id)
            .toList();
    return views.page(request, TYPE, ids);
  }

  private Response create(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), "betaTesters");
    ObjectNode attributes =
        Bodies.attributes(data, Set.of("email", "firstName", "lastName"), Map.of());
    String email = Bodies.string(attributes, "email", true).trim();
    if (!EMAIL.matcher(email).matches()) {
      throw ApiException.attributeInvalid(
          "/data/attributes/email", "'" + email + "' is not a valid email address.");
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
    return views.created(TYPE, tester.id(), Query.parse(""));
  }

  /** Sorts by a text field, absent values first. */
  private static Comparator<Tester> nullsFirst(Function<Tester, String> field) {
    return Comparator.comparing(field, Comparator.nullsFirst(Comparator.naturalOrder()));
  }
}
