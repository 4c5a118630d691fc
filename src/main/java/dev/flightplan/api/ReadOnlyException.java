package dev.flightplan.api;

import java.util.List;

/**
 * A write the client refused to send because it is read-only ({@code --read-only}): nothing reached
 * the server. Not retryable; the outcome is known (nothing happened).
 */
public final class ReadOnlyException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ReadOnlyException(String method, String path) {
    super(
        method + " " + path + ": refused, the client is read-only (--read-only): nothing was sent",
        0,
        method,
        path,
        List.of(),
        false,
        false,
        null);
  }
}
