package dev.flightplan.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happens on Apple's side without an API call: time passing (the admin clock), Beta App Review
 * deciding, a tester accepting, a user leaving the team, the emails TestFlight sends, and the
 * duplicates two creates that ran at once leave behind. The clock, processing, review decisions and
 * tester states are also served over HTTP under {@code /sandbox/} ({@link AdminEndpoints}); the
 * rest only from Java. Changes are persisted like API writes. Safe to use while the server answers
 * requests.
 */
public final class SandboxAdmin {
  private final SandboxState state;
  private final StateStore store;
  private final ReviewOperations review;
  private final SandboxClock clock;
  private final Ids ids;

  SandboxAdmin(SandboxState state, StateStore store, SandboxClock clock, Ids ids) {
    this.state = state;
    this.store = store;
    this.review = new ReviewOperations(state, clock, ids);
    this.clock = clock;
    this.ids = ids;
  }

  /** The sandbox's TestFlight time: the real time moved by {@link #advanceClock}. */
  Clock clock() {
    return clock;
  }

  /**
   * How far {@link #advanceClock} has moved the sandbox's time, in all (kept in the state file).
   */
  public Duration clockOffset() {
    return clock.offset();
  }

  /**
   * Moves the sandbox's TestFlight time forward by {@code by}, as if that much time had passed:
   * builds whose 90 days are over expire, and dates and metric periods follow. Tokens are still
   * checked against the real time.
   *
   * @return the sandbox's time now
   * @throws IllegalArgumentException for a duration that is not positive
   */
  public Instant advanceClock(Duration by) {
    if (by.isNegative() || by.isZero()) {
      throw new IllegalArgumentException("the clock only moves forward: " + by);
    }
    return change(
        () -> {
          Duration offset = state.clockOffset().plus(by);
          state.setClockOffset(offset);
          clock.setOffset(offset);
          Instant now = clock.instant();
          state.builds().expireDue(now);
          return now;
        });
  }

  /** The processing states a build can be in (Apple's {@code Build.processingState}). */
  public static final List<String> PROCESSING_STATES =
      List.of("PROCESSING", "FAILED", "INVALID", "VALID");

  /**
   * Ends (or restarts) the processing of the build with id {@code buildId}, as App Store Connect
   * does some minutes after an upload: {@code VALID}, {@code FAILED} or {@code INVALID} (or {@code
   * PROCESSING} again).
   *
   * @throws IllegalArgumentException for an unknown build or state
   */
  public void setProcessingState(String buildId, String processingState) {
    if (!PROCESSING_STATES.contains(processingState)) {
      throw new IllegalArgumentException(
          "'" + processingState + "' is not one of " + PROCESSING_STATES);
    }
    change(
        () -> {
          Build build = state.builds().builds.orNull(buildId);
          if (build == null) {
            throw new IllegalArgumentException("no build " + buildId);
          }
          state.builds().builds.put(build.withProcessingState(processingState));
        });
  }

  /**
   * What an upload does: the build {@code number} of app version {@code version} of the app {@code
   * bundleId} on {@code platform} (IOS, MAC_OS, TV_OS, VISION_OS) appears, processing; {@link
   * #setProcessingState} ends that.
   *
   * @return the new build's id
   * @throws IllegalArgumentException for an unknown app or platform, or a build that exists already
   */
  public String upload(String bundleId, String platform, String version, String number) {
    return change(
        () -> new SeedBuilds(state, clock).upload(bundleId, platform, version, number).id());
  }

  /**
   * Moves the Beta App Review submission of the build with id {@code buildId} to {@code
   * reviewState}, as {@link #setReviewState(String, String, String, String)} does.
   */
  public void setReviewState(String buildId, String reviewState) {
    change(() -> review.setReviewState(state.builds().builds.get(buildId), reviewState));
  }

