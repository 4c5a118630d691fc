package dev.flightplan.api;

import java.util.List;

/**
 * HTTP 422: the request is well-formed but cannot be carried out now. Never retried by the client.
 */
public class UnprocessableException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnprocessableException(String message, String method, String path, List<ApiError> errors) {
    super(message, 422, method, path, errors, false, false, null);
  }
}
