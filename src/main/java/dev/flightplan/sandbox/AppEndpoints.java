package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Apps: the seeded apps of the team, found by bundle id, SKU, name or id. */
final class AppEndpoints {
  private final SandboxState state;
  private final Views views;

  AppEndpoints(SandboxState state, Views views) {
    this.state = state;
    this.views = views;
  }

  List<Route> routes() {
    QuerySpec list =
        withIncludes(QuerySpec.builder())
            .filter("bundleId")
            .filter("id")
            .filter("name")
            .filter("sku")
            .sort("name", "-name", "bundleId", "-bundleId", "sku", "-sku")
            .paged()
            .build();
    QuerySpec one = withIncludes(QuerySpec.builder()).build();
    return List.of(
        new Route("GET", "/v1/apps", list, this::list),
        new Route("GET", "/v1/apps/{id}", one, this::get));
  }

  /**
   * The TestFlight includes of an app (its beta information); the spec offers many more, which are
   * refused.
   */
  private static QuerySpec.Builder withIncludes(QuerySpec.Builder builder) {
    return builder
        .fields("apps", FieldNames.APPS)
        .fields("betaAppLocalizations", FieldNames.BETA_APP_LOCALIZATIONS)
        .fields("betaLicenseAgreements", FieldNames.BETA_LICENSE_AGREEMENTS)
        .fields("betaAppReviewDetails", FieldNames.BETA_APP_REVIEW_DETAILS)
        .include("betaAppLocalizations", "betaLicenseAgreement", "betaAppReviewDetail")
        .includeLimit("betaAppLocalizations", Views.MAX_INCLUDE_LIMIT);
  }

  private Response list(Request request) {
    Query q = request.query();
    List<App> apps =
        state.apps().stream()
            .filter(a -> matches(q, "bundleId", a.bundleId()))
            .filter(a -> matches(q, "id", a.id()))
            .filter(a -> matches(q, "name", a.name()))
            .filter(a -> matches(q, "sku", a.sku()))
            .sorted(order(q.list("sort")))
            .toList();
    Paging.Page<App> page = Paging.page(apps, q);
    Documents.Included included = new Documents.Included();
    List<ObjectNode> data =
        page.items().stream().map(a -> views.render("apps", a.id(), q, included)).toList();
    return Response.ok(Documents.collection(data, page, request, included));
  }

  private Response get(Request request) {
    return views.one(request, "apps", state.app(request.id()).id());
  }

  private static boolean matches(Query q, String filter, String value) {
    String name = "filter[" + filter + "]";
    return !q.has(name) || q.list(name).contains(value);
  }

  private static Comparator<App> order(List<String> keys) {
    Comparator<App> order = (a, b) -> 0;
    for (String key : keys) {
      boolean descending = key.startsWith("-");
      Function<App, String> field =
          switch (descending ? key.substring(1) : key) {
            case "name" -> App::name;
            case "bundleId" -> App::bundleId;
            default -> App::sku;
          };
      Comparator<App> by =
          Comparator.comparing(field, Comparator.nullsFirst(Comparator.naturalOrder()));
      order = order.thenComparing(descending ? by.reversed() : by);
    }
    return order;
  }
}
