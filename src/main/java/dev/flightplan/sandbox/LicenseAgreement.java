package dev.flightplan.sandbox;

import java.util.Objects;

/**
 * The beta license agreement of an app: exactly one per app, existing from the start; the text may
 * be null.
 */
record LicenseAgreement(String id, String app, String agreementText) {
  LicenseAgreement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(app, "app");
  }
}
