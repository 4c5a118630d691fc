package dev.flightplan.sandbox;

/**
 * One endpoint: method, path template, the query parameters it accepts, and the handler that
 * answers it.
 */
record Route(String method, String template, QuerySpec query, Route.Handler handler) {
  /**
   * Answers one request; throws {@link ApiException} for an error answer. Runs under the state
   * lock.
   */
  @FunctionalInterface
  interface Handler {
    Response handle(Request request);
  }
}
