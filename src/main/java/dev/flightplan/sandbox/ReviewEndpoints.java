package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Beta App Review submissions (at most one per build, never updated or deleted) and tester
 * invitations.
 */
final class ReviewEndpoints {
  private static final String TYPE = "betaAppReviewSubmissions";

  private final Builds builds;
  private final ReviewOperations operations;
  private final Views views;
  private final Bodies bodies;

  ReviewEndpoints(SandboxState state, ReviewOperations operations, Views views, Bodies bodies) {
    this.builds = state.builds();
    this.operations = operations;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    QuerySpec list =
        BuildInfoEndpoints.ofBuild(
                QuerySpec.builder(), TYPE, FieldNames.BETA_APP_REVIEW_SUBMISSIONS)
            .filter("betaReviewState", ReviewOperations.REVIEW_STATES.toArray(String[]::new))
            .requiredFilter("build")
            .paged()
            .build();
    return List.of(
        new Route(
            "GET",
            "/v1/betaAppReviewSubmissions",
            list,
            r ->
                views.page(
                    r,
                    TYPE,
                    builds.submissions.all().stream()
                        .filter(
                            Filters.matches(
                                r.query(), "betaReviewState", ReviewSubmission::betaReviewState))
                        .filter(Filters.matches(r.query(), "build", ReviewSubmission::build))
                        .map(ReviewSubmission::id)
                        .toList())),
        new Route(
            "GET",
            "/v1/builds/{id}/betaAppReviewSubmission",
            QuerySpec.builder().fields(TYPE, FieldNames.BETA_APP_REVIEW_SUBMISSIONS).build(),
            this::ofBuild),
        new Route(
            "GET",
            "/v1/betaAppReviewSubmissions/{id}",
            BuildInfoEndpoints.ofBuild(
                    QuerySpec.builder(), TYPE, FieldNames.BETA_APP_REVIEW_SUBMISSIONS)
                .build(),
            r -> views.one(r, TYPE, builds.submissions.get(r.id()).id())),
        new Route("POST", "/v1/betaAppReviewSubmissions", QuerySpec.NONE, this::submit),
        new Route("POST", "/v1/betaTesterInvitations", QuerySpec.NONE, this::invite));
  }

  private Response ofBuild(Request request) {
    Build build = builds.builds.get(request.id());
    ReviewSubmission submission = builds.submissionOf(build.id());
    if (submission == null) {
      throw ApiException.noRelated(
          "The build '" + builds.label(build) + "' has not been submitted for beta review.");
    }
    return views.one(request, TYPE, submission.id());
  }

  private Response submit(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), TYPE);
    Bodies.noAttributes(data);
    String build =
        Bodies.requiredToOne(Bodies.relationships(data, Set.of("build")), "build", "builds");
    ReviewSubmission submission = operations.submit(build);
    return views.created(TYPE, submission.id(), Query.parse(""));
  }

  private Response invite(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), "betaTesterInvitations");
    Bodies.noAttributes(data);
    ObjectNode relationships = Bodies.relationships(data, Set.of("app", "betaTester"));
    String app = Bodies.requiredToOne(relationships, "app", "apps");
    String id = operations.invite(app, Bodies.toOne(relationships, "betaTester", "betaTesters"));
    String url = views.resources().url("betaTesterInvitations", id);
    return Response.created(
        Documents.single(views.info().action("betaTesterInvitations", id), url, null), url);
  }
}
