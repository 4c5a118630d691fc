package dev.flightplan.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One app's live TestFlight state: its groups and testers, each list sorted by natural key, and its
 * builds (newest upload first; empty when the file names no build, so none were read), the parts
 * kinds declared ({@link AppPart}: the app's beta information), empty when not read, and {@code
 * activity}: its testers' usage in the period the inactive-tester policy reads (empty when not
 * read), by tester id.
 */
public record LiveApp(
    String id,
    String bundleId,
    String name,
    List<LiveGroup> groups,
    List<LiveTester> testers,
    List<LiveBuild> builds,
    LiveParts parts,
    List<TesterActivity> activity) {
  public LiveApp {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(bundleId, "bundleId");
    groups = List.copyOf(groups);
    testers = List.copyOf(testers);
    builds = List.copyOf(builds);
    parts = parts == null ? LiveParts.NOT_READ : parts;
    activity = activity == null ? List.of() : List.copyOf(activity);
  }

  /** An app whose testers' usage was not read. */
  public LiveApp(
      String id,
      String bundleId,
      String name,
      List<LiveGroup> groups,
      List<LiveTester> testers,
      List<LiveBuild> builds,
      LiveParts parts) {
    this(id, bundleId, name, groups, testers, builds, parts, List.of());
  }

  public LiveApp(
      String id,
      String bundleId,
      String name,
      List<LiveGroup> groups,
      List<LiveTester> testers,
      List<LiveBuild> builds) {
    this(id, bundleId, name, groups, testers, builds, LiveParts.NOT_READ, List.of());
  }

  /** An app whose builds were not read. */
  public LiveApp(
      String id, String bundleId, String name, List<LiveGroup> groups, List<LiveTester> testers) {
    this(id, bundleId, name, groups, testers, List.of());
  }

  /**
   * The value of one of the app's parts; null when it is absent or was not read ({@code
   * parts().read(part)} tells them apart: a kind plans only when the file wants its part, and then
   * it was read).
   */
  public <T> T part(AppPart<T> part) {
    return parts.get(part);
  }

  public Optional<LiveGroup> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  public Optional<LiveTester> tester(String email) {
    return testers.stream().filter(t -> email.equals(t.email())).findFirst();
  }

  /**
   * Whether {@code tester} is NOT_INVITED and in groups of this app that are all internal: App
   * Store Connect emails such a tester only once a build is available to it (a member of an
   * external group is emailed when a build reaches the group), so this is the one never-invited
   * tester {@code invitations.onAdd} has flightplan invite.
   */
  public boolean uninvitedInInternalGroupsOnly(LiveTester tester) {
    if (!"NOT_INVITED".equals(tester.state()) || tester.groupIds().isEmpty()) {
      return false;
    }
    return groups.stream()
        .filter(g -> tester.groupIds().contains(g.id()))
        .allMatch(LiveGroup::internal);
  }
}
