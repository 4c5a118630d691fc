package dev.flightplan.state;

import java.util.List;
import java.util.Objects;

/**
 * What testers and Apple's beta reviewers read about an app: its beta app localizations, license agreement and
 * review details. Each part is null when it was not read (the file does not manage it).
 */
public record LiveAppInfo(List<LiveLocalization> localizations, LiveLicense license, LiveReviewDetail reviewDetail) {
  public static final LiveAppInfo NOT_READ = new LiveAppInfo(null, null, null);

  public LiveAppInfo {
    localizations = localizations == null ? null : List.copyOf(localizations);
  }

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
  }

  /** The app's beta license agreement (one per app, always present). */
  public record LiveLicense(String id, String text) {}

  /**
   * The app's beta review details (one per app, always present). The demo password is held only to compare it;
   * {@link #toString()} never shows it.
   */
  public record LiveReviewDetail(
      String id,
      String contactEmail,
      String contactFirstName,
      String contactLastName,
      String contactPhone,
      Boolean demoAccountRequired,
      String demoAccountName,
      String demoAccountPassword,
      String notes) {
    @Override
    public String toString() {
      return "LiveReviewDetail[id=" + id + ", contactEmail=" + contactEmail + ", demoAccountRequired=" + demoAccountRequired
          + ", demoAccountName=" + demoAccountName + ", demoAccountPassword=" + (demoAccountPassword == null ? "null" : "(sensitive)") + "]";
    }
  }
}
