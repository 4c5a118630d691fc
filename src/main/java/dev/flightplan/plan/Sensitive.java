package dev.flightplan.plan;

/**
 * Stands in a plan for a secret value (a demo account password), which plans, views and files never
 * hold.
 */
public enum Sensitive {
  VALUE;

  /** How JSON plans show it, and how a saved plan's reader recognizes it. */
  public static final String TEXT = "(sensitive value)";

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String toString() {
    return TEXT;
  }
}
