package dev.flightplan.sandbox;

import java.util.Objects;

/**
 * What Beta App Review needs to know about an app: contact and demo account. Exactly one per app,
 * existing from the start; every field may be null. {@link #toString()} masks the demo password, so
 * that it never reaches a log.
 */
record ReviewDetail(
    String id,
    String app,
    String contactEmail,
    String contactFirstName,
    String contactLastName,
    String contactPhone,
    String demoAccountName,
    String demoAccountPassword,
    Boolean demoAccountRequired,
    String notes) {
  ReviewDetail {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(app, "app");
  }

  static ReviewDetail empty(String id, String app) {
    return new ReviewDetail(id, app, null, null, null, null, null, null, false, null);
  }

  @Override
  public String toString() {
    return "ReviewDetail[id="
        + id
        + ", app="
        + app
        + ", contactEmail="
        + contactEmail
        + ", contactFirstName="
        + contactFirstName
        + ", contactLastName="
        + contactLastName
        + ", contactPhone="
        + contactPhone
        + ", demoAccountName="
        + demoAccountName
        + ", demoAccountPassword="
        + (demoAccountPassword == null ? null : "***")
        + ", demoAccountRequired="
        + demoAccountRequired
        + ", notes="
        + notes
        + "]";
  }
}
