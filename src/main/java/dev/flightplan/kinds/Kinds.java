package dev.flightplan.kinds;

import dev.flightplan.kinds.appclip.AppClipKind;
import dev.flightplan.kinds.expiry.BuildExpiry;
import dev.flightplan.kinds.hygiene.InactiveTesters;
import dev.flightplan.kinds.license.LicenseKind;
import dev.flightplan.kinds.localization.LocalizationKind;
import dev.flightplan.kinds.reviewdetail.ReviewDetailKind;
import dev.flightplan.plan.Planner;
import dev.flightplan.state.AppPart;
import dev.flightplan.state.BuildPart;
import dev.flightplan.state.KindReads;
import dev.flightplan.state.UsageRead;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry of managed kinds: the one place that lists them, and that says their order. Kinds
 * plan in the order of {@link #all()}: a kind may use what the kinds before it registered in the
 * context (a group's id, or the reference to the id its creation will produce, before testers are
 * added to it), so the group kind comes before the tester and build kinds. Plans show actions by
 * app, then in {@link #ACTION_ORDER} of their address type, then by key; API calls go by phase
 * ({@link dev.flightplan.plan.Phase}), which each call names.
 */
public final class Kinds {
  private Kinds() {}

  /** The address types of every kind's actions, in the order plans show them. */
  static final List<String> ACTION_ORDER =
      List.of(
          LocalizationKind.ADDRESS_TYPE,
          LicenseKind.TYPE,
          ReviewDetailKind.TYPE,
          "group",
          "tester",
          "build",
          "whatToTest",
          AppClipKind.INVOCATION,
          AppClipKind.TITLE,
          "reviewSubmission",
          "notification",
          "invitation");

  /** Every kind, in planning order. */
  public static List<Kind> all() {
    List<Kind> kinds =
        List.of(
            new LocalizationKind(),
            new LicenseKind(),
            new ReviewDetailKind(),
            new GroupKind(),
            new TesterKind(),
            new BuildKind(),
            new AppClipKind(),
            new BuildAssignmentKind(),
            // the hygiene policies (issue 18), each self-contained in its folder
            new InactiveTesters(),
            new BuildExpiry());
    Set<String> placed = new HashSet<>(ACTION_ORDER);
    for (Kind k : kinds) {
      if (!placed.containsAll(k.types())) {
        throw new IllegalStateException(
            k.getClass().getSimpleName()
                + " plans types "
                + k.types()
                + " missing from Kinds.ACTION_ORDER");
      }
    }
    return kinds;
  }

  /**
   * The attributes that hold a secret ({@link Kind#secretAttributes}), by the address type of the
   * actions they belong to; a type with none is absent.
   */
  public static Map<String, Set<String>> secretAttributes() {
    Map<String, Set<String>> byType = new java.util.HashMap<>();
    for (Kind k : all()) {
      if (!k.secretAttributes().isEmpty()) {
        k.types().forEach(type -> byType.put(type, k.secretAttributes()));
      }
    }
    return Map.copyOf(byType);
  }

  /** The planner of every kind. */
  public static Planner planner() {
    return new Planner(all(), ACTION_ORDER);
  }

  /**
   * What the kinds need read of each app, each build and the testers' usage, merged by the state
   * reader into its requests.
   */
  public static KindReads reads() {
    List<AppPart<?>> apps = new ArrayList<>();
    List<BuildPart<?>> builds = new ArrayList<>();
    UsageRead usage = null;
    for (Kind k : all()) {
      apps.addAll(k.reads());
      builds.addAll(k.buildReads());
      if (k.usageRead() != null) {
        if (usage != null) {
          // an app's reads hold one usage period (a saved plan's usage_period)
          throw new IllegalStateException(
              "two kinds read the testers' usage; "
                  + k.getClass().getSimpleName()
                  + " is the second");
        }
        usage = k.usageRead();
      }
    }
    return new KindReads(apps, builds, usage);
  }
}
