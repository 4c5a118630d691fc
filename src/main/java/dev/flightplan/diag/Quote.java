package dev.flightplan.diag;

/**
 * A value written by a user (a key, a name, an address) quoted in a message, so that where it
 * starts and ends is never in doubt: in double quotes, with backslash, double quote, newline and
 * tab escaped as in JSON. Views that print it on a terminal escape what remains ({@code
 * render/TerminalText}).
 */
public final class Quote {
  private Quote() {}

  public static String of(String s) {
    return "\""
        + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
        + "\"";
  }
}
