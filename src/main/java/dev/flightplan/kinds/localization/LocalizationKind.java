package dev.flightplan.kinds.localization;

import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.LocalizationSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.kinds.Duplicates;
import dev.flightplan.kinds.Kind;
import dev.flightplan.kinds.Pulling;
import dev.flightplan.kinds.YamlOut;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.state.AppPart;
import dev.flightplan.state.Copies;
import dev.flightplan.state.LiveApp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Beta app localizations, keyed by (app, locale): created, updated field by field (the locale
 * cannot change once created), and deleted when the file lists localizations but not that locale,
 * with {@code --prune}. A locale App Store Connect holds twice keeps its lowest id; the other
 * copies are deleted ({@link Duplicates}).
 */
public final class LocalizationKind implements Kind {
  static final String TYPE = "betaAppLocalizations";
  public static final String ADDRESS_TYPE = "localization";

  /**
   * Read from the apps lookup (up to 50 locales included; more cost a page of the app's own
   * endpoint): wanted when the file lists localizations or submits a build (beta review needs a
   * description in each). Sorted by locale.
   */
  public static final AppPart<List<LiveLocalization>> LIVE =
      new AppPart<>(
          "localizations",
          TYPE,
          TYPE,
          List.of(
              "locale",
              "description",
              "feedbackEmail",
              "marketingUrl",
              "privacyPolicyUrl",
              "tvOsPrivacyPolicy"),
          true,
          LocalizationKind::wanted,
          LocalizationKind::decode,
          all -> all.stream().map(LiveLocalization::fingerprint).toList());

  /** The fields in the order plans show them: the file's name and the API's. */
  static final Map<String, String> FIELDS = fields();

