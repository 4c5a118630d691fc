package dev.flightplan.kinds;

import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.config.CriterionSpec;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.plan.Substitution;
import dev.flightplan.state.LiveGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The recruitment criteria of an external group's public link (one {@code betaRecruitmentCriteria}
 * resource per group): created, updated or deleted with the group's settings. Every device family
 * and OS version is checked against the options App Store Connect offers, so a typo is an error
 * with the valid choices, not a refusal.
 */
final class RecruitmentCriteria {
  static final String TYPE = "betaRecruitmentCriteria";
  private static final Comparator<LiveGroup.Filter> ORDER =
      Comparator.comparing(LiveGroup.Filter::deviceFamily)
          .thenComparing(f -> Objects.requireNonNullElse(f.minOs(), ""))
          .thenComparing(f -> Objects.requireNonNullElse(f.maxOs(), ""));

  private RecruitmentCriteria() {}

  /**
   * The criteria the file wants, in the API's form and a stable order; null when the file does not
   * manage them.
   */
  static List<LiveGroup.Filter> desired(GroupSpec spec) {
    if (spec.publicLink() == null || spec.publicLink().criteria() == null) {
      return null;
    }
    List<LiveGroup.Filter> filters = new ArrayList<>();
    spec.publicLink()
        .criteria()
        .forEach(c -> filters.add(new LiveGroup.Filter(c.deviceFamily(), c.minOs(), c.maxOs())));
    filters.sort(ORDER);
    return filters;
  }

  static List<String> labels(List<LiveGroup.Filter> filters) {
    return filters == null ? null : filters.stream().map(LiveGroup.Filter::label).toList();
  }

  static void plan(GroupPlan p, GroupSpec spec, LiveGroup live) {
    List<LiveGroup.Filter> wanted = desired(spec);
    if (wanted == null) {
      return;
    }
    LiveGroup.LiveCriteria current = live == null ? null : live.criteria();
    List<LiveGroup.Filter> currentFilters =
        current == null ? List.of() : current.filters().stream().sorted(ORDER).toList();
    if (current != null && currentFilters.equals(wanted)) {
      return; // unchanged criteria are not checked again: an OS version Apple no longer offers may
      // stay (a pulled file)
    }
    if (current == null && wanted.isEmpty() || !valid(p, spec)) {
      return;
    }
    if (live != null) {
      p.change(
          "criteria",
          current == null ? null : labels(currentFilters),
          wanted.isEmpty() ? null : labels(wanted));
    }
    if (wanted.isEmpty()) {
      p.ctx
          .out()
          .call(
              Phase.RECRUITMENT_CRITERIA,
              new ApiCall(
                  "DELETE",
                  "/v1/" + TYPE + "/" + current.id(),
                  null,
                  null,
                  "remove the recruitment criteria of " + p.address.local(),
                  List.of(p.address)));
    } else if (current == null) {
      Map<String, Object> rels = new LinkedHashMap<>();
      List<Substitution> ids = new ArrayList<>();
      rels.put(
          "betaGroup",
          new Linkage(
              GroupKind.TYPE,
              Substitution.place(p.groupId, Substitution.relationshipId("betaGroup"), ids)));
      p.ctx
          .out()
          .call(
              Phase.RECRUITMENT_CRITERIA,
              new ApiCall(
                      "POST",
                      "/v1/" + TYPE,
                      JsonApi.create(TYPE, attributes(wanted), rels),
                      null,
                      "set the recruitment criteria of " + p.address.local(),
                      List.of(p.address))
                  .substituting(ids)
                  // a group has at most one: any criteria read back are these (a 404 reads as none)
                  .readingBack(
                      ReadBack.find(
                              Query.of("/v1/betaGroups/" + p.groupId.inPath() + "/" + TYPE)
                                  .param("fields[" + TYPE + "]", "deviceFamilyOsVersionFilters")
                                  .build(),
                              TYPE)
                          .withIdInPath(p.groupId)));
    } else {
      p.ctx
          .out()
          .call(
              Phase.RECRUITMENT_CRITERIA,
              new ApiCall(
                  "PATCH",
                  "/v1/" + TYPE + "/" + current.id(),
                  JsonApi.update(TYPE, current.id(), attributes(wanted)),
                  null,
                  "change the recruitment criteria of " + p.address.local(),
                  List.of(p.address)));
    }
  }

  private static Map<String, Object> attributes(List<LiveGroup.Filter> filters) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (LiveGroup.Filter f : filters) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("deviceFamily", f.deviceFamily());
      if (f.minOs() != null) {
        m.put("minimumOsInclusive", f.minOs());
      }
      if (f.maxOs() != null) {
        m.put("maximumOsInclusive", f.maxOs());
      }
      list.add(m);
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("deviceFamilyOsVersionFilters", list);
    return attrs;
  }

  /**
   * Checks each criterion against App Store Connect's options; reports every problem; true when all
   * are valid.
   */
  private static boolean valid(GroupPlan p, GroupSpec spec) {
    Map<String, List<String>> options = p.ctx.criterionOptions();
    if (options.isEmpty()) {
      return true;
    }
    boolean ok = true;
    for (CriterionSpec c : spec.publicLink().criteria()) {
      List<String> versions = options.get(c.deviceFamily());
      if (versions == null) {
        p.ctx
            .out()
            .diagnostic(
                Diagnostic.error(
                    c.pos(),
                    "App Store Connect offers no recruitment criteria for device family \""
                        + c.deviceFamily()
                        + "\"",
                    "valid device families: "
                        + String.join(", ", new java.util.TreeSet<>(options.keySet()))));
        ok = false;
        continue;
      }
      for (String os : new String[] {c.minOs(), c.maxOs()}) {
        if (os != null && !versions.contains(os)) {
          p.ctx
              .out()
              .diagnostic(
                  Diagnostic.error(
                      c.pos(),
                      "App Store Connect offers no OS version \""
                          + os
                          + "\" for "
                          + c.deviceFamily(),
                      "valid versions: " + summarise(versions)));
          ok = false;
        }
      }
    }
    return ok;
  }

  private static String summarise(List<String> versions) {
    if (versions.size() <= 12) {
      return String.join(", ", versions);
    }
    return String.join(", ", versions.subList(0, 6))
        + ", … , "
        + String.join(", ", versions.subList(versions.size() - 6, versions.size()));
  }
}
