package dev.flightplan.api;

/**
 * The request was not sent because the thread sending it was interrupted while it waited to go out
 * (for the rate limit): the caller is stopping. {@link #neverSent()} says whether App Store Connect
 * has seen nothing of it, that is whether no earlier attempt of the same request can have taken
 * effect.
 */
public class StoppedException extends TransportException {
  private static final long serialVersionUID = 1L;

  private final boolean neverSent;

  public StoppedException(
      String message, String method, String path, boolean neverSent, Throwable cause) {
    super(message, method, path, false, !neverSent, cause);
    this.neverSent = neverSent;
  }

  /** True when no attempt of the request can have reached the server: nothing was done. */
  public boolean neverSent() {
    return neverSent;
  }
}
