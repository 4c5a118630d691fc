package dev.flightplan.state;

import java.util.List;

/**
 * What the kinds declared they need read, which the state reader merges into its requests: parts of
 * each app ({@link AppPart}, in the apps lookup), parts of each build ({@link BuildPart}, in the
 * builds request), and the testers' usage ({@code usage}: null when no kind reads it).
 */
public record KindReads(List<AppPart<?>> apps, List<BuildPart<?>> builds, UsageRead usage) {
  public static final KindReads NONE = new KindReads(List.of(), List.of(), null);

  public KindReads {
    apps = List.copyOf(apps);
    builds = List.copyOf(builds);
  }
}
