package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The route table of every endpoint the sandbox serves, over one state, with links built on one
 * base URI.
 */
final class Endpoints {
  private Endpoints() {}

  /**
   * The routes of every endpoint, reading and changing {@code state}, with {@code clock} the
   * TestFlight time and {@code admin} behind the {@code /sandbox/} endpoints.
   */
  static Router router(
      SandboxState state,
      Clock clock,
      Ids ids,
      ObjectMapper mapper,
      SandboxAdmin admin,
      String baseUri) {
    BuildRules rules = new BuildRules(state);
    BuildOperations buildOperations = new BuildOperations(state, rules);
    MembershipOperations memberships = new MembershipOperations(state);
    Operations operations = new Operations(state, clock, ids, rules, buildOperations, memberships);
    InfoOperations info = new InfoOperations(state, ids);
    ReviewOperations review = new ReviewOperations(state, clock, ids);
    Views views = new Views(state, new Resources(baseUri));
    Bodies bodies = new Bodies(mapper);
    List<Route> routes = new ArrayList<>();
    routes.addAll(new AppEndpoints(state, views).routes());
    routes.addAll(new GroupEndpoints(state, operations, views, bodies).routes());
    routes.addAll(new MembershipEndpoints(state, memberships, views, bodies).routes());
    routes.addAll(new TesterEndpoints(state, operations, views, bodies).routes());
    routes.addAll(new UserEndpoints(state, views).routes());
    routes.addAll(new BuildEndpoints(state, buildOperations, views, bodies).routes());
    routes.addAll(new PreReleaseEndpoints(state, views).routes());
    routes.addAll(new AssignmentEndpoints(state, buildOperations, views, bodies).routes());
    routes.addAll(
        new CriteriaEndpoints(state, new CriteriaOperations(state, clock), rules, views, bodies)
            .routes());
    routes.addAll(new ClipEndpoints(state, new ClipOperations(state, ids), views, bodies).routes());
    routes.addAll(new AppLocalizationEndpoints(state, info, views, bodies).routes());
    routes.addAll(new AppSingletonEndpoints(state, info, views, bodies).routes());
    routes.addAll(
        new BuildInfoEndpoints(state, info, buildOperations, review, views, bodies).routes());
    routes.addAll(new ReviewEndpoints(state, review, views, bodies).routes());
    routes.addAll(new RelatedEndpoints(views).routes());
    routes.addAll(new MetricsEndpoints(state, views, clock).routes());
    routes.addAll(new AdminEndpoints(admin, mapper).routes());
    return new Router(routes);
  }
}
