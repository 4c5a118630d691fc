package dev.flightplan.state;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.BuildRef;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.DesiredState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the state reader reads for each app, derived from the file: only what the file manages costs
 * requests. A saved plan keeps it, so that checking the plan for staleness reads exactly what
 * planning read. {@code users}: the team's App Store Connect users, which planning reads only once
 * it knows that an internal group gains a member (see {@link #withUsers}).
 */
public record ReadScope(Map<String, AppReads> apps, boolean criterionOptions, boolean users) {
  public ReadScope {
    apps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(apps));
  }

  /** A scope without the team's users. */
  public ReadScope(Map<String, AppReads> apps, boolean criterionOptions) {
    this(apps, criterionOptions, false);
  }

  /** This scope, reading the team's users or not. */
  public ReadScope withUsers(boolean read) {
    return new ReadScope(apps, criterionOptions, read);
  }

  /**
   * For one app: its builds (when the file names builds or enables a public link), its parts
   * ({@link AppPart}: its beta information, when a kind wants one of them), its groups' recruitment
   * criteria, and, by the name of each part kinds declared of builds ({@link BuildPart}), the
   * builds whose entries in the file want that part read in full ({@code allBuildParts}: every
   * build that has the part, for {@code pull}, which does not know the builds before reading them).
   * {@code usagePeriod}: the period of the testers' usage metrics a kind needs ({@link UsageRead}:
   * {@code P90D}), or null when they are not read.
   */
  public record AppReads(
      boolean builds,
      boolean info,
      boolean criteria,
      Map<String, List<BuildRef>> buildParts,
      boolean allBuildParts,
      String usagePeriod) {
    public static final AppReads MINIMAL = new AppReads(false, false, false, Map.of());

    /** Everything flightplan manages of an app. */
    public static final AppReads EVERYTHING = new AppReads(true, true, true, Map.of(), true);

    public AppReads {
      // sorted by part name, so that a saved plan lists them in one order
      TreeMap<String, List<BuildRef>> parts = new TreeMap<>();
      buildParts.forEach((name, refs) -> parts.put(name, List.copyOf(refs)));
      buildParts = Collections.unmodifiableSortedMap(parts);
    }

    public AppReads(
        boolean builds,
        boolean info,
        boolean criteria,
        Map<String, List<BuildRef>> buildParts,
        boolean allBuildParts) {
      this(builds, info, criteria, buildParts, allBuildParts, null);
    }

    public AppReads(
        boolean builds, boolean info, boolean criteria, Map<String, List<BuildRef>> buildParts) {
      this(builds, info, criteria, buildParts, false);
    }
  }

  /** Groups and testers only, for these apps. */
  public static ReadScope minimal(List<String> bundleIds) {
    Map<String, AppReads> apps = new LinkedHashMap<>();
    bundleIds.forEach(b -> apps.put(b, AppReads.MINIMAL));
    return new ReadScope(apps, false);
  }

  /**
   * Everything flightplan manages of these apps (what {@code pull} reads), without the criteria
   * options.
   */
  public static ReadScope everything(List<String> bundleIds) {
    Map<String, AppReads> apps = new LinkedHashMap<>();
    bundleIds.forEach(b -> apps.put(b, AppReads.EVERYTHING));
    return new ReadScope(apps, false);
  }

  /**
   * What the file's apps need read; the app's parts (its beta information) when one of them is
   * wanted, and for each part of builds the builds whose entries want it.
   */
  public static ReadScope of(DesiredState desired, KindReads reads) {
    Map<String, AppReads> apps = new LinkedHashMap<>();
    boolean options = false;
    for (AppSpec app : desired.apps()) {
      boolean builds =
          !app.builds().isEmpty()
              || app.buildExpiry() != null
              || app.groups().stream()
                  .anyMatch(
                      g -> g.builds() != null || g.publicLink() != null && g.publicLink().enabled())
              || app.testers().stream().anyMatch(t -> t.builds() != null);
      boolean info = reads.apps().stream().anyMatch(p -> p.wanted().test(app));
      boolean criteria =
          app.groups().stream()
              .anyMatch(g -> g.publicLink() != null && g.publicLink().criteria() != null);
      options |=
          app.groups().stream()
              .anyMatch(
                  g ->
                      g.publicLink() != null
                          && g.publicLink().criteria() != null
                          && !g.publicLink().criteria().isEmpty());
      Map<String, List<BuildRef>> parts = new TreeMap<>();
      for (BuildPart<?> part : reads.builds()) {
        List<BuildRef> wanted = new ArrayList<>();
        for (BuildSpec b : app.builds()) {
          if (part.wanted().test(b)) {
            wanted.add(
                new BuildRef(
                    b.ref().platform(),
                    b.ref().version(),
                    b.ref().number(),
                    b.ref().latest(),
                    null));
          }
        }
        parts.put(part.name(), wanted);
      }
      String usage = reads.usage() == null ? null : reads.usage().period().apply(app);
      apps.put(app.bundleId(), new AppReads(builds, info, criteria, parts, false, usage));
    }
    return new ReadScope(apps, options);
  }

  public AppReads app(String bundleId) {
    return apps.getOrDefault(bundleId, AppReads.MINIMAL);
  }
}
