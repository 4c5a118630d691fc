package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders builds and what belongs to one build, shaped like the OpenAPI schemas {@code Build},
 * {@code PrereleaseVersion}, {@code BuildBundle}, {@code BuildBetaDetail}, {@code BetaAppReviewSubmission} and
 * {@code BetaBuildLocalization}. Only the TestFlight relationships of a build are rendered.
 */
final class BuildResources {
  private static final List<Resources.Rel> BUILD_RELATIONSHIPS = rels(
      Resources.Rel.linked("preReleaseVersion", "individualTesters", "betaGroups", "betaBuildLocalizations",
          "betaAppReviewSubmission", "app", "buildBetaDetail"),
      new Resources.Rel("buildBundles", false));
  private static final List<Resources.Rel> PRE_RELEASE_RELATIONSHIPS = Resources.Rel.linked("builds", "app");
  private static final List<Resources.Rel> BUNDLE_RELATIONSHIPS = Resources.Rel.linked("betaAppClipInvocations");
  private static final List<Resources.Rel> OF_A_BUILD = Resources.Rel.linked("build");

  private final SandboxState state;
  private final Resources resources;

  BuildResources(SandboxState state, Resources resources) {
    this.state = state;
    this.resources = resources;
  }

  ObjectNode build(Build build, Set<String> fields, Map<String, Resources.Linkages> included) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "version", build.version());
    Resources.put(a, fields, "uploadedDate", build.uploadedDate());
    Resources.put(a, fields, "expirationDate", build.expirationDate());
    Resources.put(a, fields, "expired", build.expired());
    Resources.put(a, fields, "minOsVersion", build.minOsVersion());
    Resources.put(a, fields, "processingState", build.processingState());
    Resources.put(a, fields, "buildAudienceType", build.buildAudienceType());
    Resources.put(a, fields, "usesNonExemptEncryption", build.usesNonExemptEncryption());
    return resources.resource("builds", build.id(), a,
        resources.relationships("builds", build.id(), BUILD_RELATIONSHIPS, fields, included));
  }

  ObjectNode preRelease(PreRelease version, Set<String> fields, Map<String, Resources.Linkages> included) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "version", version.version());
    Resources.put(a, fields, "platform", version.platform());
    return resources.resource("preReleaseVersions", version.id(), a,
        resources.relationships("preReleaseVersions", version.id(), PRE_RELEASE_RELATIONSHIPS, fields, included));
  }

  ObjectNode bundle(BuildBundle bundle, Set<String> fields) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "bundleId", bundle.bundleId());
    Resources.put(a, fields, "bundleType", bundle.bundleType());
    Resources.put(a, fields, "minimumOsVersion", bundle.minimumOsVersion());
    return resources.resource("buildBundles", bundle.id(), a,
        resources.relationships("buildBundles", bundle.id(), BUNDLE_RELATIONSHIPS, fields, Map.of()));
  }

  /** The beta details of a build; they share the build's id (our assumption, as Apple's appear to). */
  ObjectNode betaDetail(Build build, Set<String> fields, Map<String, Resources.Linkages> included) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "autoNotifyEnabled", build.autoNotifyEnabled());
    Resources.put(a, fields, "internalBuildState", BetaStates.internal(state, build));
    Resources.put(a, fields, "externalBuildState", BetaStates.external(state, build));
    return resources.resource("buildBetaDetails", build.id(), a,
        resources.relationships("buildBetaDetails", build.id(), OF_A_BUILD, fields, included));
  }

  ObjectNode submission(ReviewSubmission submission, Set<String> fields, Map<String, Resources.Linkages> included) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "betaReviewState", submission.betaReviewState());
    Resources.put(a, fields, "submittedDate", submission.submittedDate());
    return resources.resource("betaAppReviewSubmissions", submission.id(), a,
        resources.relationships("betaAppReviewSubmissions", submission.id(), OF_A_BUILD, fields, included));
  }

  ObjectNode localization(BuildLocalization l, Set<String> fields, Map<String, Resources.Linkages> included) {
    ObjectNode a = Resources.JSON.objectNode();
    Resources.put(a, fields, "whatsNew", l.whatsNew());
    Resources.put(a, fields, "locale", l.locale());
    return resources.resource("betaBuildLocalizations", l.id(), a,
        resources.relationships("betaBuildLocalizations", l.id(), OF_A_BUILD, fields, included));
  }

  private static List<Resources.Rel> rels(List<Resources.Rel> linked, Resources.Rel... more) {
    List<Resources.Rel> all = new ArrayList<>(linked);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }
}
