package dev.flightplan.kinds.reviewdetail;

import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Resource;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.ReviewDetailSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.kinds.Kind;
import dev.flightplan.kinds.Pulling;
import dev.flightplan.kinds.YamlOut;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.Sensitive;
import dev.flightplan.plan.Substitution;
import dev.flightplan.state.AppPart;
import dev.flightplan.state.LiveApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The app's beta review details, a singleton that always exists and is only ever updated. The demo
 * account password is compared with its value but shown only as "(sensitive value changed)", and
 * the request says where it goes (a {@link Substitution}); apply reads it only when sending.
 */
public final class ReviewDetailKind implements Kind {
  public static final String TYPE = "reviewDetail";

  /** The one secret attribute: plans hold {@link Sensitive#VALUE} for it, never its value. */
  private static final String PASSWORD = "demoAccountPassword";

  /**
   * Read from the apps lookup: wanted when the file sets review details or submits a build (beta
   * review needs them).
   */
  public static final AppPart<LiveReviewDetail> LIVE =
      new AppPart<>(
          "reviewDetail",
          "betaAppReviewDetail",
          "betaAppReviewDetails",
          List.of(
              "contactEmail",
              "contactFirstName",
              "contactLastName",
              "contactPhone",
              "demoAccountRequired",
              "demoAccountName",
              "demoAccountPassword",
              "notes"),
          false,
          ReviewDetailKind::wanted,
          ReviewDetailKind::decode,
          LiveReviewDetail::fingerprint);

  @Override
  public List<String> types() {
    return List.of(TYPE);
  }

  @Override
  public Set<String> secretAttributes() {
    return Set.of(PASSWORD);
  }

  @Override
  public List<AppPart<?>> reads() {
    return List.of(LIVE);
  }

  private static boolean wanted(AppSpec app) {
    return app.reviewDetail() != null || app.builds().stream().anyMatch(BuildSpec::submitForReview);
  }

  private static LiveReviewDetail decode(List<Resource> found) {
    return found.stream()
        .findFirst()
        .map(
            r ->
                new LiveReviewDetail(
                    r.id(),
                    r.string("contactEmail"),
                    r.string("contactFirstName"),
                    r.string("contactLastName"),
                    r.string("contactPhone"),
                    r.bool("demoAccountRequired"),
                    r.string("demoAccountName"),
                    r.string("demoAccountPassword"),
                    r.string("notes")))
        .orElse(null);
  }

  @Override
  public AppSpec pull(LiveApp app, AppSpec into, Pulling pulling) {
    return ReviewDetailPull.pull(app.part(LIVE), into, pulling);
  }

  @Override
  public void write(AppSpec app, String memo, YamlOut out) {
    ReviewDetailPull.write(app.reviewDetail(), memo, out);
  }

  @Override
  public void missingForBetaReview(AppContext ctx, String what, List<Diagnostic> problems) {
    ReviewDetailReadiness.missing(ctx, what, problems);
  }

  @Override
  public void plan(AppContext ctx) {
    ReviewDetailSpec spec = ctx.desired().reviewDetail();
    LiveReviewDetail have = ctx.live().part(LIVE);
    if (spec == null) {
      return;
    }
    Address address = new Address(ctx.app(), TYPE, ctx.app());
    if (have == null) {
      ctx.out()
          .diagnostic(
              Diagnostic.error(
                  spec.pos(),
                  "App Store Connect returned no beta review details for " + ctx.app(),
                  "every app has them; check that the API key may read the app's TestFlight information"));
      return;
    }
    List<Change> changes = new ArrayList<>();
    Map<String, Object> patch = new LinkedHashMap<>();
    List<Substitution> secret = new ArrayList<>();
    field(changes, patch, "contactEmail", spec.contactEmail(), have.contactEmail());
    field(changes, patch, "contactFirstName", spec.contactFirstName(), have.contactFirstName());
    field(changes, patch, "contactLastName", spec.contactLastName(), have.contactLastName());
    field(changes, patch, "contactPhone", spec.contactPhone(), have.contactPhone());
    field(
        changes,
        patch,
        "demoAccountRequired",
        spec.demoAccountRequired(),
        have.demoAccountRequired());
    field(changes, patch, "demoAccountName", spec.demoAccountName(), have.demoAccountName());
    if (spec.demoAccountPassword() != null) {
      Optional<String> password = ctx.secrets().value(spec.demoAccountPassword());
      // an unreadable secret is already an error from resolving the secrets
      if (password.isPresent() && !password.get().equals(have.demoAccountPassword())) {
        changes.add(
            new Change.Value(
                PASSWORD,
                have.demoAccountPassword() == null ? null : Sensitive.VALUE,
                Sensitive.VALUE));
        // the body holds no secret, only where it goes; apply reads it when sending, from what the
        // file names
        patch.put("demoAccountPassword", "");
        secret.add(Substitution.secret(Substitution.SECRET_FIELD, spec.demoAccountPassword()));
      }
    }
    field(changes, patch, "notes", spec.notes(), have.notes());
    if (changes.isEmpty()) {
      return;
    }
    ctx.out().action(new Action.Update(address, have.id(), changes, "differs from the file"));
    ctx.out()
        .call(
            Phase.APP_INFO,
            new ApiCall(
                    "PATCH",
                    "/v1/betaAppReviewDetails/" + have.id(),
                    JsonApi.update("betaAppReviewDetails", have.id(), patch),
                    null,
                    "update " + address.local(),
                    List.of(address))
                .substituting(secret));
  }

  private static void field(
      List<Change> changes, Map<String, Object> patch, String name, Object wanted, Object have) {
    if (wanted != null && !Objects.equals(wanted, have)) {
      changes.add(new Change.Value(name, have, wanted));
      patch.put(name, wanted);
    }
  }
}
