package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recruitment criteria of a group's public link, the catalogue of options they may use, and the
 * check whether the group has a build those criteria admit. A group without criteria answers 404 on
 * its criteria endpoints.
 */
final class CriteriaEndpoints {
  private static final Set<String> FILTER_KEYS =
      Set.of("deviceFamily", "minimumOsInclusive", "maximumOsInclusive");

  private final SandboxState state;
  private final Builds builds;
  private final CriteriaOperations operations;
  private final BuildRules rules;
  private final Views views;
  private final Bodies bodies;

  CriteriaEndpoints(
      SandboxState state,
      CriteriaOperations operations,
      BuildRules rules,
      Views views,
      Bodies bodies) {
    this.state = state;
    this.builds = state.builds();
    this.operations = operations;
    this.rules = rules;
    this.views = views;
    this.bodies = bodies;
  }

  List<Route> routes() {
    QuerySpec fields =
        QuerySpec.builder()
            .fields("betaRecruitmentCriteria", FieldNames.BETA_RECRUITMENT_CRITERIA)
            .build();
    QuerySpec options =
        QuerySpec.builder()
            .fields(
                "betaRecruitmentCriterionOptions", FieldNames.BETA_RECRUITMENT_CRITERION_OPTIONS)
            .paged()
            .build();
    QuerySpec check =
        QuerySpec.builder()
            .fields(
                "betaRecruitmentCriterionCompatibleBuildChecks", FieldNames.COMPATIBLE_BUILD_CHECKS)
            .build();
    return List.of(
        new Route(
            "GET",
            "/v1/betaGroups/{id}/betaRecruitmentCriteria",
            fields,
            r -> views.one(r, "betaRecruitmentCriteria", criterionOf(r.id()).id())),
        new Route(
            "GET",
            "/v1/betaGroups/{id}/relationships/betaRecruitmentCriteria",
            QuerySpec.NONE,
            r ->
                Response.ok(
                    Documents.linkage(
                        "betaRecruitmentCriteria", criterionOf(r.id()).id(), r.selfUrl()))),
        new Route("POST", "/v1/betaRecruitmentCriteria", QuerySpec.NONE, this::create),
        new Route("PATCH", "/v1/betaRecruitmentCriteria/{id}", QuerySpec.NONE, this::update),
        new Route(
            "DELETE",
            "/v1/betaRecruitmentCriteria/{id}",
            QuerySpec.NONE,
            r -> {
              operations.delete(r.id());
              return Response.noContent();
            }),
        new Route("GET", "/v1/betaRecruitmentCriterionOptions", options, this::options),
        new Route(
            "GET",
            "/v1/betaGroups/{id}/betaRecruitmentCriterionCompatibleBuildCheck",
            check,
            this::check),
        new Route(
            "GET",
            "/v1/betaGroups/{id}/relationships/betaRecruitmentCriterionCompatibleBuildCheck",
            QuerySpec.NONE,
            r ->
                Response.ok(
                    Documents.linkage(
                        "betaRecruitmentCriterionCompatibleBuildChecks",
                        state.group(r.id()).id(),
                        r.selfUrl()))));
  }

  private Criterion criterionOf(String groupId) {
    Group group = state.group(groupId);
    Criterion criterion = builds.criterionOf(group.id());
    if (criterion == null) {
      throw ApiException.noRelated(
          "The beta group '" + group.name() + "' has no recruitment criteria.");
    }
    return criterion;
  }

  private Response create(Request request) {
    ObjectNode data = Bodies.resource(bodies.document(request.body()), "betaRecruitmentCriteria");
    ObjectNode attributes =
        Bodies.attributes(data, Set.of("deviceFamilyOsVersionFilters"), Map.of());
    List<Criterion.OsFilter> filters = filters(attributes);
    if (filters == null) {
      throw ApiException.attributeRequired(
          CriteriaOperations.FILTERS,
          "You must provide a value for the attribute 'deviceFamilyOsVersionFilters' with this request");
    }
    String groupId =
        Bodies.requiredToOne(
            Bodies.relationships(data, Set.of("betaGroup")), "betaGroup", "betaGroups");
    Criterion criterion = operations.create(groupId, filters);
    return views.created("betaRecruitmentCriteria", criterion.id(), Query.parse(""));
  }

  private Response update(Request request) {
    builds.criteria.get(request.id());
    ObjectNode data =
        Bodies.update(bodies.document(request.body()), "betaRecruitmentCriteria", request.id());
    ObjectNode attributes =
        Bodies.attributes(data, Set.of("deviceFamilyOsVersionFilters"), Map.of());
    Bodies.relationships(data, Set.of());
    Criterion criterion = operations.update(request.id(), filters(attributes));
    return views.updated("betaRecruitmentCriteria", criterion.id());
  }

  /** The filters of a request, or null when the attribute is absent or null. */
  private static List<Criterion.OsFilter> filters(ObjectNode attributes) {
    JsonNode value = attributes.get("deviceFamilyOsVersionFilters");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw ApiException.attributeType(
          CriteriaOperations.FILTERS, "The attribute must be an array of filters.");
    }
    List<Criterion.OsFilter> filters = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String at = CriteriaOperations.FILTERS + "/" + i;
      JsonNode filter = value.get(i);
      if (!filter.isObject()) {
        throw ApiException.attributeType(at, "Each filter must be an object.");
      }
      for (Iterator<String> it = filter.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!FILTER_KEYS.contains(key)) {
          throw ApiException.attributeUnknown(
              at + "/" + key, "'" + key + "' is not a member of a device family filter.");
        }
      }
      ObjectNode object = (ObjectNode) filter;
      String family = text(object, "deviceFamily", at);
      if (family == null) {
        throw ApiException.attributeRequired(
            at + "/deviceFamily", "Each filter needs a deviceFamily.");
      }
      filters.add(
          new Criterion.OsFilter(
              family,
              text(object, "minimumOsInclusive", at),
              text(object, "maximumOsInclusive", at)));
    }
    return filters;
  }

  private static String text(ObjectNode filter, String key, String at) {
    JsonNode value = filter.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.attributeType(at + "/" + key, "'" + key + "' must be a string.");
    }
    return value.asText();
  }

  private Response options(Request request) {
    Paging.Page<String> page = Paging.page(List.of(InfoResources.OPTIONS_ID), request.query());
    Set<String> fields = FieldNames.requested(request.query(), "betaRecruitmentCriterionOptions");
    List<ObjectNode> data = page.items().stream().map(id -> views.info().options(fields)).toList();
    return Response.ok(Documents.collection(data, page, request, null));
  }

  private Response check(Request request) {
    Group group = state.group(request.id());
    Set<String> fields =
        FieldNames.requested(request.query(), "betaRecruitmentCriterionCompatibleBuildChecks");
    ObjectNode data =
        views.info().compatibleBuildCheck(group.id(), rules.hasCompatibleBuild(group), fields);
    return Response.ok(Documents.single(data, request.selfUrl(), null));
  }
}
