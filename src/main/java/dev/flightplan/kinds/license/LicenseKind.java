package dev.flightplan.kinds.license;

import dev.flightplan.api.JsonApi;
import dev.flightplan.config.AppSpec;
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
import dev.flightplan.state.AppPart;
import dev.flightplan.state.LiveApp;
import java.util.List;
import java.util.Map;

/**
 * The app's beta license agreement, a singleton that always exists and is only ever updated: its
 * text.
 */
public final class LicenseKind implements Kind {
  public static final String TYPE = "licenseAgreement";

  /** Read from the apps lookup when the file sets the agreement. */
  public static final AppPart<LiveLicense> LIVE =
      new AppPart<>(
          "license",
          "betaLicenseAgreement",
          "betaLicenseAgreements",
          List.of("agreementText"),
          false,
          app -> app.licenseAgreement() != null,
          found ->
              found.stream()
                  .findFirst()
                  .map(r -> new LiveLicense(r.id(), r.string("agreementText")))
                  .orElse(null),
          LiveLicense::fingerprint);

  @Override
  public List<String> types() {
    return List.of(TYPE);
  }

  @Override
  public List<AppPart<?>> reads() {
    return List.of(LIVE);
  }

  @Override
  public AppSpec pull(LiveApp app, AppSpec into, Pulling pulling) {
    LiveLicense live = app.part(LIVE);
    return into.withLicenseAgreement(live == null ? null : live.text());
  }

  @Override
  public void write(AppSpec app, String memo, YamlOut out) {
    if (app.licenseAgreement() != null) {
      out.text(YamlOut.IN_APP, TYPE, app.licenseAgreement());
    }
  }

  @Override
  public void plan(AppContext ctx) {
    String wanted = ctx.desired().licenseAgreement();
    LiveLicense have = ctx.live().part(LIVE);
    if (wanted == null) {
      return;
    }
    Address address = new Address(ctx.app(), TYPE, ctx.app());
    if (have == null) {
      ctx.out()
          .diagnostic(
              Diagnostic.error(
                  ctx.desired().pos(),
                  "App Store Connect returned no beta license agreement for " + ctx.app(),
                  "every app has one; check that the API key may read the app's TestFlight information"));
      return;
    }
    if (wanted.equals(have.text())) {
      return;
    }
    ctx.out()
        .action(
            new Action.Update(
                address,
                have.id(),
                List.of(new Change.Value("agreementText", have.text(), wanted)),
                "differs from the file"));
    ctx.out()
        .call(
            Phase.APP_INFO,
            new ApiCall(
                "PATCH",
                "/v1/betaLicenseAgreements/" + have.id(),
                JsonApi.update("betaLicenseAgreements", have.id(), Map.of("agreementText", wanted)),
                null,
                "update " + address.local(),
                List.of(address)));
  }
}
