package dev.flightplan.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relationship reads Apple's document offers on every TestFlight resource and that no other
 * route table serves: {@code GET /v1/<type>/{id}/relationships/<name>} (linkages; to-many ones
 * paged) and {@code GET /v1/<type>/{id}/<name>} (the related resources in their type's fieldset;
 * to-many ones paged), both answered from the relationships {@link Views} knows. A to-one
 * relationship without a related resource is a 404, as for the other to-one reads.
 */
final class RelatedEndpoints {
  /**
   * Each served relationship: the resource type, the relationship, and whether its related read is
   * served here.
   */
  private record Served(String type, String name, boolean related) {}

  private static final List<Served> SERVED =
      List.of(
          new Served("apps", "betaAppLocalizations", false),
          new Served("apps", "betaAppReviewDetail", false),
          new Served("apps", "betaLicenseAgreement", false),
          new Served("apps", "builds", true),
          new Served("apps", "preReleaseVersions", false),
          new Served("betaAppLocalizations", "app", true),
          new Served("betaAppReviewDetails", "app", true),
          new Served("betaAppReviewSubmissions", "build", true),
          new Served("betaBuildLocalizations", "build", true),
          new Served("betaGroups", "app", true),
          new Served("betaLicenseAgreements", "app", true),
          new Served("betaTesters", "apps", true),
          new Served("betaTesters", "betaGroups", true),
          new Served("betaTesters", "builds", true),
          new Served("buildBetaDetails", "build", true),
          new Served("builds", "app", true),
          new Served("builds", "betaAppReviewSubmission", false),
          new Served("builds", "betaBuildLocalizations", false),
          new Served("builds", "buildBetaDetail", false),
          new Served("builds", "preReleaseVersion", true),
          new Served("preReleaseVersions", "app", true),
          new Served("preReleaseVersions", "builds", true));

  /** The fieldset names of the related types these reads return. */
  private static final Map<String, Set<String>> FIELDS =
      Map.of(
          "apps",
          FieldNames.APPS,
          "builds",
          FieldNames.BUILDS,
          "betaGroups",
          FieldNames.BETA_GROUPS,
          "preReleaseVersions",
          FieldNames.PRE_RELEASE_VERSIONS,
          "betaAppLocalizations",
          FieldNames.BETA_APP_LOCALIZATIONS,
          "betaLicenseAgreements",
          FieldNames.BETA_LICENSE_AGREEMENTS,
          "betaAppReviewDetails",
          FieldNames.BETA_APP_REVIEW_DETAILS,
          "betaAppReviewSubmissions",
          FieldNames.BETA_APP_REVIEW_SUBMISSIONS,
          "betaBuildLocalizations",
          FieldNames.BETA_BUILD_LOCALIZATIONS,
          "buildBetaDetails",
          FieldNames.BUILD_BETA_DETAILS);

  private final Views views;

  RelatedEndpoints(Views views) {
    this.views = views;
  }

  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (Served s : SERVED) {
      String base = "/v1/" + s.type() + "/{id}/";
      boolean toOne = views.toOne(s.type(), s.name());
      routes.add(
          new Route(
              "GET",
              base + "relationships/" + s.name(),
              toOne ? QuerySpec.NONE : Routes.toManyRelationship(),
              r -> linkages(r, s)));
      if (s.related()) {
        routes.add(new Route("GET", base + s.name(), relatedSpec(s, toOne), r -> related(r, s)));
      }
    }
    return routes;
  }

  /**
   * A build read through its beta details takes what a build read takes; the others their type's
   * fieldset.
   */
  private QuerySpec relatedSpec(Served s, boolean toOne) {
    if (s.type().equals("buildBetaDetails")) {
      return BuildEndpoints.withIncludes(QuerySpec.builder()).build();
    }
    String target = views.relatedType(s.type(), s.name());
    return toOne
        ? Routes.toOneRelated(target, FIELDS.get(target))
        : Routes.toManyRelated(target, FIELDS.get(target));
  }

  private Response linkages(Request request, Served s) {
    Views.Related related = views.related(s.type(), request.id(), s.name());
    if (!related.toOne()) {
      return views.linkages(request, related.type(), related.ids());
    }
    return Response.ok(
        Documents.linkage(related.type(), only(related, request, s), request.selfUrl()));
  }

  private Response related(Request request, Served s) {
    Views.Related related = views.related(s.type(), request.id(), s.name());
    return related.toOne()
        ? views.one(request, related.type(), only(related, request, s))
        : views.page(request, related.type(), related.ids());
  }

  private static String only(Views.Related related, Request request, Served s) {
    if (related.ids().isEmpty()) {
      throw ApiException.noRelated(
          "The " + s.type() + " resource '" + request.id() + "' has no " + s.name() + ".");
    }
    return related.ids().get(0);
  }
}
