package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders builds and what belongs to one build, shaped like the OpenAPI schemas {@code Build},
 * {@code PrereleaseVersion}, {@code BuildBundle}, {@code BuildBetaDetail}, {@code
 * BetaAppReviewSubmission} and {@code BetaBuildLocalization}. Only the TestFlight relationships of
 * a build are rendered.
 */
final class BuildResources {
  private static final List<Resources.Rel> BUILD_RELATIONSHIPS =
      rels(
          Resources.Rel.linked(
              "preReleaseVersion",
              "individualTesters",
              "betaGroups",
              "betaBuildLocalizations",
              "betaAppReviewSubmission",
              "app",
              "buildBetaDetail"),
          new Resources.Rel("buildBundles", false));
  private static final List<Resources.Rel> PRE_RELEASE_RELATIONSHIPS =
      Resources.Rel.linked("builds", "app");
  private static final List<Resources.Rel> BUNDLE_RELATIONSHIPS =
      Resources.Rel.linked("betaAppClipInvocations");
  private static final List<Resources.Rel> OF_A_BUILD = Resources.Rel.linked("build");

  private final SandboxState state;
  private final Resources resources;

  BuildResources(SandboxState state, Resources resources) {
    this.state = state;
    this.resources = resources;
  }

  ObjectNode build(Build build, Set<String> fields, Map<String, Resources.Linkages> included) {
    return resource("builds", build.id(), fields)
        .put("version", build.version())
        .put("uploadedDate", build.uploadedDate())
        .put("expirationDate", build.expirationDate())
        .put("expired", build.expired())
        .put("minOsVersion", build.minOsVersion())
        .put("processingState", build.processingState())
        .put("buildAudienceType", build.buildAudienceType())
        .put("usesNonExemptEncryption", build.usesNonExemptEncryption())
        .withRelationships(BUILD_RELATIONSHIPS, included);
  }

  ObjectNode preRelease(
      PreRelease version, Set<String> fields, Map<String, Resources.Linkages> included) {
    return resource("preReleaseVersions", version.id(), fields)
        .put("version", version.version())
        .put("platform", version.platform())
        .withRelationships(PRE_RELEASE_RELATIONSHIPS, included);
  }

  ObjectNode bundle(BuildBundle bundle, Set<String> fields) {
    return resource("buildBundles", bundle.id(), fields)
        .put("bundleId", bundle.bundleId())
        .put("bundleType", bundle.bundleType())
        .put("minimumOsVersion", bundle.minimumOsVersion())
        .withRelationships(BUNDLE_RELATIONSHIPS, Map.of());
  }

  /**
   * The beta details of a build; they share the build's id (our assumption, as Apple's appear to).
   */
  ObjectNode betaDetail(Build build, Set<String> fields, Map<String, Resources.Linkages> included) {
    return resource("buildBetaDetails", build.id(), fields)
        .put("autoNotifyEnabled", build.autoNotifyEnabled())
        .put("internalBuildState", BetaStates.internal(state, build))
        .put("externalBuildState", BetaStates.external(state, build))
        .withRelationships(OF_A_BUILD, included);
  }

  ObjectNode submission(
      ReviewSubmission submission, Set<String> fields, Map<String, Resources.Linkages> included) {
    return resource("betaAppReviewSubmissions", submission.id(), fields)
        .put("betaReviewState", submission.betaReviewState())
        .put("submittedDate", submission.submittedDate())
        .withRelationships(OF_A_BUILD, included);
  }

  ObjectNode localization(
      BuildLocalization l, Set<String> fields, Map<String, Resources.Linkages> included) {
    return resource("betaBuildLocalizations", l.id(), fields)
        .put("whatsNew", l.whatsNew())
        .put("locale", l.locale())
        .withRelationships(OF_A_BUILD, included);
  }

  private ResourceBuilder resource(String type, String id, Set<String> fields) {
    return new ResourceBuilder(resources, type, id, fields);
  }

  private static List<Resources.Rel> rels(List<Resources.Rel> linked, Resources.Rel... more) {
    List<Resources.Rel> all = new ArrayList<>(linked);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }
}
