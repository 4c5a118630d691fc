package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The two resources every app has exactly one of from the start and that can only be read and
 * updated: the beta license agreement and the beta app review detail.
 */
final class AppSingletonEndpoints {
  private static final String LICENSE = "betaLicenseAgreements";
  private static final String DETAIL = "betaAppReviewDetails";
  private static final Set<String> DETAIL_ATTRIBUTES =
      Set.of(
          "contactEmail",
          "contactFirstName",
          "contactLastName",
          "contactPhone",
          "demoAccountName",
          "demoAccountPassword",
          "demoAccountRequired",
          "notes");

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
    Singleton<LicenseAgreement> license =
        new Singleton<>(
            LICENSE,
            FieldNames.BETA_LICENSE_AGREEMENTS,
            builds.licenses,
            LicenseAgreement::app,
            LicenseAgreement::id);
    Singleton<ReviewDetail> detail =
        new Singleton<>(
            DETAIL,
            FieldNames.BETA_APP_REVIEW_DETAILS,
            builds.reviewDetails,
            ReviewDetail::app,
            ReviewDetail::id);
    return List.of(
        new Route(
            "GET",
            "/v1/apps/{id}/betaLicenseAgreement",
            license.ofAppSpec(),
            r -> ofApp(r, license)),
        new Route(
            "GET",
            "/v1/betaLicenseAgreements",
            license.withApp().filter("app").paged().build(),
            r -> list(r, license)),
        new Route(
            "GET",
            "/v1/betaLicenseAgreements/{id}",
            license.withApp().build(),
            r -> one(r, license)),
        new Route("PATCH", "/v1/betaLicenseAgreements/{id}", QuerySpec.NONE, this::updateLicense),
        new Route(
            "GET", "/v1/apps/{id}/betaAppReviewDetail", detail.ofAppSpec(), r -> ofApp(r, detail)),
        new Route(
            "GET",
            "/v1/betaAppReviewDetails",
            detail.withApp().requiredFilter("app").paged().build(),
            r -> list(r, detail)),
        new Route(
            "GET", "/v1/betaAppReviewDetails/{id}", detail.withApp().build(), r -> one(r, detail)),
        new Route("PATCH", "/v1/betaAppReviewDetails/{id}", QuerySpec.NONE, this::updateDetail));
  }

  /** One of the two resources: its type and fieldset, its records, and the app each belongs to. */
  private record Singleton<T>(
      String type,
      Set<String> fields,
      Table<T> table,
      Function<T, String> app,
      Function<T, String> id) {
    /** What the app's one accepts: the fieldset. */
    QuerySpec ofAppSpec() {
      return Routes.toOneRelated(type, fields);
    }

    /**
     * What the list and one by id accept (the list adds its filter and paging): fieldsets and
     * include=app.
     */
    QuerySpec.Builder withApp() {
      return Routes.ofApp(type, fields);
    }
  }

  /** The app's one ({@code /v1/apps/{id}/<singular>}). */
  private <T> Response ofApp(Request r, Singleton<T> s) {
    return views.one(
        r,
        s.type(),
        s.id().apply(s.table().first(t -> s.app().apply(t).equals(state.app(r.id()).id()))));
  }

  /** Those of the apps in {@code filter[app]}, or all of them. */
  private <T> Response list(Request r, Singleton<T> s) {
    return views.page(
        r,
        s.type(),
        s.table().all().stream()
            .filter(Filters.matches(r.query(), "app", s.app()))
            .map(s.id())
            .toList());
  }

  /** One by id: 404 when there is none. */
  private <T> Response one(Request r, Singleton<T> s) {
    return views.one(r, s.type(), s.id().apply(s.table().get(r.id())));
  }

  private Response updateLicense(Request request) {
    LicenseAgreement license = builds.licenses.get(request.id());
    ObjectNode data = Bodies.update(bodies.document(request.body()), LICENSE, request.id());
    ObjectNode a = Bodies.attributes(data, Set.of("agreementText"), Map.of());
    Bodies.relationships(data, Set.of());
    operations.updateLicense(
        new LicenseAgreement(
            license.id(),
            license.app(),
            Bodies.stringOr(a, "agreementText", license.agreementText())));
    return views.updated(LICENSE, license.id());
  }

  private Response updateDetail(Request request) {
    ReviewDetail d = builds.reviewDetails.get(request.id());
    ObjectNode data = Bodies.update(bodies.document(request.body()), DETAIL, request.id());
    ObjectNode a = Bodies.attributes(data, DETAIL_ATTRIBUTES, Map.of());
    Bodies.relationships(data, Set.of());
    operations.updateReviewDetail(
        new ReviewDetail(
            d.id(),
            d.app(),
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
