package dev.flightplan.diag;

/**
 * How serious a diagnostic is: errors stop the command, warnings are shown and the command goes on.
 */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
