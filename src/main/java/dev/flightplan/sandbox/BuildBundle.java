package dev.flightplan.sandbox;

import java.util.Objects;

/** One bundle inside a build: the app itself ({@code APP}) or its App Clip ({@code APP_CLIP}). */
record BuildBundle(
    String id, String build, String bundleId, String bundleType, String minimumOsVersion) {
  BuildBundle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(bundleId, "bundleId");
    Objects.requireNonNull(bundleType, "bundleType");
  }

  boolean appClip() {
    return bundleType.equals("APP_CLIP");
  }
}
