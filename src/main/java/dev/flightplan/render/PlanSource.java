package dev.flightplan.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a plan that {@code flightplan show} renders comes from: the saved plan file as the user
 * named it, and when that file was written ({@code plan -o} writes it when it plans; a plan holds
 * no timestamp of its own, so that the same plan always gives the same bytes).
 */
public record PlanSource(String file, Instant saved) {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  public PlanSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(saved, "saved");
  }

  /** When the file was saved, to the second, in UTC: {@code 2026-11-26 10:00:00 UTC}. */
  String when() {
    return WHEN.format(saved);
  }
}
