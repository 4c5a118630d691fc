package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two resources every app has exactly one of from the start and that can only be read and updated: the beta
 * license agreement and the beta app review detail.
 */
final class AppSingletonEndpoints {
  private static final String LICENSE = "betaLicenseAgreements";
  private static final String DETAIL = "betaAppReviewDetails";
  private static final Set<String> DETAIL_ATTRIBUTES =
      Set.of("contactEmail", "contactFirstName", "contactLastName", "contactPhone", "demoAccountName",
          "demoAccountPassword", "demoAccountRequired", "notes");

  private final SandboxState state;
  private final Builds builds;
  private final InfoOperations operations;
  private final Views views;
  private final Bodies bodies;

  AppSingletonEndpoints(SandboxState state, InfoOperations operations, Views views, Bodies bodies) {
    this.state = state;
    this.builds = state.builds();
    this.operations = operations;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/v1/apps/{id}/betaLicenseAgreement",
            QuerySpec.builder().fields(LICENSE, FieldNames.BETA_LICENSE_AGREEMENTS).build(),
            r -> views.one(r, LICENSE, builds.licenses.first(l -> l.app().equals(state.app(r.id()).id())).id())),
        new Route("GET", "/v1/betaLicenseAgreements",
            licenseIncludes(QuerySpec.builder()).filter("app").paged(200).build(),
            r -> views.page(r, LICENSE, builds.licenses.all().stream()
                .filter(Filters.matches(r.query(), "app", LicenseAgreement::app)).map(LicenseAgreement::id).toList())),
        new Route("GET", "/v1/betaLicenseAgreements/{id}", licenseIncludes(QuerySpec.builder()).build(),
            r -> views.one(r, LICENSE, builds.licenses.get(r.id()).id())),
        new Route("PATCH", "/v1/betaLicenseAgreements/{id}", QuerySpec.NONE, this::updateLicense),
        new Route("GET", "/v1/apps/{id}/betaAppReviewDetail",
            QuerySpec.builder().fields(DETAIL, FieldNames.BETA_APP_REVIEW_DETAILS).build(),
            r -> views.one(r, DETAIL, builds.reviewDetails.first(d -> d.app().equals(state.app(r.id()).id())).id())),
        new Route("GET", "/v1/betaAppReviewDetails",
            detailIncludes(QuerySpec.builder()).requiredFilter("app").paged(200).build(),
            r -> views.page(r, DETAIL, builds.reviewDetails.all().stream()
                .filter(Filters.matches(r.query(), "app", ReviewDetail::app)).map(ReviewDetail::id).toList())),
        new Route("GET", "/v1/betaAppReviewDetails/{id}", detailIncludes(QuerySpec.builder()).build(),
            r -> views.one(r, DETAIL, builds.reviewDetails.get(r.id()).id())),
        new Route("PATCH", "/v1/betaAppReviewDetails/{id}", QuerySpec.NONE, this::updateDetail));
  }

  private static QuerySpec.Builder licenseIncludes(QuerySpec.Builder builder) {
    return builder.fields(LICENSE, FieldNames.BETA_LICENSE_AGREEMENTS).fields("apps", FieldNames.APPS).include("app");
  }

  private static QuerySpec.Builder detailIncludes(QuerySpec.Builder builder) {
    return builder.fields(DETAIL, FieldNames.BETA_APP_REVIEW_DETAILS).fields("apps", FieldNames.APPS).include("app");
  }

  private Response updateLicense(Request request) {
    LicenseAgreement license = builds.licenses.get(request.id());
    ObjectNode data = Bodies.update(bodies.document(request.body()), LICENSE, request.id());
    ObjectNode a = Bodies.attributes(data, Set.of("agreementText"), Map.of());
    Bodies.relationships(data, Set.of());
    operations.updateLicense(new LicenseAgreement(license.id(), license.app(),
        Bodies.stringOr(a, "agreementText", license.agreementText())));
    return views.updated(LICENSE, license.id());
  }

  private Response updateDetail(Request request) {
    ReviewDetail d = builds.reviewDetails.get(request.id());
    ObjectNode data = Bodies.update(bodies.document(request.body()), DETAIL, request.id());
    ObjectNode a = Bodies.attributes(data, DETAIL_ATTRIBUTES, Map.of());
    Bodies.relationships(data, Set.of());
    operations.updateReviewDetail(new ReviewDetail(d.id(), d.app(),
        Bodies.stringOr(a, "contactEmail", d.contactEmail()),
        Bodies.stringOr(a, "contactFirstName", d.contactFirstName()),
        Bodies.stringOr(a, "contactLastName", d.contactLastName()),
        Bodies.stringOr(a, "contactPhone", d.contactPhone()),
        Bodies.stringOr(a, "demoAccountName", d.demoAccountName()),
        Bodies.stringOr(a, "demoAccountPassword", d.demoAccountPassword()),
        Bodies.boolOr(a, "demoAccountRequired", d.demoAccountRequired()),
        Bodies.stringOr(a, "notes", d.notes())));
    return views.updated(DETAIL, d.id());
  }
}
