package dev.flightplan.api;

import java.util.List;

/**
 * HTTP 403: the key may not do this (revoked key, missing role, or unsigned agreements). Never
 * retried by the client.
 */
public class ForbiddenException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message, String method, String path, List<ApiError> errors) {
    super(message, 403, method, path, errors, false, false, null);
  }
}
