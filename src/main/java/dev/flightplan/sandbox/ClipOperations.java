package dev.flightplan.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Beta App Clip invocations and their localized titles. An invocation belongs to an App Clip build
 * bundle, which holds at most {@link #MAX_PER_BUNDLE} of them (Apple's TestFlight limit: "You can
 * add up to three invocation URLs", App Store Connect Help, "Test an App Clip experience"); its URL
 * is an absolute https URL; it always has at least one title, one per locale.
 */
final class ClipOperations {
  static final int MAX_PER_BUNDLE = 3;
  static final String TITLES = "/data/relationships/betaAppClipInvocationLocalizations";

  /**
   * One title created inline with its invocation: the client's local id, and where it sits in
   * {@code included}.
   */
  record TitleDraft(String localId, String locale, String title, int index) {}

  private final Builds builds;
  private final Ids ids;

  ClipOperations(SandboxState state, Ids ids) {
    this.builds = state.builds();
    this.ids = ids;
  }

  ClipInvocation create(
      String bundleId, String url, List<String> referenced, List<TitleDraft> drafts) {
    Values.httpsUrl(url, "/data/attributes/url");
    BuildBundle bundle = builds.bundles.orNull(bundleId);
    String bundlePointer = "/data/relationships/buildBundle/data/id";
    if (bundle == null) {
      throw ApiException.relatedNotFound(bundlePointer, "buildBundles", bundleId);
    }
    if (!bundle.appClip()) {
      throw ApiException.relationshipInvalid(
          bundlePointer,
          "The build bundle '"
              + bundle.bundleId()
              + "' is not an App Clip (its type is "
              + bundle.bundleType()
              + ").");
    }
    if (builds.invocationsOf(bundleId).size() >= MAX_PER_BUNDLE) {
      throw ApiException.stateInvalid(
          "The App Clip already has "
              + MAX_PER_BUNDLE
              + " invocations, the most a build can have.");
    }
    if (referenced.isEmpty()) {
      throw ApiException.relationshipRequired(
          TITLES, "An App Clip invocation needs at least one localization.");
    }
    List<TitleDraft> titles = new ArrayList<>();
    for (int i = 0; i < referenced.size(); i++) {
      String localId = referenced.get(i);
      TitleDraft draft =
          drafts.stream()
              .filter(d -> localId.equals(d.localId()))
              .findFirst()
              .orElseThrow(
                  () ->
                      ApiException.relationshipInvalid(
                          TITLES + "/data/" + referenced.indexOf(localId) + "/id",
                          "No resource in 'included' has the local id '" + localId + "'."));
      if (!titles.contains(draft)) {
        titles.add(draft);
      }
    }
    for (TitleDraft draft : drafts) {
      if (!titles.contains(draft)) {
        throw ApiException.relationshipInvalid(
            "/included/" + draft.index(),
            "The included localization is not referenced by the relationship 'betaAppClipInvocationLocalizations'.");
      }
    }
    Set<String> locales = new HashSet<>();
    for (TitleDraft draft : titles) {
      String at = "/included/" + draft.index() + "/attributes/";
      Values.locale(draft.locale(), at + "locale");
      Values.notBlank(draft.title(), at + "title");
      if (!locales.add(draft.locale())) {
        throw ApiException.attributeInvalid(
            at + "locale", "The locale '" + draft.locale() + "' is given more than once.");
      }
    }
    ClipInvocation invocation = new ClipInvocation(ids.uuid(), bundleId, url);
    builds.invocations.put(invocation);
    titles.forEach(
        d ->
            builds.clipTitles.put(
                new ClipTitle(ids.uuid(), invocation.id(), d.locale(), d.title())));
    return invocation;
  }

  ClipInvocation updateUrl(String id, String url) {
    ClipInvocation invocation = builds.invocations.get(id);
    if (url == null) {
      return invocation;
    }
    Values.httpsUrl(url, "/data/attributes/url");
    ClipInvocation updated = invocation.withUrl(url);
    builds.invocations.put(updated);
    return updated;
  }

  void delete(String id) {
    builds.removeInvocation(builds.invocations.get(id).id());
  }

  ClipTitle createTitle(String invocationId, String locale, String title) {
    if (builds.invocations.orNull(invocationId) == null) {
      throw ApiException.relatedNotFound(
          "/data/relationships/betaAppClipInvocation/data/id",
          "betaAppClipInvocations",
          invocationId);
    }
    Values.locale(locale, "/data/attributes/locale");
    Values.notBlank(title, "/data/attributes/title");
    if (builds.titlesOf(invocationId).stream().anyMatch(t -> t.locale().equals(locale))) {
      throw ApiException.attributeInvalid(
          "/data/attributes/locale",
          "The App Clip invocation already has a title for the locale '" + locale + "'.");
    }
    ClipTitle created = new ClipTitle(ids.uuid(), invocationId, locale, title);
    builds.clipTitles.put(created);
    return created;
  }

  ClipTitle updateTitle(String id, String title) {
    ClipTitle before = builds.clipTitles.get(id);
    if (title == null) {
      return before;
    }
    Values.notBlank(title, "/data/attributes/title");
    ClipTitle updated = before.withTitle(title);
    builds.clipTitles.put(updated);
    return updated;
  }

  /**
   * The last title of an invocation cannot go (our assumption, mirroring the create rule): delete
   * the invocation.
   */
  void deleteTitle(String id) {
    ClipTitle title = builds.clipTitles.get(id);
    if (builds.titlesOf(title.invocation()).size() == 1) {
      throw ApiException.stateInvalid(
          "An App Clip invocation needs at least one localization; delete the invocation instead.");
    }
    builds.clipTitles.remove(id);
  }
}
