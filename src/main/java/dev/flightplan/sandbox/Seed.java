package dev.flightplan.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The seed a new sandbox starts from: what the API cannot create (apps, App Store Connect users,
 * builds) plus the groups, testers and test information to begin with. The format is described in
 * the package documentation; unknown keys are ignored so that later seeds can add kinds. Ids, when
 * absent, are derived from natural keys, so one seed always gives the same ids. A seed describes a
 * state as it is: structure is checked (known apps, groups and values), TestFlight's rules for
 * changes are not. Builds and what hangs off them are read by {@link SeedBuilds}.
 */
final class Seed {
  static final String DEMO = "/sandbox/demo-seed.json";

  record Doc(
      List<SeedBuilds.SeedApp> apps,
      List<TeamUser> users,
      List<SeedGroup> groups,
      List<SeedTester> testers,
      List<SeedBuilds.SeedBuild> builds,
      List<SeedUsage.TesterUsage> usage,
      List<SeedUsage.LinkUsage> publicLinkUsage) {
    Doc {
      apps = apps == null ? List.of() : List.copyOf(apps);
      users = users == null ? List.of() : List.copyOf(users);
      groups = groups == null ? List.of() : List.copyOf(groups);
      testers = testers == null ? List.of() : List.copyOf(testers);
      builds = builds == null ? List.of() : List.copyOf(builds);
      usage = usage == null ? List.of() : List.copyOf(usage);
      publicLinkUsage = publicLinkUsage == null ? List.of() : List.copyOf(publicLinkUsage);
    }
  }

  record SeedGroup(
      String id,
      String app,
      String name,
      @JsonProperty("isInternalGroup") Boolean isInternalGroup,
      Boolean hasAccessToAllBuilds,
      Boolean feedbackEnabled,
      Boolean publicLinkEnabled,
      Boolean publicLinkLimitEnabled,
      Integer publicLinkLimit,
      String publicLinkId,
      Boolean iosBuildsAvailableForAppleSiliconMac,
      Boolean iosBuildsAvailableForAppleVision,
      List<String> testers,
      List<Criterion.OsFilter> criteria,
      List<String> builds) {}

  record SeedTester(
      String id,
      String email,
      String firstName,
      String lastName,
      String inviteType,
      String state) {}

  private Seed() {}

  /** The seed file, or the built-in demo seed when {@code file} is null. */
  static SandboxState load(Path file, ObjectMapper mapper, Clock clock) throws IOException {
    try (InputStream in =
        file == null ? Seed.class.getResourceAsStream(DEMO) : Files.newInputStream(file)) {
      if (in == null) {
        throw new IOException("the built-in demo seed " + DEMO + " is missing from the classpath");
      }
      return toState(mapper.readValue(in, Doc.class), clock);
    } catch (IllegalArgumentException | NullPointerException | ApiException e) {
      throw new IOException(
          "invalid seed " + (file == null ? DEMO : file) + ": " + e.getMessage(), e);
    }
  }

  static SandboxState toState(Doc doc, Clock clock) {
    SandboxState state = new SandboxState();
    doc.apps().forEach(a -> state.putApp(a.toApp()));
    doc.users().forEach(state::putUser);
    for (SeedTester t : doc.testers()) {
      Objects.requireNonNull(t.email(), "every seed tester needs an email");
      String id =
          t.id() != null
              ? t.id()
              : Ids.stableUuid("betaTester:" + SandboxState.emailKey(t.email()));
      String inviteType = t.inviteType() != null ? t.inviteType() : "EMAIL";
      // Without a state, a tester is NOT_INVITED until a group below makes it INVITED, as the API
      // would.
      String testerState = t.state() != null ? t.state() : "NOT_INVITED";
      state.putTester(
          new Tester(
              id, t.email(), t.firstName(), t.lastName(), inviteType, testerState, null, null));
    }
    String now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    Set<String> stated = statedByTheSeed(doc);
    for (SeedGroup g : doc.groups()) {
      App app =
          state.apps().stream()
              .filter(a -> a.bundleId().equals(g.app()) || a.id().equals(g.app()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "group '" + g.name() + "' names unknown app " + g.app()));
      Objects.requireNonNull(g.name(), "every seed group needs a name");
      boolean internal = Boolean.TRUE.equals(g.isInternalGroup());
      boolean linkEnabled = Boolean.TRUE.equals(g.publicLinkEnabled());
      String groupId =
          g.id() != null ? g.id() : Ids.stableUuid("betaGroup:" + app.id() + ":" + g.name());
      String linkId =
          g.publicLinkId() != null
              ? g.publicLinkId()
              : linkEnabled ? Ids.stablePublicLinkId("publicLink:" + groupId) : null;
      Group group =
          new Group(
              groupId,
              app.id(),
              g.name(),
              now,
              internal,
              Boolean.TRUE.equals(g.hasAccessToAllBuilds()),
              linkEnabled,
              Boolean.TRUE.equals(g.publicLinkLimitEnabled()),
              g.publicLinkLimit(),
              linkId,
              Boolean.TRUE.equals(g.feedbackEnabled()),
              Boolean.TRUE.equals(g.iosBuildsAvailableForAppleSiliconMac()),
              Boolean.TRUE.equals(g.iosBuildsAvailableForAppleVision()));
      state.putGroup(group);
      for (String email : g.testers() == null ? List.<String>of() : g.testers()) {
        Tester joined = member(state, group, email).joining(group.id(), app.id());
        if (!internal
            && joined.state().equals("NOT_INVITED")
            && !stated.contains(SandboxState.emailKey(email))) {
          joined = joined.withState("INVITED");
        }
        state.putTester(joined);
      }
    }
    new SeedBuilds(state, clock).load(doc);
    new SeedUsage(state, clock).load(doc.usage(), doc.publicLinkUsage());
    return state;
  }

  /**
   * The emails of the seed's testers whose state the seed gives (a membership does not change it
   * then).
   */
  private static Set<String> statedByTheSeed(Doc doc) {
    Set<String> stated = new HashSet<>();
    doc.testers().stream()
        .filter(t -> t.state() != null)
        .forEach(t -> stated.add(SandboxState.emailKey(t.email())));
    return stated;
  }

  private static Tester member(SandboxState state, Group group, String email) {
    if (group.internal() && !state.isUser(email)) {
      throw new IllegalArgumentException(
          "internal group '"
              + group.name()
              + "' lists "
              + email
              + ", who is not among the seed's users");
    }
    Tester tester = state.testerByEmail(email);
    if (tester != null) {
      return tester;
    }
    TeamUser user = state.user(email);
    if (user == null) {
      throw new IllegalArgumentException(
          "group '"
              + group.name()
              + "' lists "
              + email
              + ", who is neither among the seed's testers nor its users");
    }
    String id = Ids.stableUuid("betaTester:" + SandboxState.emailKey(email));
    return new Tester(
        id, user.email(), user.firstName(), user.lastName(), "EMAIL", "NOT_INVITED", null, null);
  }
}
