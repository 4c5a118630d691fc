package dev.flightplan.api;

import java.util.List;

/**
 * HTTP 409: the request breaks a rule the API enforces (duplicate, wrong state). Never retried by
 * the client.
 */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message, String method, String path, List<ApiError> errors) {
    super(message, 409, method, path, errors, false, false, null);
  }
}
