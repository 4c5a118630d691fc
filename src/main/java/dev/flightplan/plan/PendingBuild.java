package dev.flightplan.plan;

import java.util.Objects;

/**
 * A build the file gives to a group or a tester (or submits for beta review) that App Store Connect does not take
 * yet, for a reason that changes by itself: it is still processing, or has not passed beta review. {@code apply
 * --wait} watches these builds and applies again when one of them changes.
 */
public record PendingBuild(String app, String buildId, String label, String reason) {
  public PendingBuild {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(buildId, "buildId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(reason, "reason");
  }
}
