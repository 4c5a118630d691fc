package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders test information and the resources around groups and App Clips, shaped like the OpenAPI schemas
 * {@code BetaAppLocalization}, {@code BetaLicenseAgreement}, {@code BetaAppReviewDetail},
 * {@code BetaRecruitmentCriterion}, {@code BetaRecruitmentCriterionOption},
 * {@code BetaRecruitmentCriterionCompatibleBuildCheck}, {@code BetaAppClipInvocation},
 * {@code BetaAppClipInvocationLocalization}, {@code BuildBetaNotification} and {@code BetaTesterInvitation}.
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

  ObjectNode appLocalization(AppLocalization l, Set<String> fields, Map<String, Resources.Linkages> included) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "feedbackEmail", l.feedbackEmail());
    Resources.put(a, fields, "marketingUrl", l.marketingUrl());
    Resources.put(a, fields, "privacyPolicyUrl", l.privacyPolicyUrl());
    Resources.put(a, fields, "tvOsPrivacyPolicy", l.tvOsPrivacyPolicy());
    Resources.put(a, fields, "description", l.description());
    Resources.put(a, fields, "locale", l.locale());
    return ofApp("betaAppLocalizations", l.id(), a, fields, included);
  }

  ObjectNode license(LicenseAgreement l, Set<String> fields, Map<String, Resources.Linkages> included) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "agreementText", l.agreementText());
    return ofApp("betaLicenseAgreements", l.id(), a, fields, included);
  }

  /** The demo password is returned, as the API's schema lists it among the attributes. */
  ObjectNode reviewDetail(ReviewDetail d, Set<String> fields, Map<String, Resources.Linkages> included) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "contactFirstName", d.contactFirstName());
    Resources.put(a, fields, "contactLastName", d.contactLastName());
    Resources.put(a, fields, "contactPhone", d.contactPhone());
    Resources.put(a, fields, "contactEmail", d.contactEmail());
    Resources.put(a, fields, "demoAccountName", d.demoAccountName());
    Resources.put(a, fields, "demoAccountPassword", d.demoAccountPassword());
    Resources.put(a, fields, "demoAccountRequired", d.demoAccountRequired());
    Resources.put(a, fields, "notes", d.notes());
    return ofApp("betaAppReviewDetails", d.id(), a, fields, included);
  }

  ObjectNode criterion(Criterion c, Set<String> fields) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "lastModifiedDate", c.lastModifiedDate());
    if (Resources.wanted(fields, "deviceFamilyOsVersionFilters")) {
      ArrayNode filters = a.putArray("deviceFamilyOsVersionFilters");
      for (Criterion.OsFilter f : c.filters()) {
        ObjectNode filter = filters.addObject().put("deviceFamily", f.deviceFamily());
        Resources.put(filter, null, "minimumOsInclusive", f.minimumOsInclusive());
        Resources.put(filter, null, "maximumOsInclusive", f.maximumOsInclusive());
      }
    }
    return resources.resource("betaRecruitmentCriteria", c.id(), a, Resources.JSON.objectNode());
  }

  ObjectNode options(Set<String> fields) {
    ObjectNode a = Resources.JSON.objectNode();
    if (Resources.wanted(fields, "deviceFamilyOsVersions")) {
      ArrayNode families = a.putArray("deviceFamilyOsVersions");
      CriterionOptions.VERSIONS.forEach((family, versions) -> {
        ObjectNode entry = families.addObject().put("deviceFamily", family);
        versions.forEach(entry.putArray("osVersions")::add);
      });
    }
    return resources.resource("betaRecruitmentCriterionOptions", OPTIONS_ID, a, Resources.JSON.objectNode());
  }

  /** The check has no identity of its own; it takes the group's id. */
  ObjectNode compatibleBuildCheck(String groupId, boolean compatible, Set<String> fields) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "hasCompatibleBuild", compatible);
    return resources.resource("betaRecruitmentCriterionCompatibleBuildChecks", groupId, a, Resources.JSON.objectNode());
  }

  ObjectNode invocation(ClipInvocation i, Set<String> fields, Map<String, Resources.Linkages> included) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "url", i.url());
    return resources.resource("betaAppClipInvocations", i.id(), a,
        resources.relationships("betaAppClipInvocations", i.id(), INVOCATION_RELATIONSHIPS, fields, included));
  }

  ObjectNode clipTitle(ClipTitle t, Set<String> fields) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "title", t.title());
    Resources.put(a, fields, "locale", t.locale());
    return resources.resource("betaAppClipInvocationLocalizations", t.id(), a, Resources.JSON.objectNode());
  }

  /** A resource without attributes: a notification or an invitation, which cannot be read back. */
  ObjectNode action(String type, String id) {
    return resources.resource(type, id, Resources.JSON.objectNode(), Resources.JSON.objectNode());
  }

  private ObjectNode ofApp(String type, String id, ObjectNode attributes, Set<String> fields,
      Map<String, Resources.Linkages> included) {
    return resources.resource(type, id, attributes,
        resources.relationships(type, id, OF_AN_APP, fields, included));
  }
}
