package dev.flightplan.sandbox;

import java.util.List;

/**
 * Who is in which group, seen from the group: linkage reads and writes on
 * {@code /v1/betaGroups/{id}/relationships/betaTesters}, the group's full tester objects, and the removal of
 * testers from a whole app.
 */
final class MembershipEndpoints {
  private final SandboxState state;
  private final Operations operations;
  private final Views views;
  private final Bodies bodies;

  MembershipEndpoints(SandboxState state, Operations operations, Views views, Bodies bodies) {
    this.state = state;
    this.operations = operations;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    String linkages = "/v1/betaGroups/{id}/relationships/betaTesters";
    QuerySpec testers = QuerySpec.builder().fields("betaTesters", FieldNames.BETA_TESTERS).paged().build();
    return List.of(
        new Route("GET", linkages, QuerySpec.builder().paged().build(), this::linkages),
        new Route("POST", linkages, QuerySpec.NONE, this::add),
        new Route("DELETE", linkages, QuerySpec.NONE, this::remove),
        new Route("GET", "/v1/betaGroups/{id}/betaTesters", testers, this::testers),
        new Route("DELETE", "/v1/apps/{id}/relationships/betaTesters", QuerySpec.NONE, this::removeFromApp));
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
    operations.addMembers(request.id(), Bodies.linkages(bodies.document(request.body()), "betaTesters"));
    return Response.noContent();
  }

  private Response remove(Request request) {
    state.group(request.id());
    operations.removeMembers(request.id(), Bodies.linkages(bodies.document(request.body()), "betaTesters"));
    return Response.noContent();
  }

  private Response removeFromApp(Request request) {
    state.app(request.id());
    operations.removeFromApp(request.id(), Bodies.linkages(bodies.document(request.body()), "betaTesters"));
    return Response.noContent();
  }
}
