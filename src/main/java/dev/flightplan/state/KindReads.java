package dev.flightplan.state;

import java.util.List;

/**
 * What the kinds declared they need read, which the state reader merges into its requests: parts of each app
 * ({@link AppPart}, in the apps lookup) and parts of each build ({@link BuildPart}, in the builds request).
 */
public record KindReads(List<AppPart<?>> apps, List<BuildPart<?>> builds) {
  public static final KindReads NONE = new KindReads(List.of(), List.of());

  public KindReads {
    apps = List.copyOf(apps);
    builds = List.copyOf(builds);
  }
}
