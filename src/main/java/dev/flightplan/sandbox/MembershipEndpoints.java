package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
    state.group(request.id());
    List<String> ids = state.members(request.id()).stream().map(Tester::id).toList();
    return Response.ok(Documents.linkages("betaTesters", Paging.page(ids, request.query()), request));
  }

  private Response testers(Request request) {
    state.group(request.id());
    Paging.Page<Tester> page = Paging.page(state.members(request.id()), request.query());
    List<ObjectNode> data = page.items().stream().map(t -> views.tester(t, request.query(), null)).toList();
    return Response.ok(Documents.collection(data, page, request, null));
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