  /**
   * Moves the Beta App Review submission of the build {@code number} of app version {@code version}
   * of the app {@code bundleId} to {@code reviewState} (WAITING_FOR_REVIEW, IN_REVIEW, APPROVED or
   * REJECTED), as a reviewer would; a build never submitted is submitted first.
   *
   * @throws IllegalArgumentException for an unknown app or build, several matching builds, or an
   *     unknown state
   */
  public void setReviewState(String bundleId, String version, String number, String reviewState) {
    change(() -> review.setReviewState(build(bundleId, version, number), reviewState));
  }

  /** The build {@code number} of app version {@code version} of the app {@code bundleId}. */
  private Build build(String bundleId, String version, String number) {
    App app = app(bundleId);
    Builds builds = state.builds();
    List<Build> matching =
        builds.builds.where(
            b ->
                b.app().equals(app.id())
                    && b.version().equals(number)
                    && builds.preRelease(b).version().equals(version));
    if (matching.size() != 1) {
      throw new IllegalArgumentException(
          matching.size()
              + " builds "
              + version
              + " ("
              + number
              + ") of "
              + bundleId
              + "; expected exactly one");
    }
    return matching.get(0);
  }

  private App app(String bundleId) {
    return state.apps().stream()
        .filter(a -> a.bundleId().equals(bundleId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no app with bundle id " + bundleId));
  }

  // --- what two creates that ran at once leave behind ---
  // The API refuses a second group of one name, or a second localization or title of one locale,
  // when the creates
  // come one after the other; two that run at once can both succeed on App Store Connect. The
  // sandbox answers one
  // request at a time, so tests make such states here. Each returns the copy's id.

  /**
   * A second group named {@code name} in the app {@code bundleId}, with the same settings, created
   * a moment after the first, with no members, builds, criteria or public link.
   */
  public String duplicateGroup(String bundleId, String name) {
    return change(
        () -> {
          String appId = app(bundleId).id();
          Group original =
              state.groupsOfApp(appId).stream()
                  .filter(g -> g.name().equals(name))
                  .findFirst()
                  .orElseThrow(
                      () -> new IllegalArgumentException("no group " + name + " in " + bundleId));
          Instant created = Instant.parse(original.createdDate()).plusMillis(1);
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          Group copy =
              new Group(
                  ids.uuid(),
                  appId,
                  name,
                  (now.isAfter(created) ? now : created).toString(),
                  original.internal(),
                  original.accessToAllBuilds(),
                  false,
                  false,
                  null,
                  null,
                  original.feedbackEnabled(),
                  original.appleSiliconMac(),
                  original.appleVision());
          state.putGroup(copy);
          return copy.id();
        });
  }

  /**
   * A second beta app localization of {@code locale} (with the same texts) in the app {@code
   * bundleId}.
   */
  public String duplicateLocalization(String bundleId, String locale) {
    return change(
        () -> {
          String appId = app(bundleId).id();
          Builds builds = state.builds();
          AppLocalization l =
              builds.localizationsOfApp(appId).stream()
                  .filter(x -> x.locale().equals(locale))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "no localization " + locale + " in " + bundleId));
          AppLocalization copy =
              new AppLocalization(
                  ids.uuid(),
                  appId,
                  locale,
                  l.description(),
                  l.feedbackEmail(),
                  l.marketingUrl(),
                  l.privacyPolicyUrl(),
                  l.tvOsPrivacyPolicy());
          builds.appLocalizations.put(copy);
          return copy.id();
        });
  }

  /** A second What to Test of {@code locale}, saying {@code whatsNew}, of a build. */
  public String duplicateWhatToTest(
      String bundleId, String version, String number, String locale, String whatsNew) {
    return change(
        () -> {
          BuildLocalization copy =
              new BuildLocalization(
                  ids.uuid(), build(bundleId, version, number).id(), locale, whatsNew);
          state.builds().buildLocalizations.put(copy);
          return copy.id();
        });
  }

