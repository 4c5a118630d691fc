package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.Objects;

/**
 * The beta app information testers see in one locale (the locale is the key and cannot change once
 * created). Null fields are not managed.
 */
public record LocalizationSpec(
    String locale,
    String description,
    String feedbackEmail,
    String marketingUrl,
    String privacyPolicyUrl,
    String tvOsPrivacyPolicy,
    SourcePos pos) {
  public LocalizationSpec {
    Objects.requireNonNull(locale, "locale");
  }
}
