package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A beta App Clip invocation of a build, keyed by its URL, with a title per locale (sorted by
 * locale).
 */
public record InvocationSpec(String url, Map<String, String> titles, SourcePos pos) {
  public InvocationSpec {
    Objects.requireNonNull(url, "url");
    titles = java.util.Collections.unmodifiableMap(new TreeMap<>(titles));
  }
}
