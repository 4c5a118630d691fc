package dev.flightplan.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request the sandbox answered and the answer it gave, as seen on the wire: the path is
 * decoded, the query is raw (still URL-encoded), bodies are null when there was none. Header maps
 * are immutable copies. {@code received} and {@code answered} place the exchange in time among all
 * of the sandbox's: numbers from one counter, taken when the request arrived and when its answer
 * was final (before it went out), so a request received after another was answered could have
 * waited for that answer, and one received before it could not.
 */
public record Exchange(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody,
    long received,
    long answered) {
  public Exchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    requestHeaders = copy(requestHeaders);
    responseHeaders = copy(responseHeaders);
  }

  /** An exchange not placed in time (made outside a sandbox). */
  public Exchange(
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> requestHeaders,
      String requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      String responseBody) {
    this(
        method,
        path,
        rawQuery,
        requestHeaders,
        requestBody,
        status,
        responseHeaders,
        responseBody,
        0,
        0);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
