package dev.flightplan.sandbox;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Who is given which build: the build-group link from either side, and the builds given to testers
 * individually, from the build's side or the tester's. Writes take linkage documents and answer
 * 204.
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
    QuerySpec linkages = Routes.toManyRelationship();
    String groupBuilds = "/v1/betaGroups/{id}/relationships/builds";
    String buildGroups = "/v1/builds/{id}/relationships/betaGroups";
    String buildTesters = "/v1/builds/{id}/relationships/individualTesters";
    Consumer<String> group = state::group;
    Consumer<String> build = builds.builds::get;
    return List.of(
        new Route("GET", groupBuilds, linkages, r -> views.linkages(r, "builds", groupBuildIds(r))),
        new Route(
            "POST", groupBuilds, QuerySpec.NONE, write(group, "builds", operations::addToGroup)),
        new Route(
            "DELETE",
            groupBuilds,
            QuerySpec.NONE,
            write(group, "builds", operations::removeFromGroup)),
        new Route(
            "GET",
            "/v1/betaGroups/{id}/builds",
            Routes.toManyRelated("builds", FieldNames.BUILDS),
            r -> views.page(r, "builds", groupBuildIds(r))),
        new Route(
            "POST", buildGroups, QuerySpec.NONE, write(build, "betaGroups", operations::addGroups)),
        new Route(
            "DELETE",
            buildGroups,
            QuerySpec.NONE,
            write(build, "betaGroups", operations::removeGroups)),
        new Route(
            "GET",
            buildTesters,
            linkages,
            r -> views.linkages(r, "betaTesters", builds.builds.get(r.id()).individualTesters())),
        new Route(
            "POST",
            buildTesters,
            QuerySpec.NONE,
            write(build, "betaTesters", operations::addTesters)),
        new Route(
            "DELETE",
            buildTesters,
            QuerySpec.NONE,
            write(build, "betaTesters", operations::removeTesters)),
        new Route(
            "GET",
            "/v1/builds/{id}/individualTesters",
            Routes.toManyRelated("betaTesters", FieldNames.BETA_TESTERS),
            r -> views.page(r, "betaTesters", builds.builds.get(r.id()).individualTesters())),
        new Route(
            "POST",
            "/v1/betaTesters/{id}/relationships/builds",
            QuerySpec.NONE,
            write(state::tester, "builds", operations::giveBuilds)),
        new Route(
            "DELETE",
            "/v1/betaTesters/{id}/relationships/builds",
            QuerySpec.NONE,
            write(state::tester, "builds", operations::takeBuilds)));
  }

  /**
   * A linkage write: 404 unless {@code find} finds the resource of the path's id, then {@code
   * change} with the body's ids of {@code type}; 204.
   */
  private Route.Handler write(
      Consumer<String> find, String type, BiConsumer<String, List<String>> change) {
    return Routes.noContent(
        r -> {
          find.accept(r.id());
          change.accept(r.id(), Bodies.linkages(bodies.document(r.body()), type));
        });
  }

  /**
   * The builds given to the group by hand; a group with access to all builds lists none (see
   * package docs).
   */
  private List<String> groupBuildIds(Request request) {
    return builds.ofGroup(state.group(request.id()).id()).stream().map(Build::id).toList();
  }
}
