package dev.flightplan.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * HTTP 429: the API key is over its allowance. The request was refused, so it is always safe to
 * repeat; the client already did so with backoff before throwing this. {@link #retryAfter()} is the
 * server's hint, if any.
 */
public class RateLimitedException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(
      String message, String method, String path, List<ApiError> errors, Duration retryAfter) {
    super(message, 429, method, path, errors, true, false, null);
    this.retryAfter = retryAfter;
  }

  /** The {@code Retry-After} of the last 429, when the server sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
