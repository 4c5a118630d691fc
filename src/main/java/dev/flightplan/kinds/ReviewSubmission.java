package dev.flightplan.kinds;

import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.state.LiveBuild;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Submitting a build for beta review ({@code submitForReview: true}): a review submission is
 * created only when the build has none, and only once what Apple's beta review requires will be in
 * place after this apply — a description in every beta app localization, review contact details
 * (and the demo account when one is required), What to Test, and export compliance. Each kind says
 * what review needs of it ({@code ResourceKind.missingForBetaReview}); this class checks the
 * build's own part. What is missing is reported where the file should say it, instead of letting
 * the API refuse. A build's review state is shown, never diffed.
 */
final class ReviewSubmission {
  private ReviewSubmission() {}

  static void plan(AppContext ctx, BuildSpec spec, LiveBuild build) {
    if (!spec.submitForReview()) {
      return;
    }
    if (build.reviewState() != null) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              "build " + build.label() + " is in beta review: " + build.reviewState());
      return;
    }
    Refusal refusal = Refusal.of(build, false);
    if (refusal != null && refusal.permanent()) {
      // expired (BuildKind plans nothing for it), failed processing, or internal-only: App Store
      // Connect refuses for good
      ctx.out()
          .diagnostic(
              Diagnostic.warning(
                  spec.pos(),
                  "build "
                      + build.label()
                      + " is never submitted for beta review: "
                      + refusal.reason()
                      + ", and that does not change",
                  "App Store Connect refuses to submit this build for good, so no plan does; remove submitForReview: true"
                      + " (a newer build can be submitted)"));
      return;
    }
    if (!build.usable()) {
      ctx.out()
          .diagnostic(
              Diagnostic.warning(
                  spec.pos(),
                  "build "
                      + build.label()
                      + " is not submitted for beta review yet: "
                      + refusal.reason(),
                  "the next plan submits it once it is processed; nothing to do now"));
      refusal.pending(ctx, build);
      return;
    }
    List<Diagnostic> missing = readiness(ctx, spec, build);
    if (!missing.isEmpty()) {
      missing.forEach(ctx.out()::diagnostic);
      return;
    }
    Address address = new Address(ctx.app(), "reviewSubmission", build.label());
    ctx.out()
        .action(
            new Action.Create(
                address,
                Attributes.builder().put("build", build.label()).build(),
                "submitForReview: true, and the build has not been submitted"));
    ctx.out()
        .call(
            Phase.REVIEW_SUBMIT,
            new ApiCall(
                    "POST",
                    "/v1/betaAppReviewSubmissions",
                    JsonApi.create(
                        "betaAppReviewSubmissions",
                        Map.of(),
                        Map.of("build", new Linkage("builds", build.id()))),
                    null,
                    "submit build " + build.label() + " for beta review",
                    List.of(address))
                .readingBack(
                    ReadBack.find(
                        Query.of("/v1/betaAppReviewSubmissions")
                            .param("filter[build]", build.id())
                            .param("fields[betaAppReviewSubmissions]", "betaReviewState")
                            .build(),
                        "betaAppReviewSubmissions")));
  }

  /**
   * What beta review needs that will still be missing after this apply, each at the place to fix
   * it.
   */
  private static List<Diagnostic> readiness(AppContext ctx, BuildSpec spec, LiveBuild build) {
    String what = "build " + build.label() + " cannot be submitted for beta review: ";
    List<Diagnostic> problems = new ArrayList<>();
    // the app's beta information: each kind says what review needs of it
    ctx.kinds().forEach(k -> k.missingForBetaReview(ctx, what, problems));
    boolean whatToTest =
        spec.whatToTest() != null
            ? spec.whatToTest().values().stream().anyMatch(t -> !blank(t))
            : build.whatToTest() != null
                && build.whatToTest().values().stream().anyMatch(t -> !blank(t.text()));
    if (!whatToTest) {
      problems.add(
          Diagnostic.error(
              spec.pos(),
              what + "it has no What to Test",
              "add whatToTest: { en-US: \"...\" } to this build"));
    }
    Boolean encryption =
        spec.usesNonExemptEncryption() != null
            ? spec.usesNonExemptEncryption()
            : build.usesNonExemptEncryption();
    if (encryption == null) {
      problems.add(
          Diagnostic.error(
              spec.pos(),
              what + "its export compliance is not set",
              "add usesNonExemptEncryption: false (or true, with an encryption declaration) to this build"));
    }
    return problems;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
