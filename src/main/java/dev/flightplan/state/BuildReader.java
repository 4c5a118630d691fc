package dev.flightplan.state;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import dev.flightplan.config.BuildRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads an app's builds in one paged request, with their version, App Clip bundle, review state, groups and
 * individual testers included; completes linkages the API capped; and reads the App Clip invocations of the builds
 * whose invocations the file manages (one request per such build).
 */
final class BuildReader {
  private static final int PAGE = StateReader.PAGE;

  private final AscClient client;

  BuildReader(AscClient client) {
    this.client = client;
  }

  /**
   * The app's builds, with the App Clip invocations of the builds {@code invocationBuilds} name, or of every build
   * that has an App Clip when {@code allInvocations}.
   */
  List<LiveBuild> read(String appId, List<BuildRef> invocationBuilds, boolean allInvocations) {
    String query =
        Query.of("/v1/builds")
            .param("filter[app]", appId)
            .param(
                "fields[builds]",
                "version,uploadedDate,expired,processingState,buildAudienceType,usesNonExemptEncryption,"
                    + "preReleaseVersion,betaAppReviewSubmission,betaGroups,individualTesters,buildBundles,buildBetaDetail,"
                    + "betaBuildLocalizations")
            .param(
                "include",
                "preReleaseVersion,betaAppReviewSubmission,betaGroups,individualTesters,buildBundles,buildBetaDetail,"
                    + "betaBuildLocalizations")
            .param("fields[preReleaseVersions]", "version,platform")
            .param("fields[betaAppReviewSubmissions]", "betaReviewState")
            .param("fields[betaGroups]", "name")
            .param("fields[betaTesters]", "email")
            .param("fields[buildBundles]", "bundleId,bundleType")
            .param("fields[buildBetaDetails]", "autoNotifyEnabled")
            .param("fields[betaBuildLocalizations]", "locale,whatsNew")
            .param("limit[betaBuildLocalizations]", ToMany.INCLUDED)
            .param("limit[betaGroups]", ToMany.INCLUDED)
            .param("limit[individualTesters]", ToMany.INCLUDED)
            .param("limit[buildBundles]", ToMany.INCLUDED)
            .param("sort", "-uploadedDate")
            .param("limit", PAGE)
            .build();
    List<LiveBuild> builds = new ArrayList<>();
    for (Document page : client.getAll(query)) {
      for (Resource b : page.data()) {
        builds.add(toBuild(b, page));
      }
    }
    return withInvocations(builds, invocationBuilds, allInvocations);
  }

  private LiveBuild toBuild(Resource b, Document page) {
    Supplier<String> rest = () -> Query.of("/v1/builds/" + b.id() + "/betaBuildLocalizations").param("limit", PAGE).build();
    Texts whatToTest = Texts.of(ToMany.resources(client, b, "betaBuildLocalizations", page, rest), "whatsNew");
    Optional<Resource> version = b.toOne("preReleaseVersion").flatMap(page::findIncluded);
    String reviewState =
        b.toOne("betaAppReviewSubmission").flatMap(page::findIncluded).map(r -> r.string("betaReviewState")).orElse(null);
    String clip = null;
    for (Linkage l : b.toMany("buildBundles")) {
      Optional<Resource> bundle = page.findIncluded(l);
      if (bundle.isPresent() && "APP_CLIP".equals(bundle.get().string("bundleType"))) {
        clip = bundle.get().id();
      }
    }
    return new LiveBuild(
        b.id(),
        version.map(v -> v.string("platform")).orElse(null),
        version.map(v -> v.string("version")).orElse(null),
        b.string("version"),
        b.string("processingState"),
        Boolean.TRUE.equals(b.bool("expired")),
        b.string("uploadedDate"),
        b.string("buildAudienceType"),
        b.bool("usesNonExemptEncryption"),
        reviewState,
        groups(b),
        individualTesters(b),
        clip,
        null,
        b.toOne("buildBetaDetail")
            .flatMap(page::findIncluded)
            .map(d -> new LiveBuild.LiveBetaDetail(d.id(), Boolean.TRUE.equals(d.bool("autoNotifyEnabled"))))
            .orElse(null),
        whatToTest.kept(),
        whatToTest.copies());
  }

