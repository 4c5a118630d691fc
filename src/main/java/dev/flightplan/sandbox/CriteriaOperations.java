package dev.flightplan.sandbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Recruitment criteria of external groups' public links: at most one per group (a second create is
 * 409 {@code ENTITY_ERROR.RELATIONSHIP.INVALID}), never on internal groups, filters checked against
 * {@link CriterionOptions}.
 */
final class CriteriaOperations {
  static final String FILTERS = "/data/attributes/deviceFamilyOsVersionFilters";

  private final SandboxState state;
  private final Builds builds;
  private final Clock clock;

  CriteriaOperations(SandboxState state, Clock clock) {
    this.state = state;
    this.builds = state.builds();
    this.clock = clock;
  }

  Criterion create(String groupId, List<Criterion.OsFilter> filters) {
    Group group = state.groupOrNull(groupId);
    String pointer = "/data/relationships/betaGroup/data/id";
    if (group == null) {
      throw ApiException.relatedNotFound(pointer, "betaGroups", groupId);
    }
    if (group.internal()) {
      throw ApiException.relationshipInvalid(
          pointer,
          "Recruitment criteria can only be set on external groups; '"
              + group.name()
              + "' is internal.");
    }
    if (builds.criterionOf(groupId) != null) {
      throw ApiException.relationshipInvalid(
          pointer,
          "The beta group '"
              + group.name()
              + "' already has recruitment criteria; update them instead.");
    }
    CriterionOptions.check(filters, FILTERS);
    // One criterion per group: its id follows from the group's, so a re-created one looks the same.
    Criterion criterion =
        new Criterion(
            Ids.stableUuid("betaRecruitmentCriterion:" + groupId), groupId, now(), filters);
    builds.criteria.put(criterion);
    return criterion;
  }

  Criterion update(String id, List<Criterion.OsFilter> filters) {
    Criterion criterion = builds.criteria.get(id);
    if (filters == null) {
      return criterion;
    }
    CriterionOptions.check(filters, FILTERS);
    Criterion updated = new Criterion(id, criterion.group(), now(), filters);
    builds.criteria.put(updated);
    return updated;
  }

  void delete(String id) {
    builds.criteria.remove(builds.criteria.get(id).id());
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
