package dev.flightplan.sandbox;

import java.util.Objects;

/**
 * The TestFlight test information of an app in one locale (a {@code betaAppLocalizations}
 * resource).
 */
record AppLocalization(
    String id,
    String app,
    String locale,
    String description,
    String feedbackEmail,
    String marketingUrl,
    String privacyPolicyUrl,
    String tvOsPrivacyPolicy) {
  AppLocalization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(locale, "locale");
  }
}
