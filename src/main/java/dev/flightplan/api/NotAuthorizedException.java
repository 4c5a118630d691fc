package dev.flightplan.api;

import java.util.List;

/**
 * HTTP 401: the token was rejected (expired, wrong key, or clock skew). Never retried by the
 * client.
 */
public class NotAuthorizedException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotAuthorizedException(String message, String method, String path, List<ApiError> errors) {
    super(message, 401, method, path, errors, false, false, null);
  }
}
