package dev.flightplan.plan;

import dev.flightplan.state.BuildStatuses;
import java.util.Objects;

/**
 * A build the file gives to a group or a tester (or submits for beta review) that App Store Connect
 * does not take yet, for a reason that changes by itself: it is still processing, or has not passed
 * beta review, or (with {@code apply --wait}) App Store Connect does not list it yet, as for some
 * minutes after an upload. {@code apply --wait} watches these builds and applies again when one of
 * them changes. A build not listed has no id: {@code unlisted} says how to look for it.
 */
public record PendingBuild(
    String app, String buildId, String label, String reason, BuildStatuses.Where unlisted) {
  public PendingBuild {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(reason, "reason");
    if ((buildId == null) == (unlisted == null)) {
      throw new IllegalArgumentException(
          "a pending build has an id or, not listed yet, where to look for it");
    }
  }

  /** A listed build, by its id. */
  public PendingBuild(String app, String buildId, String label, String reason) {
    this(app, Objects.requireNonNull(buildId, "buildId"), label, reason, null);
  }

  /** The build's id, or for a build not listed yet a key that names where it will appear. */
  public String key() {
    return buildId != null ? buildId : unlisted.key();
  }
}
