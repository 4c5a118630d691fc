package dev.flightplan.state;

import java.util.Objects;

/** A beta group as App Store Connect has it, with the attributes flightplan manages. */
public record LiveGroup(
    String id,
    String name,
    boolean internal,
    boolean accessToAllBuilds,
    boolean feedback,
    boolean publicLinkEnabled) {
  public LiveGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
