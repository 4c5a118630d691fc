package dev.flightplan.state;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live state read for the apps in scope; {@code missing} lists bundle ids App Store Connect did not return.
 * {@code criterionOptions}: the recruitment criteria App Store Connect offers, device family → OS versions (empty
 * when the file sets no criteria, so they were not read).
 */
public record LiveState(List<LiveApp> apps, List<String> missing, Map<String, List<String>> criterionOptions) {
  public LiveState {
    apps = List.copyOf(apps);
    missing = List.copyOf(missing);
    criterionOptions = Map.copyOf(criterionOptions);
  }

  public LiveState(List<LiveApp> apps, List<String> missing) {
    this(apps, missing, Map.of());
  }

  public Optional<LiveApp> app(String bundleId) {
    return apps.stream().filter(a -> a.bundleId().equals(bundleId)).findFirst();
  }
}
