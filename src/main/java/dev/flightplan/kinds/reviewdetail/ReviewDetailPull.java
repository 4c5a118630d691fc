package dev.flightplan.kinds.reviewdetail;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.ReviewDetailSpec;
import dev.flightplan.kinds.Pulling;
import dev.flightplan.kinds.YamlOut;
import java.util.Locale;

/**
 * Review details in a pulled file. The demo account password is never written: when App Store
 * Connect holds one, the file gets a commented-out reference to an environment variable (one per
 * app when several are pulled), so it plans with no changes until someone uncomments it.
 */
final class ReviewDetailPull {
  private ReviewDetailPull() {}

  static AppSpec pull(LiveReviewDetail r, AppSpec into, Pulling pulling) {
    if (r != null && r.demoAccountPassword() != null && !r.demoAccountPassword().isEmpty()) {
      pulling.memo(ReviewDetailKind.TYPE, passwordEnv(pulling.bundleId(), pulling.apps()));
      pulling.remark("the demo account password is not pulled: see the comment under reviewDetail");
    }
    return into.withReviewDetail(spec(r, pulling));
  }

  private static ReviewDetailSpec spec(LiveReviewDetail r, Pulling pulling) {
    if (r == null) {
      return null;
    }
    ReviewDetailSpec spec =
        new ReviewDetailSpec(
            pulling.checked(r.contactEmail(), "/$defs/email", "reviewDetail.contactEmail"),
            Pulling.blankToNull(r.contactFirstName()),
            Pulling.blankToNull(r.contactLastName()),
            pulling.checked(
                r.contactPhone(),
                "/$defs/reviewDetail/properties/contactPhone",
                "reviewDetail.contactPhone"),
            r.demoAccountRequired(),
            Pulling.blankToNull(r.demoAccountName()),
            null,
            Pulling.blankToNull(r.notes()),
            null);
    boolean empty =
        spec.contactEmail() == null
            && spec.contactFirstName() == null
            && spec.contactLastName() == null
            && spec.contactPhone() == null
            && spec.demoAccountRequired() == null
            && spec.demoAccountName() == null
            && spec.notes() == null;
    return empty ? null : spec;
  }

  /**
   * DEMO_ACCOUNT_PASSWORD, or with several apps DEMO_ACCOUNT_PASSWORD_COM_EXAMPLE_WEATHER, so each
   * has its own.
   */
  static String passwordEnv(String bundleId, int apps) {
    return apps == 1
        ? "DEMO_ACCOUNT_PASSWORD"
        : "DEMO_ACCOUNT_PASSWORD_" + bundleId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  static void write(ReviewDetailSpec r, String passwordEnv, YamlOut out) {
    if (r == null) {
      return;
    }
    String in = YamlOut.ITEM;
    out.line(YamlOut.IN_APP + "reviewDetail:");
    out.optionalText(in, "contactFirstName", r.contactFirstName());
    out.optionalText(in, "contactLastName", r.contactLastName());
    out.optionalText(in, "contactEmail", r.contactEmail());
    out.optionalText(in, "contactPhone", r.contactPhone());
    if (r.demoAccountRequired() != null) {
      out.line(in + "demoAccountRequired: " + r.demoAccountRequired());
    }
    out.optionalText(in, "demoAccountName", r.demoAccountName());
    if (passwordEnv != null) {
      out.line(
          in
              + "# App Store Connect holds a demo account password; a pulled file never holds one, and while the");
      out.line(
          in
              + "# next line stays a comment the password is left as it is. To manage it, uncomment the line and");
      out.line(in + "# set " + passwordEnv + " (or use { file: PATH }) where flightplan runs.");
      out.line(in + "# demoAccountPassword: { env: " + passwordEnv + " }");
    }
    out.optionalText(in, "notes", r.notes());
  }
}
