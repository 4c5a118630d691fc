package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The app's {@code inactiveTesters} policy: testers with no session in the last {@code
 * noSessionDays} (one of Apple's usage periods: 7, 30, 90 or 365) whom flightplan has known for
 * more than {@code graceDays} leave the app. Exempt: testers the file lists, {@code keep}
 * (lower-cased emails), members of {@code keepGroups} (names, any case), and with {@code
 * keepInternal} members of internal groups. Planned by {@code kinds.hygiene}.
 */
public record InactiveTesterPolicy(
    int noSessionDays,
    int graceDays,
    List<String> keep,
    List<String> keepGroups,
    boolean keepInternal,
    SourcePos pos) {
  /** The periods of {@code GET /v1/apps/{id}/metrics/betaTesterUsages}, in days. */
  public static final Set<Integer> PERIODS = Set.of(7, 30, 90, 365);

  public static final int DEFAULT_GRACE_DAYS = 30;

  public InactiveTesterPolicy {
    if (!PERIODS.contains(noSessionDays)) {
      throw new IllegalArgumentException(
          "noSessionDays must be 7, 30, 90 or 365, got " + noSessionDays);
    }
    if (graceDays < 0) {
      throw new IllegalArgumentException("graceDays must not be negative: " + graceDays);
    }
    keep = List.copyOf(Objects.requireNonNullElse(keep, List.of()));
    keepGroups = List.copyOf(Objects.requireNonNullElse(keepGroups, List.of()));
  }

  /** The metric period as Apple names it: {@code P90D}. */
  public String period() {
    return "P" + noSessionDays + "D";
  }
}
