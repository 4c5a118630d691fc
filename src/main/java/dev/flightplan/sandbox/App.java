package dev.flightplan.sandbox;

import java.util.Objects;

/**
 * An app of the team, as seeded (the API cannot create apps): numeric id, bundle id, name, SKU,
 * primary locale.
 */
record App(String id, String bundleId, String name, String sku, String primaryLocale) {
  App {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(bundleId, "bundleId");
    Objects.requireNonNull(name, "name");
  }
}
