package dev.flightplan.plan;

/** Stands in a plan for a secret value (a demo account password), which plans, views and files never hold. */
public enum Sensitive {
  VALUE;

  @Override
  public String toString() {
    return "(sensitive value)";
  }
}
