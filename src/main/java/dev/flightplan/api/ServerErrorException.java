package dev.flightplan.api;

import java.util.List;

/**
 * HTTP 5xx. Retryable when the request was idempotent; for a create the outcome is unknown, because
 * the server may have created the resource before failing, so it is not retryable and the caller
 * must read back.
 */
public class ServerErrorException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerErrorException(
      String message,
      int status,
      String method,
      String path,
      List<ApiError> errors,
      boolean idempotent) {
    super(message, status, method, path, errors, idempotent, !idempotent, null);
  }
}
