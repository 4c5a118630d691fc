package dev.flightplan.kinds.localization;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The beta app information of one locale. */
public record LiveLocalization(
    String id,
    String locale,
    String description,
    String feedbackEmail,
    String marketingUrl,
    String privacyPolicyUrl,
    String tvOsPrivacyPolicy) {
  public LiveLocalization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(locale, "locale");
  }

  /** What a saved plan checks of it: all of it. */
  Map<String, Object> fingerprint() {
    Map<String, Object> f = new TreeMap<>();
    f.put("id", id);
    f.put("locale", locale);
    f.put("description", description);
    f.put("feedbackEmail", feedbackEmail);
    f.put("marketingUrl", marketingUrl);
    f.put("privacyPolicyUrl", privacyPolicyUrl);
    f.put("tvOsPrivacyPolicy", tvOsPrivacyPolicy);
    return f;
  }
}
