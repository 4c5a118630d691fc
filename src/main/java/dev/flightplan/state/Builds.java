package dev.flightplan.state;

import dev.flightplan.config.BuildRef;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the live build a file's {@link BuildRef} names. Pure; shared by the state reader and the
 * planner.
 */
public final class Builds {
  private Builds() {}

  /**
   * The build with that platform, version and number; or, for {@code latest}, the most recently
   * uploaded build of that version that is processed and not expired.
   */
  public static Optional<LiveBuild> resolve(List<LiveBuild> builds, BuildRef ref) {
    var candidates =
        builds.stream()
            .filter(b -> ref.platform().equals(b.platform()) && ref.version().equals(b.version()));
    if (!ref.latest()) {
      return candidates.filter(b -> ref.number().equals(b.number())).findFirst();
    }
    return candidates
        .filter(LiveBuild::usable)
        .max(
            Comparator.comparing((LiveBuild b) -> b.uploadedDate() == null ? "" : b.uploadedDate())
                .thenComparing(LiveBuild::id));
  }

  /** Why a ref finds nothing, listing what exists, for a diagnostic. */
  public static String describeMissing(List<LiveBuild> builds, BuildRef ref) {
    List<LiveBuild> sameVersion =
        builds.stream()
            .filter(b -> ref.platform().equals(b.platform()) && ref.version().equals(b.version()))
            .toList();
    String what =
        ref.latest()
            ? "no processed, unexpired build of version " + ref.version()
            : "no build " + ref.label();
    if (sameVersion.isEmpty()) {
      String versions =
          builds.stream()
              .map(b -> b.version())
              .distinct()
              .sorted()
              .collect(Collectors.joining(", "));
      return what
          + " ("
          + ref.platform()
          + "); "
          + (versions.isEmpty() ? "the app has no builds" : "versions with builds: " + versions);
    }
    return what
        + "; builds of "
        + ref.version()
        + ": "
        + sameVersion.stream()
            .map(
                b ->
                    b.number()
                        + (b.usable()
                            ? ""
                            : b.expired()
                                ? " (expired)"
                                : " (" + b.processingState().toLowerCase() + ")"))
            .collect(Collectors.joining(", "));
  }
}
