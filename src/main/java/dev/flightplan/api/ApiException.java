package dev.flightplan.api;

import java.util.List;

/**
 * A request to App Store Connect that failed: an error status, an I/O failure, or a response the
 * client refuses to trust. It names the request ({@link #method()}, {@link #path()}: the path
 * without its query, which can hold e-mail addresses), carries the decoded errors, and says whether
 * retrying the same request later can help. The message never holds a token or key. Subclasses
 * stand for the statuses callers branch on.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final List<ApiError> errors;
  private final boolean retryable;
  private final boolean outcomeUnknown;

  /**
   * @param status the HTTP status, or 0 when there is no response to blame (I/O failure, refused
   *     link)
   * @param retryable whether sending the same request again later can succeed
   * @param outcomeUnknown whether the server may have carried out the request despite the failure
   *     (a create whose response was lost); the caller must read back before trying again
   */
  public ApiException(
      String message,
      int status,
      String method,
      String path,
      List<ApiError> errors,
      boolean retryable,
      boolean outcomeUnknown,
      Throwable cause) {
    super(message, cause);
    this.status = status;
    this.method = method;
    this.path = path;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.retryable = retryable;
    this.outcomeUnknown = outcomeUnknown;
  }

  /** The HTTP status, or 0 when there is no response to blame (I/O failure, refused link). */
  public int status() {
    return status;
  }

  /**
   * The first error's code ({@code ENTITY_ERROR.ATTRIBUTE.INVALID}), or null when the body had
   * none.
   */
  public String code() {
    return errors.isEmpty() ? null : errors.get(0).code();
  }

  /** The first error's title, or null. */
  public String title() {
    return errors.isEmpty() ? null : errors.get(0).title();
  }

  /** The first error's detail, or null. */
  public String detail() {
    return errors.isEmpty() ? null : errors.get(0).detail();
  }

  public String method() {
    return method;
  }

  /** The request path without its query string. */
  public String path() {
    return path;
  }

  public boolean retryable() {
    return retryable;
  }

  /** True when the server may have done what was asked: read back before repeating the request. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  public List<ApiError> errors() {
    return errors;
  }

  /**
   * True when any error's code equals {@code code} or lies below it ({@code STATE_ERROR} matches
   * {@code STATE_ERROR.X}).
   */
  public boolean hasCode(String code) {
    return errors.stream()
        .anyMatch(
            e -> e.code() != null && (e.code().equals(code) || e.code().startsWith(code + ".")));
  }
}
