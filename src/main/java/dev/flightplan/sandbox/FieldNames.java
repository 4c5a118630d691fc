package dev.flightplan.sandbox;

import java.util.Set;

/**
 * The values the OpenAPI document allows in {@code fields[<type>]} for the types the sandbox serves (attribute and
 * relationship names). A value outside these is a 400; a value the sandbox does not render simply selects nothing.
 */
final class FieldNames {
  static final Set<String> BETA_GROUPS =
      Set.of("name", "createdDate", "isInternalGroup", "hasAccessToAllBuilds", "publicLinkEnabled", "publicLinkId",
          "publicLinkLimitEnabled", "publicLinkLimit", "publicLink", "feedbackEnabled",
          "iosBuildsAvailableForAppleSiliconMac", "iosBuildsAvailableForAppleVision", "app", "builds", "betaTesters",
          "betaRecruitmentCriteria", "betaRecruitmentCriterionCompatibleBuildCheck");

  static final Set<String> BETA_TESTERS =
      Set.of("firstName", "lastName", "email", "inviteType", "state", "appDevices", "apps", "betaGroups", "builds");

  static final Set<String> APPS =
      Set.of("accessibilityUrl", "name", "bundleId", "sku", "primaryLocale", "isOrEverWasMadeForKids",
          "subscriptionStatusUrl", "subscriptionStatusUrlVersion", "subscriptionStatusUrlForSandbox",
          "subscriptionStatusUrlVersionForSandbox", "contentRightsDeclaration", "streamlinedPurchasingEnabled",
          "accessibilityDeclarations", "appEncryptionDeclarations", "appStoreIcon", "ciProduct", "betaTesters",
          "betaGroups", "appStoreVersions", "appTags", "preReleaseVersions", "betaAppLocalizations", "builds",
          "betaLicenseAgreement", "betaAppReviewDetail", "appInfos", "appClips", "appPricePoints",
          "endUserLicenseAgreement", "appPriceSchedule", "appAvailabilityV2", "inAppPurchases", "subscriptionGroups",
          "gameCenterEnabledVersions", "perfPowerMetrics", "appCustomProductPages", "inAppPurchasesV2",
          "promotedPurchases", "appEvents", "reviewSubmissions", "subscriptionGracePeriod", "customerReviews",
          "customerReviewSummarizations", "gameCenterDetail", "appStoreVersionExperimentsV2",
          "alternativeDistributionKey", "analyticsReportRequests", "marketplaceSearchDetail", "buildUploads",
          "backgroundAssets", "betaFeedbackScreenshotSubmissions", "betaFeedbackCrashSubmissions", "searchKeywords",
          "webhooks", "androidToIosAppMappingDetails");

  private FieldNames() {}

  /** The request's sparse fieldset for {@code type}, or null when it asked for none (all fields). */
  static Set<String> requested(Query query, String type) {
    String name = "fields[" + type + "]";
    return query.has(name) ? Set.copyOf(query.list(name)) : null;
  }
}
