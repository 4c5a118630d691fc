package dev.flightplan.state;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads an app's beta information (localizations, license agreement, review details) from the app lookup itself,
 * where it is included, so that it costs no request of its own; only more than 50 localizations need a page more.
 */
final class AppInfoReader {
  static final String RELATIONSHIPS = "betaAppLocalizations,betaLicenseAgreement,betaAppReviewDetail";

  private final AscClient client;

  AppInfoReader(AscClient client) {
    this.client = client;
  }

  static Query include(Query query) {
    return query
        .param("include", RELATIONSHIPS)
        .param("fields[betaAppLocalizations]", "locale,description,feedbackEmail,marketingUrl,privacyPolicyUrl,tvOsPrivacyPolicy")
        .param("fields[betaLicenseAgreements]", "agreementText")
        .param(
            "fields[betaAppReviewDetails]",
            "contactEmail,contactFirstName,contactLastName,contactPhone,demoAccountRequired,demoAccountName,demoAccountPassword,notes")
        .param("limit[betaAppLocalizations]", ToMany.INCLUDED);
  }

  LiveAppInfo read(Resource app, Document page) {
    Supplier<String> rest = () -> Query.of("/v1/apps/" + app.id() + "/betaAppLocalizations").param("limit", StateReader.PAGE).build();
    List<Resource> localizations = ToMany.resources(client, app, "betaAppLocalizations", page, rest);
    List<LiveAppInfo.LiveLocalization> locs = new ArrayList<>();
    for (Resource l : localizations) {
      locs.add(new LiveAppInfo.LiveLocalization(l.id(), l.string("locale"), l.string("description"), l.string("feedbackEmail"),
          l.string("marketingUrl"), l.string("privacyPolicyUrl"), l.string("tvOsPrivacyPolicy")));
    }
    locs.sort(java.util.Comparator.comparing(LiveAppInfo.LiveLocalization::locale).thenComparing(LiveAppInfo.LiveLocalization::id));
    LiveAppInfo.LiveLicense license =
        app.toOne("betaLicenseAgreement").flatMap(page::findIncluded)
            .map(r -> new LiveAppInfo.LiveLicense(r.id(), r.string("agreementText"))).orElse(null);
    LiveAppInfo.LiveReviewDetail review =
        app.toOne("betaAppReviewDetail").flatMap(page::findIncluded)
            .map(r -> new LiveAppInfo.LiveReviewDetail(r.id(), r.string("contactEmail"), r.string("contactFirstName"),
                r.string("contactLastName"), r.string("contactPhone"), r.bool("demoAccountRequired"), r.string("demoAccountName"),
                r.string("demoAccountPassword"), r.string("notes")))
            .orElse(null);
    return new LiveAppInfo(locs, license, review);
  }
}
