package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders records as the request asked for them: its sparse fieldsets, and its {@code include}
 * values, which put linkages into the relationship (at most {@code limit[rel]} of them, with the
 * true total in {@code meta.paging.total}) and the linked resources into the document's {@code
 * included}. Included resources are rendered with their own type's fieldset and without
 * relationships of their own expanded. Every type the sandbox serves is rendered here, by its
 * JSON:API type name; the endpoints only choose which records to show.
 */
final class Views {
  static final int MAX_INCLUDE_LIMIT = 50;

  /**
   * How one relationship of one type is followed: the related type, to-one or to-many, and the
   * related ids.
   */
  private record Link(String target, boolean toOne, Function<String, List<String>> related) {}

  private final SandboxState state;
  private final Resources resources;
  private final BuildResources builds;
  private final InfoResources info;
  private final Map<String, Map<String, Link>> links = new HashMap<>();

  Views(SandboxState state, Resources resources) {
    this.state = state;
    this.resources = resources;
    this.builds = new BuildResources(state, resources);
    this.info = new InfoResources(resources);
    Builds b = state.builds();
    // license agreement and review detail ids equal the app's id (one of each per app)
    link(
        "apps",
        "betaAppLocalizations",
        "betaAppLocalizations",
        false,
        id -> ids(b.appLocalizations.where(l -> l.app().equals(id)), AppLocalization::id));
    link(
        "apps",
        "betaLicenseAgreement",
        "betaLicenseAgreements",
        true,
        id -> optional(b.licenses.orNull(id), LicenseAgreement::id));
    link(
        "apps",
        "betaAppReviewDetail",
        "betaAppReviewDetails",
        true,
        id -> optional(b.reviewDetails.orNull(id), ReviewDetail::id));
    link(
        "apps",
        "builds",
        "builds",
        false,
        id -> ids(b.builds.where(x -> x.app().equals(id)), Build::id));
    link(
        "apps",
        "preReleaseVersions",
        "preReleaseVersions",
        false,
        id -> ids(b.preReleases.where(p -> p.app().equals(id)), PreRelease::id));
    link("betaGroups", "app", "apps", true, id -> List.of(state.group(id).app()));
    link("betaGroups", "builds", "builds", false, id -> ids(b.ofGroup(id), Build::id));
    link(
        "betaGroups",
        "betaTesters",
        "betaTesters",
        false,
        id -> ids(state.members(id), Tester::id));
    link(
        "betaGroups",
        "betaRecruitmentCriteria",
        "betaRecruitmentCriteria",
        true,
        id -> optional(b.criterionOf(id), Criterion::id));
    link("betaTesters", "apps", "apps", false, id -> ids(state.appsOf(state.tester(id)), App::id));
    link(
        "betaTesters",
        "betaGroups",
        "betaGroups",
        false,
        id -> ids(state.groupsOf(state.tester(id)), Group::id));
    link("betaTesters", "builds", "builds", false, id -> ids(b.ofTester(id), Build::id));
    link(
        "builds",
        "preReleaseVersion",
        "preReleaseVersions",
        true,
        id -> List.of(b.builds.get(id).preReleaseVersion()));
    link(
        "builds",
        "individualTesters",
        "betaTesters",
        false,
        id -> b.builds.get(id).individualTesters());
    link("builds", "betaGroups", "betaGroups", false, id -> b.builds.get(id).groups());
    link(
        "builds",
        "betaBuildLocalizations",
        "betaBuildLocalizations",
        false,
        id -> ids(b.localizationsOf(id), BuildLocalization::id));
    link(
        "builds",
        "betaAppReviewSubmission",
        "betaAppReviewSubmissions",
        true,
        id -> optional(b.submissionOf(id), ReviewSubmission::id));
    link("builds", "app", "apps", true, id -> List.of(b.builds.get(id).app()));
    link("builds", "buildBetaDetail", "buildBetaDetails", true, List::of);
    link(
        "builds",
        "buildBundles",
        "buildBundles",
        false,
        id -> ids(b.bundlesOf(id), BuildBundle::id));
    link(
        "preReleaseVersions",
        "builds",
        "builds",
        false,
        id -> ids(b.builds.where(x -> x.preReleaseVersion().equals(id)), Build::id));
    link("preReleaseVersions", "app", "apps", true, id -> List.of(b.preReleases.get(id).app()));
    link(
        "betaAppLocalizations",
        "app",
        "apps",
        true,
        id -> List.of(b.appLocalizations.get(id).app()));
    link("betaLicenseAgreements", "app", "apps", true, id -> List.of(b.licenses.get(id).app()));
    link("betaAppReviewDetails", "app", "apps", true, id -> List.of(b.reviewDetails.get(id).app()));
    link(
        "betaBuildLocalizations",
        "build",
        "builds",
        true,
        id -> List.of(b.buildLocalizations.get(id).build()));
    link(
        "betaAppReviewSubmissions",
        "build",
        "builds",
        true,
        id -> List.of(b.submissions.get(id).build()));
    link("buildBetaDetails", "build", "builds", true, List::of);
    link(
        "betaAppClipInvocations",
        "betaAppClipInvocationLocalizations",
        "betaAppClipInvocationLocalizations",
        false,
        id -> ids(b.titlesOf(id), ClipTitle::id));
  }

  /**
   * What a relationship of one resource leads to: the related type, whether it is to-one, and the
   * related ids.
   */
  record Related(String type, boolean toOne, List<String> ids) {}

