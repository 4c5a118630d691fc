package dev.flightplan.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One app's live TestFlight state: its groups and testers, each list sorted by natural key. */
public record LiveApp(String id, String bundleId, String name, List<LiveGroup> groups, List<LiveTester> testers) {
  public LiveApp {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(bundleId, "bundleId");
    groups = List.copyOf(groups);
    testers = List.copyOf(testers);
  }

  public Optional<LiveGroup> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  public Optional<LiveTester> tester(String email) {
    return testers.stream().filter(t -> email.equals(t.email())).findFirst();
  }
}
