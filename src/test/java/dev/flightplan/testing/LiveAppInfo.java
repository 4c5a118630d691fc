package dev.flightplan.testing;

import dev.flightplan.kinds.license.LicenseKind;
import dev.flightplan.kinds.license.LiveLicense;
import dev.flightplan.kinds.localization.LiveLocalization;
import dev.flightplan.kinds.localization.LocalizationKind;
import dev.flightplan.kinds.reviewdetail.LiveReviewDetail;
import dev.flightplan.kinds.reviewdetail.ReviewDetailKind;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveParts;
import java.util.List;

/**
 * Test data: an app's beta information (localizations, license agreement, review details) as one
 * value, made into the parts those kinds read ({@link #parts()}), or taken from a live app ({@link
 * #of}).
 */
public record LiveAppInfo(
    List<LiveLocalization> localizations, LiveLicense license, LiveReviewDetail reviewDetail) {
  public LiveAppInfo {
    localizations = localizations == null ? null : List.copyOf(localizations);
  }

  /** The parts, as the state reader hands them back when it reads the app's beta information. */
  public LiveParts parts() {
    return LiveParts.NOT_READ
        .with(LocalizationKind.LIVE, localizations)
        .with(LicenseKind.LIVE, license)
        .with(ReviewDetailKind.LIVE, reviewDetail);
  }

  public static LiveAppInfo of(LiveApp app) {
    return new LiveAppInfo(
        app.part(LocalizationKind.LIVE),
        app.part(LicenseKind.LIVE),
        app.part(ReviewDetailKind.LIVE));
  }
}
