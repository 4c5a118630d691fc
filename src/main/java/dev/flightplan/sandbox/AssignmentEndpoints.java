package dev.flightplan.sandbox;

import java.util.List;

/**
 * Who is given which build: the build-group link from either side, the testers a build was given individually,
 * and a tester's individually given builds. Writes take linkage documents and answer 204.
 */
final class AssignmentEndpoints {
  private final SandboxState state;
  private final Builds builds;
  private final BuildOperations operations;
  private final Views views;
  private final Bodies bodies;

  AssignmentEndpoints(SandboxState state, BuildOperations operations, Views views, Bodies bodies) {
    this.state = state;
    this.builds = state.builds();
    this.operations = operations;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    QuerySpec linkages = QuerySpec.builder().paged(200).build();
    String groupBuilds = "/v1/betaGroups/{id}/relationships/builds";
    String buildGroups = "/v1/builds/{id}/relationships/betaGroups";
    String buildTesters = "/v1/builds/{id}/relationships/individualTesters";
    return List.of(
        new Route("GET", groupBuilds, linkages, r -> views.linkages(r, "builds", groupBuildIds(r))),
        new Route("POST", groupBuilds, QuerySpec.NONE, r -> {
          state.group(r.id());
          operations.addToGroup(r.id(), Bodies.linkages(bodies.document(r.body()), "builds"));
          return Response.noContent();
        }),
        new Route("DELETE", groupBuilds, QuerySpec.NONE, r -> {
          state.group(r.id());
          operations.removeFromGroup(r.id(), Bodies.linkages(bodies.document(r.body()), "builds"));
          return Response.noContent();
        }),
        new Route("GET", "/v1/betaGroups/{id}/builds",
            QuerySpec.builder().fields("builds", FieldNames.BUILDS).paged(200).build(),
            r -> views.page(r, "builds", groupBuildIds(r))),
        new Route("POST", buildGroups, QuerySpec.NONE, r -> {
          builds.builds.get(r.id());
          operations.addGroups(r.id(), Bodies.linkages(bodies.document(r.body()), "betaGroups"));
          return Response.noContent();
        }),
        new Route("DELETE", buildGroups, QuerySpec.NONE, r -> {
          builds.builds.get(r.id());
          operations.removeGroups(r.id(), Bodies.linkages(bodies.document(r.body()), "betaGroups"));
          return Response.noContent();
        }),
        new Route("GET", buildTesters, linkages,
            r -> views.linkages(r, "betaTesters", builds.builds.get(r.id()).individualTesters())),
        new Route("POST", buildTesters, QuerySpec.NONE, r -> {
          builds.builds.get(r.id());
          operations.addTesters(r.id(), Bodies.linkages(bodies.document(r.body()), "betaTesters"));
          return Response.noContent();
        }),
        new Route("DELETE", buildTesters, QuerySpec.NONE, r -> {
          builds.builds.get(r.id());
          operations.removeTesters(r.id(), Bodies.linkages(bodies.document(r.body()), "betaTesters"));
          return Response.noContent();
        }),
        new Route("GET", "/v1/builds/{id}/individualTesters",
            QuerySpec.builder().fields("betaTesters", FieldNames.BETA_TESTERS).paged(200).build(),
            r -> views.page(r, "betaTesters", builds.builds.get(r.id()).individualTesters())),
        new Route("GET", "/v1/betaTesters/{id}/relationships/builds", linkages, r -> views.linkages(r, "builds",
            builds.ofTester(state.tester(r.id()).id()).stream().map(Build::id).toList())));
  }

  /** The builds given to the group by hand; a group with access to all builds lists none (see package docs). */
  private List<String> groupBuildIds(Request request) {
    return builds.ofGroup(state.group(request.id()).id()).stream().map(Build::id).toList();
  }
}
