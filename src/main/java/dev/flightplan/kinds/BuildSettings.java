package dev.flightplan.kinds;

import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.state.LiveBuild;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A build's own settings: export compliance ({@code usesNonExemptEncryption}), auto-notify (its
 * build beta detail) and What to Test per locale (its beta build localizations). Export compliance
 * and auto-notify are set before the build is given to anyone; What to Test before it is submitted
 * for review. A locale App Store Connect holds twice keeps its lowest id; the other copies are
 * deleted ({@link Duplicates}).
 */
final class BuildSettings {
  static final String LOCALIZATION = "betaBuildLocalizations";

  private BuildSettings() {}

  static void plan(AppContext ctx, BuildSpec spec, LiveBuild build) {
    Address address = new Address(ctx.app(), "build", build.label());
    List<Change> changes = new ArrayList<>();
    if (spec.usesNonExemptEncryption() != null
        && !spec.usesNonExemptEncryption().equals(build.usesNonExemptEncryption())) {
      changes.add(
          new Change.Value(
              "usesNonExemptEncryption",
              build.usesNonExemptEncryption(),
              spec.usesNonExemptEncryption()));
      ctx.out()
          .call(
              Phase.BUILD_UPDATE,
              new ApiCall(
                  "PATCH",
                  "/v1/builds/" + build.id(),
                  JsonApi.update(
                      "builds",
                      build.id(),
                      Map.of("usesNonExemptEncryption", spec.usesNonExemptEncryption())),
                  null,
                  "set the export compliance of " + address.local(),
                  List.of(address)));
    }
    LiveBuild.LiveBetaDetail detail = build.betaDetail();
    if (spec.autoNotify() != null && detail != null && spec.autoNotify() != detail.autoNotify()) {
      changes.add(new Change.Value("autoNotify", detail.autoNotify(), spec.autoNotify()));
      ctx.out()
          .call(
              Phase.BUILD_UPDATE,
              new ApiCall(
                  "PATCH",
                  "/v1/buildBetaDetails/" + detail.id(),
                  JsonApi.update(
                      "buildBetaDetails",
                      detail.id(),
                      Map.of("autoNotifyEnabled", spec.autoNotify())),
                  null,
                  (spec.autoNotify() ? "turn on" : "turn off")
                      + " auto-notify for "
                      + address.local(),
                  List.of(address)));
    }
    if (spec.whatToTest() != null && build.whatToTest() != null) {
      whatToTest(ctx, spec.whatToTest(), build, address, changes);
    }
    if (!changes.isEmpty()) {
      ctx.out().action(new Action.Update(address, build.id(), changes, "differs from the file"));
    }
  }

  private static void whatToTest(
      AppContext ctx,
      Map<String, String> wanted,
      LiveBuild build,
      Address address,
      List<Change> changes) {
    for (Map.Entry<String, String> w : wanted.entrySet()) {
      LiveBuild.LiveText have = build.whatToTest().get(w.getKey());
      String attr = "whatToTest[" + w.getKey() + "]";
      if (have == null) {
        changes.add(new Change.Value(attr, null, w.getValue()));
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("whatsNew", w.getValue());
        attrs.put("locale", w.getKey());
        ctx.out()
            .call(
                Phase.BUILD_LOCALIZATION,
                new ApiCall(
                        "POST",
                        "/v1/" + LOCALIZATION,
                        JsonApi.create(
                            LOCALIZATION,
                            attrs,
                            Map.of("build", new Linkage("builds", build.id()))),
                        null,
                        "add the " + w.getKey() + " What to Test of " + address.local(),
                        List.of(address))
                    .readingBack(
                        ReadBack.find(
                            Query.of("/v1/" + LOCALIZATION)
                                .param("filter[build]", build.id())
                                .param("filter[locale]", w.getKey())
                                .param("fields[" + LOCALIZATION + "]", "locale")
                                .param("limit", 200)
                                .build(),
                            LOCALIZATION,
                            "locale",
                            w.getKey())));
      } else if (!Objects.equals(w.getValue(), have.text())) {
        changes.add(new Change.Value(attr, have.text(), w.getValue()));
        ctx.out()
            .call(
                Phase.BUILD_LOCALIZATION,
                new ApiCall(
                    "PATCH",
                    "/v1/" + LOCALIZATION + "/" + have.id(),
                    JsonApi.update(LOCALIZATION, have.id(), Map.of("whatsNew", w.getValue())),
                    null,
                    "change the " + w.getKey() + " What to Test of " + address.local(),
                    List.of(address)));
      }
    }
    List<String> unlisted = new ArrayList<>();
    for (Map.Entry<String, LiveBuild.LiveText> h : new TreeMap<>(build.whatToTest()).entrySet()) {
      if (wanted.containsKey(h.getKey())) {
        continue;
      }
      if (!ctx.options().prune()) {
        unlisted.add(h.getKey());
        continue;
      }
      changes.add(new Change.Value("whatToTest[" + h.getKey() + "]", h.getValue().text(), null));
      ctx.out()
          .call(
              Phase.BUILD_LOCALIZATION,
              new ApiCall(
                  "DELETE",
                  "/v1/" + LOCALIZATION + "/" + h.getValue().id(),
                  null,
                  null,
                  "remove the " + h.getKey() + " What to Test of " + address.local(),
                  List.of(address)));
    }
    if (!unlisted.isEmpty()) {
      ctx.out()
          .note(
              address.app(),
              address.toString(),
              "What to Test in "
                  + String.join(", ", unlisted)
                  + " is not in the file and would be deleted with --prune");
    }
    copies(ctx, wanted, build);
  }

  /**
   * The extra copies of a locale's What to Test ({@link Duplicates}): deleted when the file lists
   * the locale, or when --prune deletes the locale; otherwise left like the kept copy.
   */
  private static void copies(AppContext ctx, Map<String, String> wanted, LiveBuild build) {
    for (LiveBuild.LiveCopy copy : build.whatToTestCopies()) {
      Address kept = new Address(ctx.app(), "whatToTest", build.label() + " " + copy.locale());
      Attributes before =
          Attributes.builder().put("build", build.label()).put("text", copy.text()).build();
      if (wanted.containsKey(copy.locale())) {
        Duplicates.delete(
            ctx,
            Phase.BUILD_LOCALIZATION,
            LOCALIZATION,
            kept,
            build.whatToTest().get(copy.locale()).id(),
            Duplicates.LOWEST_ID,
            copy.id(),
            before);
      } else if (ctx.options().prune()) {
        Duplicates.delete(
            ctx,
            Phase.BUILD_LOCALIZATION,
            LOCALIZATION,
            Duplicates.address(kept, copy.id()),
            copy.id(),
            before,
            "not in the file's What to Test of build " + build.label() + ", and --prune was given");
      }
    }
  }
}
