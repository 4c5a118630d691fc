package dev.flightplan.state;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import dev.flightplan.config.BuildRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads an app's builds in one paged request, with their version, review state, groups, individual
 * testers and the parts kinds declared of builds ({@link BuildPart}) included; completes linkages
 * the API capped; and completes the parts of the builds whose entries in the file want them read in
 * full (the part's own requests).
 */
final class BuildReader {
  private static final int PAGE = StateReader.PAGE;

  /** The builds' own fields read; their relationships below are read too. */
  private static final List<String> FIELDS =
      List.of(
          "version",
          "uploadedDate",
          "expired",
          "processingState",
          "buildAudienceType",
          "usesNonExemptEncryption");

  /** The relationships every build read includes, before the parts' own. */
  private static final List<String> RELATED =
      List.of(
          "preReleaseVersion",
          "betaAppReviewSubmission",
          "betaGroups",
          "individualTesters",
          "buildBetaDetail",
          "betaBuildLocalizations");

  private final AscClient client;
  private final List<BuildPart<?>> parts;

  BuildReader(AscClient client, List<BuildPart<?>> parts) {
    this.client = client;
    this.parts = List.copyOf(parts);
  }

  /**
   * The app's builds, each part completed for the builds {@code partBuilds} lists under its name,
   * or for every build that has the part when {@code allParts}.
   */
  List<LiveBuild> read(String appId, Map<String, List<BuildRef>> partBuilds, boolean allParts) {
    List<String> related =
        Stream.concat(RELATED.stream(), parts.stream().map(BuildPart::relationship)).toList();
    Query query =
        Query.of("/v1/builds")
            .param("filter[app]", appId)
            .param("fields[builds]", Stream.concat(FIELDS.stream(), related.stream()).toList())
            .param("include", related)
            .param("fields[preReleaseVersions]", List.of("version", "platform"))
            .param("fields[betaAppReviewSubmissions]", "betaReviewState")
            .param("fields[betaGroups]", "name")
            .param("fields[betaTesters]", "email")
            .param("fields[buildBetaDetails]", "autoNotifyEnabled")
            .param("fields[betaBuildLocalizations]", List.of("locale", "whatsNew"));
    for (BuildPart<?> part : parts) {
      query = query.param("fields[" + part.type() + "]", part.fields());
    }
    query =
        query
            .param("limit[betaBuildLocalizations]", ToMany.INCLUDED)
            .param("limit[betaGroups]", ToMany.INCLUDED)
            .param("limit[individualTesters]", ToMany.INCLUDED);
    for (BuildPart<?> part : parts) {
      query = query.param("limit[" + part.relationship() + "]", ToMany.INCLUDED);
    }
    List<LiveBuild> builds = new ArrayList<>();
    for (Document page :
        client.getAll(query.param("sort", "-uploadedDate").param("limit", PAGE).build())) {
      for (Resource b : page.data()) {
        builds.add(toBuild(b, page));
      }
    }
    for (BuildPart<?> part : parts) {
      builds = completed(builds, part, partBuilds.getOrDefault(part.name(), List.of()), allParts);
    }
    return builds;
  }

  private LiveBuild toBuild(Resource b, Document page) {
    LocalizedTexts whatToTest =
        LocalizedTexts.of(related(b, page, "betaBuildLocalizations"), "whatsNew");
    Optional<Resource> version = b.toOne("preReleaseVersion").flatMap(page::findIncluded);
    String reviewState =
        b.toOne("betaAppReviewSubmission")
            .flatMap(page::findIncluded)
            .map(r -> r.string("betaReviewState"))
            .orElse(null);
    LiveParts read = LiveParts.NOT_READ;
    for (BuildPart<?> part : parts) {
      read = decoded(read, part, related(b, page, part.relationship()));
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
        b.toOne("buildBetaDetail")
            .flatMap(page::findIncluded)
            .map(
                d ->
                    new LiveBuild.LiveBetaDetail(
                        d.id(), Boolean.TRUE.equals(d.bool("autoNotifyEnabled"))))
            .orElse(null),
        whatToTest.kept(),
        whatToTest.copies(),
        read);
  }

  private static <T> LiveParts decoded(
      LiveParts read, BuildPart<T> part, List<Resource> resources) {
    return read.with(part, part.decode().apply(resources));
  }

  /**
   * The build's related resources of a to-many {@code relationship}, from the page's included or
   * read in full.
   */
  private List<Resource> related(Resource b, Document page, String relationship) {
    Supplier<String> rest =
        () -> Query.of("/v1/builds/" + b.id() + "/" + relationship).param("limit", PAGE).build();
    return ToMany.resources(client, b, relationship, page, rest);
  }

  private Set<String> groups(Resource b) {
    // there is no build → groups linkage endpoint; the groups collection filters by build instead
    Supplier<String> rest =
        () ->
            Query.of("/v1/betaGroups")
                .param("filter[builds]", b.id())
                .param("fields[betaGroups]", "name")
                .param("limit", PAGE)
                .build();
    return ToMany.ids(client, b, "betaGroups", rest);
  }

  private Set<String> individualTesters(Resource b) {
    Supplier<String> rest =
        () ->
            Query.of("/v1/builds/" + b.id() + "/relationships/individualTesters")
                .param("limit", PAGE)
                .build();
    return ToMany.ids(client, b, "individualTesters", rest);
  }

  /** {@code value} with the rest that {@code completion} reads. */
  private <T> T complete(BuildPart.Completion<T> completion, T value) {
    return completion.complete(value, client.getAll(completion.query(value)));
  }

  /**
   * The builds with {@code part} completed for those {@code wanted} names (or every build when
   * {@code all}) that have it, in the builds' order, each build once.
   */
  private <T> List<LiveBuild> completed(
      List<LiveBuild> builds, BuildPart<T> part, List<BuildRef> wanted, boolean all) {
    Map<String, T> done = new HashMap<>();
    if (all) {
      builds.stream()
          .filter(b -> b.part(part) != null)
          .forEach(b -> done.put(b.id(), complete(part.complete(), b.part(part))));
    }
    for (BuildRef ref : wanted) {
      Builds.resolve(builds, ref)
          .filter(b -> b.part(part) != null && !done.containsKey(b.id()))
          .ifPresent(b -> done.put(b.id(), complete(part.complete(), b.part(part))));
    }
    return builds.stream()
        .map(b -> done.containsKey(b.id()) ? b.withPart(part, done.get(b.id())) : b)
        .toList();
  }
}
