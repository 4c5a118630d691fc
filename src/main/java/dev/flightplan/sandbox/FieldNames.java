package dev.flightplan.sandbox;

import java.util.Set;

/**
 * The values the OpenAPI document allows in {@code fields[<type>]} for the types the sandbox serves
 * (attribute and relationship names). A value outside these is a 400; a value the sandbox does not
 * render simply selects nothing.
 */
final class FieldNames {
  static final Set<String> BETA_GROUPS =
      Set.of(
          "name",
          "createdDate",
          "isInternalGroup",
          "hasAccessToAllBuilds",
          "publicLinkEnabled",
          "publicLinkId",
          "publicLinkLimitEnabled",
          "publicLinkLimit",
          "publicLink",
          "feedbackEnabled",
          "iosBuildsAvailableForAppleSiliconMac",
          "iosBuildsAvailableForAppleVision",
          "app",
          "builds",
          "betaTesters",
          "betaRecruitmentCriteria",
          "betaRecruitmentCriterionCompatibleBuildCheck");

  static final Set<String> BETA_TESTERS =
      Set.of(
          "firstName",
          "lastName",
          "email",
          "inviteType",
          "state",
          "appDevices",
          "apps",
          "betaGroups",
          "builds");

  static final Set<String> USERS =
      Set.of(
          "username",
          "firstName",
          "lastName",
          "roles",
          "allAppsVisible",
          "provisioningAllowed",
          "visibleApps");

  static final Set<String> APPS =
      Set.of(
          "accessibilityUrl",
          "name",
          "bundleId",
          "sku",
          "primaryLocale",
          "isOrEverWasMadeForKids",
          "subscriptionStatusUrl",
          "subscriptionStatusUrlVersion",
          "subscriptionStatusUrlForSandbox",
          "subscriptionStatusUrlVersionForSandbox",
          "contentRightsDeclaration",
          "streamlinedPurchasingEnabled",
          "accessibilityDeclarations",
          "appEncryptionDeclarations",
          "appStoreIcon",
          "ciProduct",
          "betaTesters",
          "betaGroups",
          "appStoreVersions",
          "appTags",
          "preReleaseVersions",
          "betaAppLocalizations",
          "builds",
          "betaLicenseAgreement",
          "betaAppReviewDetail",
          "appInfos",
          "appClips",
          "appPricePoints",
          "endUserLicenseAgreement",
          "appPriceSchedule",
          "appAvailabilityV2",
          "inAppPurchases",
          "subscriptionGroups",
          "gameCenterEnabledVersions",
          "perfPowerMetrics",
          "appCustomProductPages",
          "inAppPurchasesV2",
          "promotedPurchases",
          "appEvents",
          "reviewSubmissions",
          "subscriptionGracePeriod",
          "customerReviews",
          "customerReviewSummarizations",
          "gameCenterDetail",
          "appStoreVersionExperimentsV2",
          "alternativeDistributionKey",
          "analyticsReportRequests",
          "marketplaceSearchDetail",
          "buildUploads",
          "backgroundAssets",
          "betaFeedbackScreenshotSubmissions",
          "betaFeedbackCrashSubmissions",
          "searchKeywords",
          "webhooks",
          "androidToIosAppMappingDetails");

  static final Set<String> BUILDS =
      Set.of(
          "version",
          "uploadedDate",
          "expirationDate",
          "expired",
          "minOsVersion",
          "lsMinimumSystemVersion",
          "computedMinMacOsVersion",
          "computedMinVisionOsVersion",
          "iconAssetToken",
          "processingState",
          "buildAudienceType",
          "usesNonExemptEncryption",
          "preReleaseVersion",
          "individualTesters",
          "betaGroups",
          "betaBuildLocalizations",
          "appEncryptionDeclaration",
          "betaAppReviewSubmission",
          "app",
          "buildBetaDetail",
          "appStoreVersion",
          "icons",
          "buildBundles",
          "buildUpload",
          "perfPowerMetrics",
          "diagnosticSignatures");

  static final Set<String> PRE_RELEASE_VERSIONS = Set.of("version", "platform", "builds", "app");

  static final Set<String> BUILD_BUNDLES =
      Set.of(
          "bundleId",
          "bundleType",
          "sdkBuild",
          "platformBuild",
          "fileName",
          "hasSirikit",
          "hasOnDemandResources",
          "hasPrerenderedIcon",
          "usesLocationServices",
          "isIosBuildMacAppStoreCompatible",
          "includesSymbols",
          "dSYMUrl",
          "supportedArchitectures",
          "requiredCapabilities",
          "deviceProtocols",
          "locales",
          "entitlements",
          "baDownloadAllowance",
          "baMaxInstallSize",
          "minimumOsVersion",
          "appClipDomainCacheStatus",
          "appClipDomainDebugStatus",
          "betaAppClipInvocations",
          "buildBundleFileSizes");

  static final Set<String> BUILD_BETA_DETAILS =
      Set.of("autoNotifyEnabled", "internalBuildState", "externalBuildState", "build");

  static final Set<String> BETA_APP_REVIEW_SUBMISSIONS =
      Set.of("betaReviewState", "submittedDate", "build");

  static final Set<String> BETA_BUILD_LOCALIZATIONS = Set.of("whatsNew", "locale", "build");

  static final Set<String> BETA_APP_LOCALIZATIONS =
      Set.of(
          "feedbackEmail",
          "marketingUrl",
          "privacyPolicyUrl",
          "tvOsPrivacyPolicy",
          "description",
          "locale",
          "app");

  static final Set<String> BETA_LICENSE_AGREEMENTS = Set.of("agreementText", "app");

  static final Set<String> BETA_APP_REVIEW_DETAILS =
      Set.of(
          "contactFirstName",
          "contactLastName",
          "contactPhone",
          "contactEmail",
          "demoAccountName",
          "demoAccountPassword",
          "demoAccountRequired",
          "notes",
          "app");

  static final Set<String> BETA_RECRUITMENT_CRITERIA =
      Set.of("lastModifiedDate", "deviceFamilyOsVersionFilters");

  static final Set<String> BETA_RECRUITMENT_CRITERION_OPTIONS = Set.of("deviceFamilyOsVersions");

  static final Set<String> COMPATIBLE_BUILD_CHECKS = Set.of("hasCompatibleBuild");

  static final Set<String> BETA_APP_CLIP_INVOCATIONS =
      Set.of("url", "betaAppClipInvocationLocalizations");

  static final Set<String> BETA_APP_CLIP_INVOCATION_LOCALIZATIONS = Set.of("title", "locale");

  private FieldNames() {}

  /**
   * The request's sparse fieldset for {@code type}, or null when it asked for none (all fields).
   */
  static Set<String> requested(Query query, String type) {
    String name = "fields[" + type + "]";
    return query.has(name) ? Set.copyOf(query.list(name)) : null;
  }
}
