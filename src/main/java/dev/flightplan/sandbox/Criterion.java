package dev.flightplan.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * The recruitment criteria of one external group's public link: which device families, and which OS
 * range of each, may join. At most one per group. Either end of a range may be open (null).
 */
record Criterion(String id, String group, String lastModifiedDate, List<OsFilter> filters) {
  /** One device family and its inclusive OS range. */
  record OsFilter(String deviceFamily, String minimumOsInclusive, String maximumOsInclusive) {
    OsFilter {
      Objects.requireNonNull(deviceFamily, "deviceFamily");
    }
  }

  Criterion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(lastModifiedDate, "lastModifiedDate");
    filters = List.copyOf(filters == null ? List.of() : filters);
  }
}
