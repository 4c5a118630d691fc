package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders test information and the resources around groups and App Clips, shaped like the OpenAPI
 * schemas {@code BetaAppLocalization}, {@code BetaLicenseAgreement}, {@code BetaAppReviewDetail},
 * {@code BetaRecruitmentCriterion}, {@code BetaRecruitmentCriterionOption}, {@code
 * BetaRecruitmentCriterionCompatibleBuildCheck}, {@code BetaAppClipInvocation}, {@code
 * BetaAppClipInvocationLocalization}, {@code BuildBetaNotification} and {@code
 * BetaTesterInvitation}.
 */
final class InfoResources {
  /** The options catalogue is one resource with a fixed id. */
  static final String OPTIONS_ID = Ids.stableUuid("betaRecruitmentCriterionOptions");

  private static final List<Resources.Rel> OF_AN_APP = Resources.Rel.linked("app");
  private static final List<Resources.Rel> INVOCATION_RELATIONSHIPS =
      List.of(new Resources.Rel("betaAppClipInvocationLocalizations", false));

  private final Resources resources;

  InfoResources(Resources resources) {
    this.resources = resources;
  }

  ObjectNode appLocalization(
      AppLocalization l, Set<String> fields, Map<String, Resources.Linkages> included) {
    return resource("betaAppLocalizations", l.id(), fields)
        .put("feedbackEmail", l.feedbackEmail())
        .put("marketingUrl", l.marketingUrl())
        .put("privacyPolicyUrl", l.privacyPolicyUrl())
        .put("tvOsPrivacyPolicy", l.tvOsPrivacyPolicy())
        .put("description", l.description())
        .put("locale", l.locale())
        .withRelationships(OF_AN_APP, included);
  }

  ObjectNode license(
      LicenseAgreement l, Set<String> fields, Map<String, Resources.Linkages> included) {
    return resource("betaLicenseAgreements", l.id(), fields)
        .put("agreementText", l.agreementText())
        .withRelationships(OF_AN_APP, included);
  }

  /** The demo password is returned, as the API's schema lists it among the attributes. */
  ObjectNode reviewDetail(
      ReviewDetail d, Set<String> fields, Map<String, Resources.Linkages> included) {
    return resource("betaAppReviewDetails", d.id(), fields)
        .put("contactFirstName", d.contactFirstName())
        .put("contactLastName", d.contactLastName())
        .put("contactPhone", d.contactPhone())
        .put("contactEmail", d.contactEmail())
        .put("demoAccountName", d.demoAccountName())
        .put("demoAccountPassword", d.demoAccountPassword())
        .put("demoAccountRequired", d.demoAccountRequired())
        .put("notes", d.notes())
        .withRelationships(OF_AN_APP, included);
  }

  ObjectNode criterion(Criterion c, Set<String> fields) {
    return resource("betaRecruitmentCriteria", c.id(), fields)
        .put("lastModifiedDate", c.lastModifiedDate())
        .array(
            "deviceFamilyOsVersionFilters",
            filters -> {
              for (Criterion.OsFilter f : c.filters()) {
                ObjectNode filter = filters.addObject().put("deviceFamily", f.deviceFamily());
                Resources.put(filter, null, "minimumOsInclusive", f.minimumOsInclusive());
                Resources.put(filter, null, "maximumOsInclusive", f.maximumOsInclusive());
              }
            })
        .withoutRelationships();
  }

  ObjectNode options(Set<String> fields) {
    return resource("betaRecruitmentCriterionOptions", OPTIONS_ID, fields)
        .array(
            "deviceFamilyOsVersions",
            families ->
                CriterionOptions.VERSIONS.forEach(
                    (family, versions) -> {
                      ObjectNode entry = families.addObject().put("deviceFamily", family);
                      versions.forEach(entry.putArray("osVersions")::add);
                    }))
        .withoutRelationships();
  }

  /** The check has no identity of its own; it takes the group's id. */
  ObjectNode compatibleBuildCheck(String groupId, boolean compatible, Set<String> fields) {
    return resource("betaRecruitmentCriterionCompatibleBuildChecks", groupId, fields)
        .put("hasCompatibleBuild", compatible)
        .withoutRelationships();
  }

  ObjectNode invocation(
      ClipInvocation i, Set<String> fields, Map<String, Resources.Linkages> included) {
    return resource("betaAppClipInvocations", i.id(), fields)
        .put("url", i.url())
        .withRelationships(INVOCATION_RELATIONSHIPS, included);
  }

  ObjectNode clipTitle(ClipTitle t, Set<String> fields) {
    return resource("betaAppClipInvocationLocalizations", t.id(), fields)
        .put("title", t.title())
        .put("locale", t.locale())
        .withoutRelationships();
  }

  /** A resource without attributes: a notification or an invitation, which cannot be read back. */
  ObjectNode action(String type, String id) {
    return resources.resource(type, id, Resources.JSON.objectNode(), Resources.JSON.objectNode());
  }

  private ResourceBuilder resource(String type, String id, Set<String> fields) {
    return new ResourceBuilder(resources, type, id, fields);
  }
}