  /** The localized texts of a build or invocation by locale: the kept copy of each locale, and the other copies. */
  private record Texts(Map<String, LiveBuild.LiveText> kept, List<LiveBuild.LiveCopy> copies) {
    /** {@code resources} by locale, their text in {@code attribute}; the lowest id of a locale is kept. */
    static Texts of(List<Resource> resources, String attribute) {
      Map<String, LiveBuild.LiveText> kept = new HashMap<>();
      List<LiveBuild.LiveCopy> copies = new ArrayList<>();
      Copies.byKey(resources, r -> r.string("locale"), Comparator.comparing(Resource::id)).forEach((locale, all) -> {
        kept.put(locale, new LiveBuild.LiveText(all.get(0).id(), all.get(0).string(attribute)));
        all.subList(1, all.size()).forEach(r -> copies.add(new LiveBuild.LiveCopy(locale, r.id(), r.string(attribute))));
      });
      return new Texts(kept, copies);
    }
  }

  private Set<String> groups(Resource b) {
    // there is no build → groups linkage endpoint; the groups collection filters by build instead
    Supplier<String> rest = () -> Query.of("/v1/betaGroups").param("filter[builds]", b.id()).param("fields[betaGroups]", "name").param("limit", PAGE).build();
    return ToMany.ids(client, b, "betaGroups", rest);
  }

  private Set<String> individualTesters(Resource b) {
    Supplier<String> rest = () -> Query.of("/v1/builds/" + b.id() + "/relationships/individualTesters").param("limit", PAGE).build();
    return ToMany.ids(client, b, "individualTesters", rest);
  }

  private List<LiveBuild> withInvocations(List<LiveBuild> builds, List<BuildRef> invocationBuilds, boolean all) {
    Map<String, LiveBuild> byId = new LinkedHashMap<>();
    builds.forEach(b -> byId.put(b.id(), b));
    Map<String, List<LiveBuild.LiveInvocation>> read = new HashMap<>();
    if (all) {
      builds.stream().filter(b -> b.appClipBundleId() != null).forEach(b -> read.put(b.id(), invocations(b.appClipBundleId())));
    }
    for (BuildRef wanted : invocationBuilds) {
      Builds.resolve(builds, wanted)
          .filter(b -> b.appClipBundleId() != null && !read.containsKey(b.id()))
          .ifPresent(b -> read.put(b.id(), invocations(b.appClipBundleId())));
    }
    List<LiveBuild> result = new ArrayList<>();
    for (LiveBuild b : byId.values()) {
      List<LiveBuild.LiveInvocation> inv = read.get(b.id());
      result.add(inv == null ? b : b.withInvocations(inv));
    }
    return result;
  }

  private List<LiveBuild.LiveInvocation> invocations(String bundleId) {
    String query =
        Query.of("/v1/buildBundles/" + bundleId + "/betaAppClipInvocations")
            .param("include", "betaAppClipInvocationLocalizations")
            .param("limit[betaAppClipInvocationLocalizations]", ToMany.INCLUDED)
            .param("limit", PAGE)
            .build();
    List<LiveBuild.LiveInvocation> result = new ArrayList<>();
    for (Document page : client.getAll(query)) {
      for (Resource inv : page.data()) {
        List<Resource> localizations = new ArrayList<>();
        for (Linkage l : inv.toMany("betaAppClipInvocationLocalizations")) {
          page.findIncluded(l).ifPresent(localizations::add);
        }
        Texts texts = Texts.of(localizations, "title");
        Map<String, LiveBuild.LiveTitle> titles = new HashMap<>();
        texts.kept().forEach((locale, t) -> titles.put(locale, new LiveBuild.LiveTitle(t.id(), t.text())));
        result.add(new LiveBuild.LiveInvocation(inv.id(), inv.string("url"), titles, texts.copies()));
      }
    }
    return result;
  }
}
