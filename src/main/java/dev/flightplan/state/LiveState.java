package dev.flightplan.state;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live state read for the apps in scope; {@code missing} lists bundle ids App Store Connect did
 * not return. {@code criterionOptions}: the recruitment criteria App Store Connect offers, device
 * family → OS versions (empty when the file sets no criteria, so they were not read). {@code
 * users}: the team's App Store Connect users, read only when a plan would add someone to an
 * internal group.
 */
public record LiveState(
    List<LiveApp> apps,
    List<String> missing,
    Map<String, List<String>> criterionOptions,
    TeamUsers users) {
  public LiveState {
    apps = List.copyOf(apps);
    missing = List.copyOf(missing);
    criterionOptions = Map.copyOf(criterionOptions);
    users = users == null ? TeamUsers.NOT_READ : users;
  }

  public LiveState(
      List<LiveApp> apps, List<String> missing, Map<String, List<String>> criterionOptions) {
    this(apps, missing, criterionOptions, TeamUsers.NOT_READ);
  }

  public LiveState(List<LiveApp> apps, List<String> missing) {
    this(apps, missing, Map.of());
  }

  /** This state with the team's users as read (or refused). */
  public LiveState withUsers(TeamUsers read) {
    return new LiveState(apps, missing, criterionOptions, read);
  }

  public Optional<LiveApp> app(String bundleId) {
    return apps.stream().filter(a -> a.bundleId().equals(bundleId)).findFirst();
  }
}
