package dev.flightplan.api;

import java.util.List;

/** HTTP 404: the resource does not exist, or the key cannot see it. Never retried by the client. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message, String method, String path, List<ApiError> errors) {
    super(message, 404, method, path, errors, false, false, null);
  }
}
