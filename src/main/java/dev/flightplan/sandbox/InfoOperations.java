package dev.flightplan.sandbox;

import java.util.Objects;

/**
 * Test information: per-app localizations, license agreement and review detail, and per-build "What
 * to Test". Values are checked where they change (a stored value is never re-judged by an update of
 * another attribute); locales are create-only and unique per app or build (a duplicate is 409
 * {@code ENTITY_ERROR.ATTRIBUTE.INVALID}).
 */
final class InfoOperations {
  private final SandboxState state;
  private final Builds builds;
  private final Ids ids;

  InfoOperations(SandboxState state, Ids ids) {
    this.state = state;
    this.builds = state.builds();
    this.ids = ids;
  }

  AppLocalization createAppLocalization(AppLocalization wanted) {
    if (state.appOrNull(wanted.app()) == null) {
      throw ApiException.relatedNotFound("/data/relationships/app/data/id", "apps", wanted.app());
    }
    Values.locale(wanted.locale(), "/data/attributes/locale");
    if (builds.localizationsOfApp(wanted.app()).stream()
        .anyMatch(l -> l.locale().equals(wanted.locale()))) {
      throw ApiException.attributeInvalid(
          "/data/attributes/locale",
          "The app already has a beta app localization for the locale '" + wanted.locale() + "'.");
    }
    checkAppLocalization(wanted, null);
    AppLocalization created =
        new AppLocalization(
            ids.uuid(),
            wanted.app(),
            wanted.locale(),
            wanted.description(),
            wanted.feedbackEmail(),
            wanted.marketingUrl(),
            wanted.privacyPolicyUrl(),
            wanted.tvOsPrivacyPolicy());
    builds.appLocalizations.put(created);
    return created;
  }

  AppLocalization updateAppLocalization(AppLocalization updated) {
    checkAppLocalization(updated, builds.appLocalizations.get(updated.id()));
    builds.appLocalizations.put(updated);
    return updated;
  }

  private static void checkAppLocalization(AppLocalization l, AppLocalization before) {
    if (before == null || !Objects.equals(l.description(), before.description())) {
      Values.maxLength(l.description(), Values.MAX_TEXT, "/data/attributes/description");
    }
    if (before == null || !Objects.equals(l.feedbackEmail(), before.feedbackEmail())) {
      Values.email(l.feedbackEmail(), "/data/attributes/feedbackEmail");
    }
    if (before == null || !Objects.equals(l.marketingUrl(), before.marketingUrl())) {
      Values.webUrl(l.marketingUrl(), "/data/attributes/marketingUrl");
    }
    if (before == null || !Objects.equals(l.privacyPolicyUrl(), before.privacyPolicyUrl())) {
      Values.webUrl(l.privacyPolicyUrl(), "/data/attributes/privacyPolicyUrl");
    }
    if (before == null || !Objects.equals(l.tvOsPrivacyPolicy(), before.tvOsPrivacyPolicy())) {
      Values.maxLength(
          l.tvOsPrivacyPolicy(), Values.MAX_TEXT, "/data/attributes/tvOsPrivacyPolicy");
    }
  }

  void deleteAppLocalization(String id) {
    builds.appLocalizations.remove(builds.appLocalizations.get(id).id());
  }

  LicenseAgreement updateLicense(LicenseAgreement updated) {
    builds.licenses.get(updated.id());
    builds.licenses.put(updated);
    return updated;
  }

  ReviewDetail updateReviewDetail(ReviewDetail updated) {
    ReviewDetail before = builds.reviewDetails.get(updated.id());
    if (!Objects.equals(updated.contactEmail(), before.contactEmail())) {
      Values.email(updated.contactEmail(), "/data/attributes/contactEmail");
    }
    if (!Objects.equals(updated.notes(), before.notes())) {
      Values.maxLength(updated.notes(), Values.MAX_TEXT, "/data/attributes/notes");
    }
    builds.reviewDetails.put(updated);
    return updated;
  }

  BuildLocalization createBuildLocalization(String buildId, String locale, String whatsNew) {
    Build build = builds.builds.orNull(buildId);
    if (build == null) {
      throw ApiException.relatedNotFound("/data/relationships/build/data/id", "builds", buildId);
    }
    Values.locale(locale, "/data/attributes/locale");
    if (builds.localizationsOf(buildId).stream().anyMatch(l -> l.locale().equals(locale))) {
      throw ApiException.attributeInvalid(
          "/data/attributes/locale",
          "The build '"
              + builds.label(build)
              + "' already has a beta build localization for the locale '"
              + locale
              + "'.");
    }
    Values.maxLength(whatsNew, Values.MAX_TEXT, "/data/attributes/whatsNew");
    BuildLocalization created = new BuildLocalization(ids.uuid(), buildId, locale, whatsNew);
    builds.buildLocalizations.put(created);
    return created;
  }

  BuildLocalization updateBuildLocalization(String id, String whatsNew) {
    BuildLocalization before = builds.buildLocalizations.get(id);
    Values.maxLength(whatsNew, Values.MAX_TEXT, "/data/attributes/whatsNew");
    BuildLocalization updated =
        new BuildLocalization(id, before.build(), before.locale(), whatsNew);
    builds.buildLocalizations.put(updated);
    return updated;
  }

  void deleteBuildLocalization(String id) {
    builds.buildLocalizations.remove(builds.buildLocalizations.get(id).id());
  }
}
