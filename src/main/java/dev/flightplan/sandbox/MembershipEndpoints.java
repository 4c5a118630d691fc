package dev.flightplan.sandbox;

import java.util.List;

/**
 * Who is in which group: linkage reads and writes on {@code
 * /v1/betaGroups/{id}/relationships/betaTesters} and, from the tester's side, writes on {@code
 * /v1/betaTesters/{id}/relationships/betaGroups}; the group's full tester objects; and the removal
 * of testers from a whole app, from the app's side or the tester's.
 */
final class MembershipEndpoints {
  private final SandboxState state;
  private final MembershipOperations operations;
  private final Views views;
  private final Bodies bodies;

  MembershipEndpoints(
      SandboxState state, MembershipOperations operations, Views views, Bodies bodies) {
    this.state = state;
    this.operations = operations;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    String linkages = "/v1/betaGroups/{id}/relationships/betaTesters";
    QuerySpec testers =
        QuerySpec.builder().fields("betaTesters", FieldNames.BETA_TESTERS).paged().build();
    return List.of(
        new Route("GET", linkages, QuerySpec.builder().paged().build(), this::linkages),
        new Route("POST", linkages, QuerySpec.NONE, this::add),
        new Route("DELETE", linkages, QuerySpec.NONE, this::remove),
        new Route("GET", "/v1/betaGroups/{id}/betaTesters", testers, this::testers),
        new Route(
            "DELETE",
            "/v1/apps/{id}/relationships/betaTesters",
            QuerySpec.NONE,
            this::removeFromApp),
        new Route(
            "POST",
            "/v1/betaTesters/{id}/relationships/betaGroups",
            QuerySpec.NONE,
            Routes.noContent(
                r ->
                    operations.joinGroups(
                        r.id(), Bodies.linkages(bodies.document(r.body()), "betaGroups")))),
        new Route(
            "DELETE",
            "/v1/betaTesters/{id}/relationships/betaGroups",
            QuerySpec.NONE,
            Routes.noContent(
                r ->
                    operations.leaveGroups(
                        r.id(), Bodies.linkages(bodies.document(r.body()), "betaGroups")))),
        new Route(
            "DELETE", "/v1/betaTesters/{id}/relationships/apps", QuerySpec.NONE, this::leaveApps));
  }

  private Response linkages(Request request) {
    return views.linkages(request, "betaTesters", memberIds(request.id()));
  }

  private Response testers(Request request) {
    return views.page(request, "betaTesters", memberIds(request.id()));
  }

  /** The group's testers' ids; 404 when there is no such group. */
  private List<String> memberIds(String groupId) {
    state.group(groupId);
    return state.members(groupId).stream().map(Tester::id).toList();
  }

  private Response add(Request request) {
    state.group(request.id());
    operations.addMembers(
        request.id(), Bodies.linkages(bodies.document(request.body()), "betaTesters"));
    return Response.noContent();
  }

  private Response remove(Request request) {
    state.group(request.id());
    operations.removeMembers(
        request.id(), Bodies.linkages(bodies.document(request.body()), "betaTesters"));
    return Response.noContent();
  }

  /**
   * The tester leaves each app of the body (404 for an unknown one), as if removed from the app's
   * side.
   */
  private Response leaveApps(Request request) {
    state.tester(request.id());
    List<String> appIds = Bodies.linkages(bodies.document(request.body()), "apps");
    appIds.forEach(state::app);
    appIds.forEach(app -> operations.removeFromApp(app, List.of(request.id())));
    return Response.noContent();
  }

  private Response removeFromApp(Request request) {
    state.app(request.id());
    operations.removeFromApp(
        request.id(), Bodies.linkages(bodies.document(request.body()), "betaTesters"));
    return Response.noContent();
  }
}
