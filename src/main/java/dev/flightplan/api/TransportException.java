package dev.flightplan.api;

import java.util.List;

/**
 * No usable response: connection refused or reset, timeout, TLS failure, interrupted wait. Status
 * is 0. When the request may have reached the server and was not idempotent, the outcome is unknown
 * and it is not retryable.
 */
public class TransportException extends ApiException {
  private static final long serialVersionUID = 1L;

  public TransportException(
      String message,
      String method,
      String path,
      boolean retryable,
      boolean outcomeUnknown,
      Throwable cause) {
    super(message, 0, method, path, List.of(), retryable, outcomeUnknown, cause);
  }
}
