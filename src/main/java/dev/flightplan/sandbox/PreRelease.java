package dev.flightplan.sandbox;

import java.util.Objects;

/**
 * A pre-release version of an app: the app version ({@code "2.3"}) on one platform, which builds
 * belong to.
 */
record PreRelease(String id, String app, String platform, String version) {
  PreRelease {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(version, "version");
  }
}
