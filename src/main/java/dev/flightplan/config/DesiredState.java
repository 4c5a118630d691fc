package dev.flightplan.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole desired-state file, validated: the apps it describes, in file order, each with a unique
 * bundle id.
 */
public record DesiredState(String source, int version, List<AppSpec> apps) {
  public DesiredState {
    Objects.requireNonNull(source, "source");
    apps = List.copyOf(apps);
  }

  public Optional<AppSpec> app(String bundleId) {
    return apps.stream().filter(a -> a.bundleId().equals(bundleId)).findFirst();
  }
}