  /**
   * The resources the relationship {@code name} of {@code type}/{@code id} leads to; 404 when there
   * is no such resource.
   */
  Related related(String type, String id, String name) {
    plain(
        type, id, Set.of(),
        Map.of()); // the 404 of a missing resource, before its relationships are looked at
    Link link = links.get(type).get(name);
    return new Related(link.target(), link.toOne(), link.related().apply(id));
  }

  /** The type the relationship {@code name} of {@code type} leads to. */
  String relatedType(String type, String name) {
    return links.get(type).get(name).target();
  }

  boolean toOne(String type, String name) {
    return links.get(type).get(name).toOne();
  }

  Resources resources() {
    return resources;
  }

  InfoResources info() {
    return info;
  }

  /**
   * One resource of {@code type} with the request's fieldsets and, when {@code included} is not
   * null, its includes. Related resources are added to {@code included} once each.
   */
  ObjectNode render(String type, String id, Query query, Documents.Included included) {
    Map<String, Resources.Linkages> linkages = new HashMap<>();
    if (included != null) {
      for (String name : query.list("include")) {
        Link link = links.getOrDefault(type, Map.of()).get(name);
        if (link == null) {
          continue; // the endpoint's QuerySpec has refused anything it does not offer
        }
        List<String> related = link.related().apply(id);
        Resources.Linkages shown =
            link.toOne()
                ? Resources.Linkages.toOne(link.target(), related.isEmpty() ? null : related.get(0))
                : Resources.Linkages.toMany(link.target(), related, limit(query, name));
        linkages.put(name, shown);
        for (String relatedId : shown.ids().items()) {
          included.add(
              link.target(), relatedId, () -> render(link.target(), relatedId, query, null));
        }
      }
    }
    return plain(type, id, FieldNames.requested(query, type), linkages);
  }

  private ObjectNode plain(
      String type, String id, Set<String> fields, Map<String, Resources.Linkages> linkages) {
    Builds b = state.builds();
    return switch (type) {
      case "apps" -> resources.app(state.app(id), fields, linkages);
      case "betaGroups" -> resources.group(state.group(id), fields, linkages);
      case "betaTesters" -> resources.tester(state.tester(id), fields, linkages);
      case "users" -> resources.user(state.userById(id), fields, linkages);
      case "builds" -> builds.build(b.builds.get(id), fields, linkages);
      case "preReleaseVersions" -> builds.preRelease(b.preReleases.get(id), fields, linkages);
      case "buildBundles" -> builds.bundle(b.bundles.get(id), fields);
      case "buildBetaDetails" -> builds.betaDetail(b.builds.get(id), fields, linkages);
      case "betaAppReviewSubmissions" -> builds.submission(b.submissions.get(id), fields, linkages);
      case "betaBuildLocalizations" ->
          builds.localization(b.buildLocalizations.get(id), fields, linkages);
      case "betaAppLocalizations" ->
          info.appLocalization(b.appLocalizations.get(id), fields, linkages);
      case "betaLicenseAgreements" -> info.license(b.licenses.get(id), fields, linkages);
      case "betaAppReviewDetails" -> info.reviewDetail(b.reviewDetails.get(id), fields, linkages);
      case "betaRecruitmentCriteria" -> info.criterion(b.criteria.get(id), fields);
      case "betaAppClipInvocations" -> info.invocation(b.invocations.get(id), fields, linkages);
      case "betaAppClipInvocationLocalizations" -> info.clipTitle(b.clipTitles.get(id), fields);
      default -> throw new IllegalStateException("no view for type " + type);
    };
  }

  // --- whole answers ---

  /** A single-resource document for the request, with its includes. */
  Response one(Request request, String type, String id) {
    Documents.Included included = new Documents.Included();
    ObjectNode data = render(type, id, request.query(), included);
    return Response.ok(Documents.single(data, request.selfUrl(), included));
  }

  /** The page of {@code ids} the request's limit and cursor select, rendered with its includes. */
  Response page(Request request, String type, List<String> ids) {
    Paging.Page<String> page = Paging.page(ids, request.query());
    Documents.Included included = new Documents.Included();
    List<ObjectNode> data =
        page.items().stream().map(id -> render(type, id, request.query(), included)).toList();
    return Response.ok(Documents.collection(data, page, request, included));
  }

  /** A page of linkages only. */
  Response linkages(Request request, String type, List<String> ids) {
    return Response.ok(Documents.linkages(type, Paging.page(ids, request.query()), request));
  }

  /**
   * The answer to a create: 201, the new resource as {@code query} shows it, and its URL as
   * Location.
   */
  Response created(String type, String id, Query query) {
    String url = resources.url(type, id);
    Documents.Included included = new Documents.Included();
    return Response.created(
        Documents.single(render(type, id, query, included), url, included), url);
  }

  /** The answer to an update: 200 and the resource as it now is. */
  Response updated(String type, String id) {
    return Response.ok(
        Documents.single(render(type, id, Query.parse(""), null), resources.url(type, id), null));
  }

  private void link(
      String type,
      String name,
      String target,
      boolean toOne,
      Function<String, List<String>> related) {
    links.computeIfAbsent(type, t -> new HashMap<>()).put(name, new Link(target, toOne, related));
  }

  private static <T> List<String> ids(List<T> records, Function<T, String> id) {
    return records.stream().map(id).toList();
  }

  private static <T> List<String> optional(T record, Function<T, String> id) {
    return record == null ? List.of() : List.of(id.apply(record));
  }

  /**
   * The included relationship's limit; its maximum was checked against the endpoint's spec already.
   */
  private static int limit(Query query, String relationship) {
    return Paging.limit(
        query, "limit[" + relationship + "]", Integer.MAX_VALUE, Paging.DEFAULT_INCLUDE_LIMIT);
  }
}
