package dev.flightplan.kinds.reviewdetail;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.ReviewDetailSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.plan.AppContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What beta review needs of the review details after this apply: the contact's name, email and
 * phone, and, when a demo account is required, its name and password (from the file's secret, or
 * already in App Store Connect).
 */
final class ReviewDetailReadiness {
  private ReviewDetailReadiness() {}

  static void missing(AppContext ctx, String what, List<Diagnostic> problems) {
    AppSpec app = ctx.desired();
    ReviewDetailSpec review = app.reviewDetail();
    LiveReviewDetail live = ctx.live().part(ReviewDetailKind.LIVE);
    SourcePos reviewPos = review != null && review.pos() != null ? review.pos() : app.pos();
    List<String> lacking = new ArrayList<>();
    check(
        lacking,
        "contactFirstName",
        review == null ? null : review.contactFirstName(),
        live == null ? null : live.contactFirstName());
    check(
        lacking,
        "contactLastName",
        review == null ? null : review.contactLastName(),
        live == null ? null : live.contactLastName());
    check(
        lacking,
        "contactEmail",
        review == null ? null : review.contactEmail(),
        live == null ? null : live.contactEmail());
    check(
        lacking,
        "contactPhone",
        review == null ? null : review.contactPhone(),
        live == null ? null : live.contactPhone());
    Boolean required =
        review != null && review.demoAccountRequired() != null
            ? review.demoAccountRequired()
            : live == null ? null : live.demoAccountRequired();
    if (Boolean.TRUE.equals(required)) {
      check(
          lacking,
          "demoAccountName",
          review == null ? null : review.demoAccountName(),
          live == null ? null : live.demoAccountName());
      boolean password =
          review != null
                  && review.demoAccountPassword() != null
                  && ctx.secrets().value(review.demoAccountPassword()).isPresent()
              || live != null && !blank(live.demoAccountPassword());
      if (!password) {
        lacking.add("demoAccountPassword");
      }
    }
    if (!lacking.isEmpty()) {
      problems.add(
          Diagnostic.error(
              reviewPos,
              what + "the review details lack " + String.join(", ", lacking),
              "set them under reviewDetail:"));
    }
  }

  private static void check(List<String> lacking, String name, String wanted, String live) {
    if (blank(wanted) && blank(live)) {
      lacking.add(name);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