  private static Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("description", "description");
    f.put("feedbackEmail", "feedbackEmail");
    f.put("marketingUrl", "marketingUrl");
    f.put("privacyPolicyUrl", "privacyPolicyUrl");
    f.put("tvOsPrivacyPolicy", "tvOsPrivacyPolicy");
    return f;
  }

  @Override
  public List<String> types() {
    return List.of(ADDRESS_TYPE);
  }

  @Override
  public List<AppPart<?>> reads() {
    return List.of(LIVE);
  }

  private static boolean wanted(AppSpec app) {
    return app.localizations() != null
        || app.builds().stream().anyMatch(BuildSpec::submitForReview);
  }

  private static List<LiveLocalization> decode(List<Resource> found) {
    List<LiveLocalization> locs = new ArrayList<>();
    for (Resource l : found) {
      locs.add(
          new LiveLocalization(
              l.id(),
              l.string("locale"),
              l.string("description"),
              l.string("feedbackEmail"),
              l.string("marketingUrl"),
              l.string("privacyPolicyUrl"),
              l.string("tvOsPrivacyPolicy")));
    }
    locs.sort(Comparator.comparing(LiveLocalization::locale).thenComparing(LiveLocalization::id));
    return locs;
  }

  @Override
  public AppSpec pull(LiveApp app, AppSpec into, Pulling pulling) {
    return LocalizationPull.pull(app.part(LIVE), into, pulling);
  }

  @Override
  public void write(AppSpec app, String memo, YamlOut out) {
    LocalizationPull.write(app.localizations(), out);
  }

  @Override
  public void missingForBetaReview(AppContext ctx, String what, List<Diagnostic> problems) {
    LocalizationReadiness.missing(ctx, what, problems);
  }

  @Override
  public void plan(AppContext ctx) {
    List<LocalizationSpec> wanted = ctx.desired().localizations();
    List<LiveLocalization> live = ctx.live().part(LIVE);
    if (wanted == null || live == null) {
      return;
    }
    Map<String, List<LiveLocalization>> byLocale =
        Copies.byKey(live, LiveLocalization::locale, Comparator.comparing(LiveLocalization::id));
    for (LocalizationSpec spec : wanted) {
      List<LiveLocalization> copies = byLocale.remove(spec.locale());
      Address address = new Address(ctx.app(), ADDRESS_TYPE, spec.locale());
      if (copies == null) {
        create(ctx, spec, address);
        continue;
      }
      LiveLocalization have = copies.get(0);
      update(ctx, spec, have, address);
      for (LiveLocalization copy : copies.subList(1, copies.size())) {
        Duplicates.delete(
            ctx,
            Phase.APP_INFO,
            TYPE,
            address,
            have.id(),
            Duplicates.LOWEST_ID,
            copy.id(),
            attributes(values(copy)));
      }
    }
    List<String> unlisted = new ArrayList<>();
    for (List<LiveLocalization> copies : byLocale.values()) {
      LiveLocalization kept = copies.get(0);
      if (!ctx.options().prune()) {
        unlisted.add(kept.locale());
        continue;
      }
      Address address = new Address(ctx.app(), ADDRESS_TYPE, kept.locale());
      for (LiveLocalization extra : copies) {
        Duplicates.delete(
            ctx,
            Phase.APP_INFO,
            TYPE,
            extra == kept ? address : Duplicates.address(address, extra.id()),
            extra.id(),
            attributes(values(extra)),
            "not in the file's localizations, and --prune was given");
      }
    }
    if (!unlisted.isEmpty()) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              "localization(s) not in the file would be deleted with --prune: "
                  + String.join(", ", unlisted));
    }
  }

  private static void create(AppContext ctx, LocalizationSpec spec, Address address) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("locale", spec.locale());
    attrs.putAll(values(spec));
    ctx.out()
        .action(new Action.Create(address, attributes(values(spec)), "not in App Store Connect"));
    ctx.out()
        .call(
            Phase.APP_INFO,
            new ApiCall(
                    "POST",
                    "/v1/" + TYPE,
                    JsonApi.create(
                        TYPE, attrs, Map.of("app", new Linkage("apps", ctx.live().id()))),
                    null,
                    "create " + address.local(),
                    List.of(address))
                .readingBack(
                    ReadBack.find(
                        Query.of("/v1/" + TYPE)
                            .param("filter[app]", ctx.live().id())
                            .param("filter[locale]", spec.locale())
                            .param("fields[" + TYPE + "]", "locale")
                            .param("limit", 200)
                            .build(),
                        TYPE,
                        "locale",
                        spec.locale())));
  }

  private static void update(
      AppContext ctx, LocalizationSpec spec, LiveLocalization have, Address address) {
    Map<String, Object> wanted = values(spec);
    Map<String, Object> current = values(have);
    List<Change> changes = new ArrayList<>();
    Map<String, Object> patch = new LinkedHashMap<>();
    wanted.forEach(
        (field, value) -> {
          if (value != null && !Objects.equals(value, current.get(field))) {
            changes.add(new Change.Value(field, current.get(field), value));
            patch.put(FIELDS.get(field), value);
          }
        });
    if (changes.isEmpty()) {
      return;
    }
    ctx.out().action(new Action.Update(address, have.id(), changes, "differs from the file"));
    ctx.out()
        .call(
            Phase.APP_INFO,
            new ApiCall(
                "PATCH",
                "/v1/" + TYPE + "/" + have.id(),
                JsonApi.update(TYPE, have.id(), patch),
                null,
                "update " + address.local(),
                List.of(address)));
  }

  private static Map<String, Object> values(LocalizationSpec s) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("description", s.description());
    v.put("feedbackEmail", s.feedbackEmail());
    v.put("marketingUrl", s.marketingUrl());
    v.put("privacyPolicyUrl", s.privacyPolicyUrl());
    v.put("tvOsPrivacyPolicy", s.tvOsPrivacyPolicy());
    return v;
  }

  private static Map<String, Object> values(LiveLocalization l) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("description", l.description());
    v.put("feedbackEmail", l.feedbackEmail());
    v.put("marketingUrl", l.marketingUrl());
    v.put("privacyPolicyUrl", l.privacyPolicyUrl());
    v.put("tvOsPrivacyPolicy", l.tvOsPrivacyPolicy());
    return v;
  }

  private static Attributes attributes(Map<String, Object> values) {
    Attributes.Builder b = Attributes.builder();
    values.forEach(b::put);
    return b.build();
  }
}
