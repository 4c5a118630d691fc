package dev.flightplan.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request the sandbox answered and the answer it gave, as seen on the wire: the path is decoded, the query is
 * raw (still URL-encoded), bodies are null when there was none. Header maps are immutable copies.
 */
public record Exchange(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody) {
  public Exchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    requestHeaders = copy(requestHeaders);
    responseHeaders = copy(responseHeaders);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
