package dev.flightplan.sandbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * Reads the seed's beta usage ({@code usage} and {@code publicLinkUsage}, described in the package
 * documentation) into {@link Usage}: apps by bundle id or id, testers by email, builds as {@code
 * "version (number)"} of the app, groups by name within the app; each entry dated by {@code date}
 * or by {@code daysAgo} (days before the seed is loaded); counts default to 0 and must not be
 * negative.
 */
final class SeedUsage {
  /** One tester's activity with an app on one day. */
  record TesterUsage(
      String app,
      String tester,
      String build,
      String date,
      Integer daysAgo,
      Integer sessions,
      Integer crashes,
      Integer feedback,
      Integer installs) {}

  /** What a group's public link saw on one day. */
  record LinkUsage(
      String app,
      String group,
      String date,
      Integer daysAgo,
      Integer views,
      Integer accepted,
      Integer didNotAccept,
      Integer didNotMeetCriteria,
      Integer notRelevant,
      Integer notClear,
      Integer notInteresting) {}

  private final SandboxState state;
  private final LocalDate today;

  SeedUsage(SandboxState state, Clock clock) {
    this.state = state;
    this.today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  void load(List<TesterUsage> testers, List<LinkUsage> links) {
    for (TesterUsage u : testers) {
      App app = app(u.app());
      Objects.requireNonNull(u.tester(), "every usage entry needs a tester (an email)");
      Tester tester = state.testerByEmail(u.tester());
      if (tester == null) {
        throw new IllegalArgumentException(
            "usage names " + u.tester() + ", who is not among the seed's testers");
      }
      String build = null;
      if (u.build() != null) {
        Builds builds = state.builds();
        Build found =
            builds.builds.first(b -> b.app().equals(app.id()) && builds.label(b).equals(u.build()));
        if (found == null) {
          throw new IllegalArgumentException(
              "usage names the unknown build '"
                  + u.build()
                  + "' of "
                  + app.bundleId()
                  + " (builds are named \"version (number)\")");
        }
        build = found.id();
      }
      state
          .usage()
          .add(
              new Usage.TesterDay(
                  app.id(),
                  tester.id(),
                  build,
                  day(u.date(), u.daysAgo()),
                  count(u.sessions()),
                  count(u.crashes()),
                  count(u.feedback()),
                  count(u.installs())));
    }
    for (LinkUsage u : links) {
      App app = app(u.app());
      Group group =
          state.groupsOfApp(app.id()).stream()
              .filter(g -> g.name().equals(u.group()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "publicLinkUsage names no group '"
                              + u.group()
                              + "' of "
                              + app.bundleId()));
      state
          .usage()
          .add(
              new Usage.LinkDay(
                  group.id(),
                  day(u.date(), u.daysAgo()),
                  count(u.views()),
                  count(u.accepted()),
                  count(u.didNotAccept()),
                  count(u.didNotMeetCriteria()),
                  count(u.notRelevant()),
                  count(u.notClear()),
                  count(u.notInteresting())));
    }
  }

  private App app(String key) {
    return state.apps().stream()
        .filter(a -> a.bundleId().equals(key) || a.id().equals(key))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("a usage entry names the unknown app " + key));
  }

  /**
   * The UTC day of an entry: its {@code date}, or {@code daysAgo} days before the day the seed is
   * loaded.
   */
  private String day(String date, Integer daysAgo) {
    if ((date == null) == (daysAgo == null)) {
      throw new IllegalArgumentException(
          "every usage entry needs either a date (yyyy-MM-dd) or daysAgo");
    }
    if (daysAgo != null) {
      return today.minusDays(count(daysAgo)).toString();
    }
    try {
      return LocalDate.parse(date).toString();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + date + "' is not a date (yyyy-MM-dd)", e);
    }
  }

  private static int count(Integer value) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException("usage counts must not be negative: " + value);
    }
    return value == null ? 0 : value;
  }
}