  /**
   * A second App Clip invocation {@code url} (with copies of its titles) of a build. The API takes
   * this one even one create after the other (Apple states no rule against it): this saves a test
   * the request.
   */
  public String duplicateInvocation(String bundleId, String version, String number, String url) {
    return change(
        () -> {
          Builds builds = state.builds();
          ClipInvocation original = invocation(bundleId, version, number, url);
          ClipInvocation copy = new ClipInvocation(ids.uuid(), original.buildBundle(), url);
          builds.invocations.put(copy);
          builds
              .titlesOf(original.id())
              .forEach(
                  t ->
                      builds.clipTitles.put(
                          new ClipTitle(ids.uuid(), copy.id(), t.locale(), t.title())));
          return copy.id();
        });
  }

  /**
   * A second title of {@code locale}, saying {@code title}, of the App Clip invocation {@code url}
   * of a build.
   */
  public String duplicateTitle(
      String bundleId, String version, String number, String url, String locale, String title) {
    return change(
        () -> {
          ClipTitle copy =
              new ClipTitle(
                  ids.uuid(), invocation(bundleId, version, number, url).id(), locale, title);
          state.builds().clipTitles.put(copy);
          return copy.id();
        });
  }

  private ClipInvocation invocation(String bundleId, String version, String number, String url) {
    Builds builds = state.builds();
    return builds.bundlesOf(build(bundleId, version, number).id()).stream()
        .flatMap(b -> builds.invocationsOf(b.id()).stream())
        .filter(i -> i.url().equals(url))
        .min(java.util.Comparator.comparing(ClipInvocation::id))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no invocation " + url + " of " + version + " (" + number + ")"));
  }

  /** The beta tester states of the API ({@code BetaTesterState}). */
  public static final java.util.Set<String> TESTER_STATES =
      java.util.Set.of("NOT_INVITED", "INVITED", "ACCEPTED", "INSTALLED", "REVOKED");

  /**
   * What a tester (or Apple) does in TestFlight: moves the tester {@code email} (any case) to
   * {@code testerState}, one of {@link #TESTER_STATES}, e.g. ACCEPTED when they accept the
   * invitation.
   *
   * @throws IllegalArgumentException for an unknown tester or state
   */
  public void setTesterState(String email, String testerState) {
    if (!TESTER_STATES.contains(testerState)) {
      throw new IllegalArgumentException("not a beta tester state: " + testerState);
    }
    change(
        () -> {
          Tester tester = state.testerByEmail(email);
          if (tester == null) {
            throw new IllegalArgumentException("no tester " + email);
          }
          state.putTester(tester.withState(testerState));
        });
  }

  /**
   * What a tester does in TestFlight: {@code sessions} sessions of the app {@code bundleId} today
   * (the sandbox's UTC day), which the usage metrics then report, as the seed's {@code usage} does.
   *
   * @throws IllegalArgumentException for an unknown app or tester
   */
  public void recordSessions(String bundleId, String email, int sessions) {
    change(
        () -> {
          Tester tester = state.testerByEmail(email);
          if (tester == null) {
            throw new IllegalArgumentException("no tester " + email);
          }
          record(bundleId, tester.id(), sessions);
        });
  }

  /**
   * As {@link #recordSessions}, for the tester with id {@code testerId}: one App Store Connect
   * knows no email of (a public link joiner, {@link #joinThroughPublicLink}).
   *
   * @throws IllegalArgumentException for an unknown app or tester
   */
  public void recordSessionsOfId(String bundleId, String testerId, int sessions) {
    change(
        () -> {
          if (state.testers().stream().noneMatch(t -> t.id().equals(testerId))) {
            throw new IllegalArgumentException("no tester with id " + testerId);
          }
          record(bundleId, testerId, sessions);
        });
  }

  /**
   * Makes an app's or a group's usage per tester leave out the testers who did nothing in the
   * period ({@code true}) or list them with zeros ({@code false}, the default): App Store Connect
   * documents neither, and a client must be right with both.
   */
  public void usageLeavesOutIdleTesters(boolean leaveOut) {
    synchronized (state) {
      state.usage().leaveOutIdle(leaveOut);
    }
  }

