package dev.flightplan.api;

/**
 * The server answered, but in a way the client will not build on: a collection whose pages do not
 * add up to {@code meta.paging.total}, a paging loop, a {@code links.next} to another host, a
 * success body that is not JSON, a body larger than the client reads ({@link ExchangeLimits}).
 * Status is the HTTP status of the offending response (0 when there is none to blame).
 */
public class UnexpectedResponseException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnexpectedResponseException(
      String message, int status, String method, String path, boolean retryable) {
    super(message, status, method, path, null, retryable, false, null);
  }

  /**
   * {@code outcomeUnknown}: the server may have carried out the request although its answer could
   * not be used.
   */
  public UnexpectedResponseException(
      String message,
      int status,
      String method,
      String path,
      boolean retryable,
      boolean outcomeUnknown) {
    super(message, status, method, path, null, retryable, outcomeUnknown, null);
  }
}
