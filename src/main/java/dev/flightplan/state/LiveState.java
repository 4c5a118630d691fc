package dev.flightplan.state;

import java.util.List;
import java.util.Optional;

/** The live state read for the apps in scope; {@code missing} lists bundle ids App Store Connect did not return. */
public record LiveState(List<LiveApp> apps, List<String> missing) {
  public LiveState {
    apps = List.copyOf(apps);
    missing = List.copyOf(missing);
  }

  public Optional<LiveApp> app(String bundleId) {
    return apps.stream().filter(a -> a.bundleId().equals(bundleId)).findFirst();
  }
}