  /** {@code sessions} sessions of the tester {@code testerId} today (the sandbox's UTC day). */
  private void record(String bundleId, String testerId, int sessions) {
    String day =
        java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
    state
        .usage()
        .add(new Usage.TesterDay(app(bundleId).id(), testerId, null, day, sessions, 0, 0, 0));
  }

  /**
   * What someone does with a group's public link: joins the external group {@code groupName} of the
   * app {@code bundleId} as a new tester with invite type PUBLIC_LINK and state ACCEPTED. {@code
   * email} may be null (App Store Connect need not know a joiner's address), and so may the names.
   * Returns the tester's id.
   *
   * @throws IllegalArgumentException for an unknown app or group, a group whose link is off or
   *     full, or an email that is a tester already
   */
  public String joinThroughPublicLink(
      String bundleId, String groupName, String email, String firstName, String lastName) {
    return change(
        () -> {
          String appId = app(bundleId).id();
          Group group =
              state.groupsOfApp(appId).stream()
                  .filter(g -> g.name().equals(groupName))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "no group " + groupName + " in " + bundleId));
          if (!group.publicLinkEnabled()) {
            throw new IllegalArgumentException(
                "the public link of " + groupName + " is not enabled");
          }
          long joined =
              state.members(group.id()).stream()
                  .filter(t -> t.inviteType().equals("PUBLIC_LINK"))
                  .count();
          if (group.publicLinkLimitEnabled()
              && group.publicLinkLimit() != null
              && joined >= group.publicLinkLimit()) {
            throw new IllegalArgumentException("the public link of " + groupName + " is full");
          }
          if (email != null && state.testerByEmail(email) != null) {
            throw new IllegalArgumentException(email + " is a tester already");
          }
          Tester tester =
              new Tester(
                      ids.uuid(),
                      email,
                      firstName,
                      lastName,
                      "PUBLIC_LINK",
                      "ACCEPTED",
                      List.of(),
                      List.of())
                  .joining(group.id(), appId);
          state.putTester(tester);
          return tester.id();
        });
  }

  /**
   * What an admin does in Users and Access: removes the user {@code email} (any case) from the
   * team. Refused while the user is in an internal group (what App Store Connect does with such
   * memberships is not modelled).
   *
   * @throws IllegalArgumentException for an unknown user, or one in an internal group
   */
  public void removeUser(String email) {
    change(
        () -> {
          if (!state.isUser(email)) {
            throw new IllegalArgumentException("no user " + email);
          }
          Tester tester = state.testerByEmail(email);
          if (tester != null && state.groupsOf(tester).stream().anyMatch(Group::internal)) {
            throw new IllegalArgumentException(
                email + " is in an internal group; the sandbox does not model removing them");
          }
          state.removeUser(email);
        });
  }

  /**
   * Invitation emails testers have received so far, by tester email (as the tester record spells
   * it), sorted: those sent on request ({@code POST /v1/betaTesterInvitations}) and those App Store
   * Connect sends by itself (a tester joining an external group, or given a build, while still
   * NOT_INVITED).
   */
  public Map<String, Integer> invitationsSent() {
    synchronized (state) {
      return new TreeMap<>(state.builds().invitations());
    }
  }

  /** Manual build notifications sent so far, by build as {@code "version (number)"}, sorted. */
  public Map<String, Integer> notificationsSent() {
    synchronized (state) {
      return new TreeMap<>(state.builds().notifications());
    }
  }

  /** Makes {@code change} under the state lock, and persists it as an API write would be. */
  private void change(Runnable change) {
    change(
        () -> {
          change.run();
          return null;
        });
  }

  private <T> T change(java.util.function.Supplier<T> change) {
    synchronized (state) {
      try {
        return change.get();
      } finally {
        if (store != null) {
          store.commit(state);
        }
      }
    }
  }
}
