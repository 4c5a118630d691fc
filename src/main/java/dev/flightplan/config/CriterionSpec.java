package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.Objects;

/**
 * One recruitment filter of a public link: who may join, by device family (IPHONE, IPAD, APPLE_TV,
 * APPLE_WATCH, MAC, VISION) and an optional inclusive OS version range.
 */
public record CriterionSpec(String deviceFamily, String minOs, String maxOs, SourcePos pos) {
  public CriterionSpec {
    Objects.requireNonNull(deviceFamily, "deviceFamily");
  }
}
