package dev.flightplan.api;

/**
 * Credentials that cannot be used: a variable or flag is missing, the key file is unreadable, or
 * its contents are not an App Store Connect key. The message says what to fix and never quotes the
 * key.
 */
public final class CredentialsException extends Exception {
  private static final long serialVersionUID = 1L;

  public CredentialsException(String message) {
    super(message);
  }
}
