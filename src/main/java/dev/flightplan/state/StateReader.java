package dev.flightplan.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.ForbiddenException;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import dev.flightplan.config.DesiredState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads the live TestFlight state of the apps in scope in as few calls as the API allows: one call
 * for all the apps, then per app one paged read of its groups and one paged read of its testers
 * with their group linkages included (and, when the file needs them, its builds). A tester whose
 * included linkages were capped by the API ({@code limit[betaGroups]} is at most 50) is completed
 * from its own linkage endpoint, never silently truncated. The team's users ({@link #readUsers})
 * are read once for all apps, and only when asked for: planning knows whether it needs them only
 * after reading the groups and testers.
 *
 * <p>After the apps lookup, the reads that do not depend on one another (every app's groups,
 * testers and builds, the recruitment criterion options and, for a saved plan's check, the users)
 * run up to {@code parallelism} at once. The result does not depend on their timing: each list is
 * sorted by natural key, and the apps keep the scope's order.
 */
public final class StateReader {
  static final int PAGE = 200;

  /** The groups' fields read; with their criteria's relationship when the file manages criteria. */
  private static final List<String> GROUP_FIELDS =
      List.of(
          "name",
          "isInternalGroup",
          "hasAccessToAllBuilds",
          "feedbackEnabled",
          "publicLinkEnabled",
          "publicLinkLimitEnabled",
          "publicLinkLimit",
          "publicLink",
          "iosBuildsAvailableForAppleSiliconMac",
          "iosBuildsAvailableForAppleVision",
          "createdDate");

  private static final List<String> GROUP_AND_CRITERIA_FIELDS =
      Stream.concat(GROUP_FIELDS.stream(), Stream.of("betaRecruitmentCriteria")).toList();

  /**
   * The testers' usage of the app {@code appId} in {@code period}, as the kind that asked for it
   * reads it, by tester id.
   */
  private List<TesterActivity> readUsage(UsageRead.Reader reader, String appId, String period) {
    List<TesterActivity> out = new ArrayList<>();
    for (Document page : client.getAll(reader.query(appId, period))) {
      out.addAll(reader.decode(page));
    }
    out.sort(Comparator.comparing(TesterActivity::testerId));
    return out;
  }

  private final AscClient client;
  private final int parallelism;
  private final KindReads kindReads;
  private final List<AppPart<?>> parts;

  /**
   * Reads one request at a time; {@code reads}: what the kinds declared they need of apps and
   * builds.
   */
  public StateReader(AscClient client, KindReads reads) {
    this(client, 1, reads);
  }

  /** Runs up to {@code parallelism} independent reads at once. */
  public StateReader(AscClient client, int parallelism, KindReads reads) {
    this.client = Objects.requireNonNull(client, "client");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    this.kindReads = Objects.requireNonNull(reads, "reads");
    this.parts = reads.apps();
  }

  /**
   * Reads what the file's apps need: builds only when the file names builds, criteria options when
   * it sets criteria.
   */
  public LiveState read(DesiredState desired) {
    return read(scope(desired));
  }

  /**
   * What {@link #read(DesiredState)} reads of the file's apps, with the parts the kinds want of
   * them.
   */
  public ReadScope scope(DesiredState desired) {
    return ReadScope.of(desired, kindReads);
  }

  public LiveState read(List<String> bundleIds) {
    return read(ReadScope.minimal(bundleIds));
  }

  /** Reads exactly what {@code scope} says, for the apps it names (in its order). */
  public LiveState read(ReadScope scope) {
    List<String> bundleIds = new ArrayList<>(scope.apps().keySet());
    Map<String, Resource> appsByBundle = new LinkedHashMap<>();
    Map<String, Document> pageOf = new LinkedHashMap<>();
    boolean info =
        !parts.isEmpty() && scope.apps().values().stream().anyMatch(ReadScope.AppReads::info);
    if (!bundleIds.isEmpty()) {
      Query query =
          Query.of("/v1/apps")
              .param("filter[bundleId]", bundleIds)
              .param("fields[apps]", appFields(info))
              .param("limit", PAGE);
      if (info) {
        query = includeParts(query);
      }
      for (Document page : client.getAll(query.build())) {
        for (Resource app : page.data()) {
          appsByBundle.put(app.string("bundleId"), app);
          pageOf.put(app.string("bundleId"), page);
        }
      }
    }
    // every read below needs only the apps lookup: they run together, and are put together in scope
    // order
    ParallelReads reads = new ParallelReads(parallelism);
    List<String> missing = new ArrayList<>();
    List<AppRead> appReads = new ArrayList<>();
    for (String bundleId : bundleIds) {
      Resource app = appsByBundle.get(bundleId);
      if (app == null) {
        missing.add(bundleId);
        continue;
      }
      ReadScope.AppReads wanted = scope.app(bundleId);
      appReads.add(
          new AppRead(
              app,
              reads.add(() -> readGroups(app.id(), wanted.criteria())),
              reads.add(() -> readTesters(app.id())),
              reads.add(
                  () ->
                      wanted.builds()
                          ? new BuildReader(client, kindReads.builds())
                              .read(app.id(), wanted.buildParts(), wanted.allBuildParts())
                          : List.<LiveBuild>of()),
              // costs no request unless the app has more than 50 localizations
              reads.add(
                  () ->
                      wanted.info() && !parts.isEmpty()
                          ? readParts(app, pageOf.get(bundleId))
                          : LiveParts.NOT_READ),
              // the testers' usage metrics, which a kind reads only when the file asks for them
              reads.add(
                  () ->
                      wanted.usagePeriod() != null && kindReads.usage() != null
                          ? readUsage(kindReads.usage().reader(), app.id(), wanted.usagePeriod())
                          : List.<TesterActivity>of())));
    }
    ParallelReads.Result<Map<String, List<String>>> options =
        scope.criterionOptions() ? reads.add(this::readCriterionOptions) : null;
    ParallelReads.Result<TeamUsers> users = scope.users() ? reads.add(this::readUsers) : null;
    reads.run();
    List<LiveApp> apps = new ArrayList<>();
    for (AppRead read : appReads) {
      List<LiveGroup> groups = read.groups().get();
      apps.add(
          new LiveApp(
              read.app().id(),
              read.app().string("bundleId"),
              read.app().string("name"),
              groups,
              onlyGroupsOf(groups, read.testers().get()),
              read.builds().get(),
              read.info().get(),
              read.activity().get()));
    }
    return new LiveState(
        apps,
        missing,
        options == null ? Map.of() : options.get(),
        users == null ? TeamUsers.NOT_READ : users.get());
  }

  private List<String> relationships() {
    return parts.stream().map(AppPart::relationship).toList();
  }

  /** The apps lookup's fields: with every part's relationship when the parts are included. */
  private List<String> appFields(boolean info) {
    List<String> fields = new ArrayList<>(List.of("name", "bundleId"));
    if (info) {
      fields.addAll(relationships());
    }
    return fields;
  }

  /**
   * The apps lookup with every part included: the parts' relationships, their fields, and the
   * to-many caps.
   */
  private Query includeParts(Query query) {
    Query q = query.param("include", relationships());
    for (AppPart<?> part : parts) {
      q = q.param("fields[" + part.type() + "]", part.fields());
    }
    for (AppPart<?> part : parts) {
      if (part.toMany()) {
        q = q.param("limit[" + part.relationship() + "]", ToMany.INCLUDED);
      }
    }
    return q;
  }

  /**
   * Every part of {@code app}, from the lookup's {@code page}; costs a request only for a to-many
   * part the include capped.
   */
  private LiveParts readParts(Resource app, Document page) {
    LiveParts read = LiveParts.NOT_READ;
    for (AppPart<?> part : parts) {
      read = withPart(read, part, related(app, page, part));
    }
    return read;
  }

  private static <T> LiveParts withPart(LiveParts read, AppPart<T> part, List<Resource> resources) {
    return read.with(part, part.decode().apply(resources));
  }

  private List<Resource> related(Resource app, Document page, AppPart<?> part) {
    if (part.toMany()) {
      Supplier<String> rest =
          () ->
              Query.of("/v1/apps/" + app.id() + "/" + part.relationship())
                  .param("limit", PAGE)
                  .build();
      return ToMany.resources(client, app, part.relationship(), page, rest);
    }
    return app.toOne(part.relationship())
        .flatMap(page::findIncluded)
        .map(List::of)
        .orElse(List.of());
  }

  /**
   * The team's App Store Connect users (only they may join internal groups): their usernames, 200 a
   * page, whatever the number of apps. A 403 (the API key's role may not list users) fails nothing:
   * the users are then REFUSED, with App Store Connect's answer.
   */
  public TeamUsers readUsers() {
    String query =
        Query.of("/v1/users").param("fields[users]", "username").param("limit", PAGE).build();
    List<String> usernames = new ArrayList<>();
    try {
      for (Document page : client.getAll(query)) {
        for (Resource user : page.data()) {
          String username = user.string("username");
          if (username != null) {
            usernames.add(username);
          }
        }
      }
    } catch (ForbiddenException e) {
      return TeamUsers.refused(e.getMessage());
    }
    return TeamUsers.read(usernames);
  }

  /** The reads of one app found by the apps lookup, each result typed. */
  private record AppRead(
      Resource app,
      ParallelReads.Result<List<LiveGroup>> groups,
      ParallelReads.Result<List<LiveTester>> testers,
      ParallelReads.Result<List<LiveBuild>> builds,
      ParallelReads.Result<LiveParts> info,
      ParallelReads.Result<List<TesterActivity>> activity) {}

  /**
   * The testers with only the groups of their app: the include lists a tester's groups in every
   * app.
   */
  private static List<LiveTester> onlyGroupsOf(List<LiveGroup> groups, List<LiveTester> testers) {
    Set<String> appGroupIds = new HashSet<>();
    groups.forEach(g -> appGroupIds.add(g.id()));
    List<LiveTester> out = new ArrayList<>(testers.size());
    for (LiveTester t : testers) {
      if (appGroupIds.containsAll(t.groupIds())) {
        out.add(t);
      } else {
        Set<String> mine = new HashSet<>(t.groupIds());
        mine.retainAll(appGroupIds);
        out.add(
            new LiveTester(
                t.id(), t.email(), t.firstName(), t.lastName(), t.inviteType(), t.state(), mine));
      }
    }
    return out;
  }

  private Map<String, List<String>> readCriterionOptions() {
    Map<String, List<String>> options = new TreeMap<>();
    String query = Query.of("/v1/betaRecruitmentCriterionOptions").param("limit", PAGE).build();
    for (Document page : client.getAll(query)) {
      for (Resource option : page.data()) {
        JsonNode families =
            option.attributes() == null ? null : option.attributes().get("deviceFamilyOsVersions");
        if (families == null) {
          continue;
        }
        for (JsonNode f : families) {
          List<String> versions = new ArrayList<>();
          f.path("osVersions").forEach(v -> versions.add(v.asText()));
          options.merge(
              f.path("deviceFamily").asText(),
              versions,
              (a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
              });
        }
      }
    }
    return options;
  }

  /**
   * The app's groups; with their recruitment criteria included (same request) when the file manages
   * criteria.
   */
  private List<LiveGroup> readGroups(String appId, boolean withCriteria) {
    Query q =
        Query.of("/v1/betaGroups")
            .param("filter[app]", appId)
            .param("fields[betaGroups]", withCriteria ? GROUP_AND_CRITERIA_FIELDS : GROUP_FIELDS)
            .param("limit", PAGE);
    if (withCriteria) {
      q =
          q.param("include", "betaRecruitmentCriteria")
              .param("fields[betaRecruitmentCriteria]", "deviceFamilyOsVersionFilters");
    }
    String query = q.build();
    List<LiveGroup> groups = new ArrayList<>();
    for (Document page : client.getAll(query)) {
      for (Resource g : page.data()) {
        LiveGroup.LiveCriteria criteria =
            g.toOne("betaRecruitmentCriteria")
                .flatMap(page::findIncluded)
                .map(StateReader::criteria)
                .orElse(null);
        groups.add(
            new LiveGroup(
                g.id(),
                g.string("name"),
                isTrue(g.bool("isInternalGroup")),
                isTrue(g.bool("hasAccessToAllBuilds")),
                isTrue(g.bool("feedbackEnabled")),
                isTrue(g.bool("publicLinkEnabled")),
                isTrue(g.bool("publicLinkLimitEnabled")),
                g.integer("publicLinkLimit"),
                g.string("publicLink"),
                isTrue(g.bool("iosBuildsAvailableForAppleSiliconMac")),
                isTrue(g.bool("iosBuildsAvailableForAppleVision")),
                criteria,
                g.string("createdDate")));
      }
    }
    groups.sort(Comparator.comparing(LiveGroup::name).thenComparing(LiveGroup::id));
    return groups;
  }

  private List<LiveTester> readTesters(String appId) {
    String query =
        Query.of("/v1/betaTesters")
            .param("filter[apps]", appId)
            .param(
                "fields[betaTesters]",
                List.of("email", "firstName", "lastName", "inviteType", "state", "betaGroups"))
            .param("include", "betaGroups")
            .param("fields[betaGroups]", "name")
            .param("limit[betaGroups]", ToMany.INCLUDED)
            .param("limit", PAGE)
            .build();
    List<LiveTester> testers = new ArrayList<>();
    // page by page: only the records stay, not 100,000 testers' JSON
    client.forEachPage(query, page -> page.data().forEach(t -> testers.add(toTester(t))));
    testers.sort(
        Comparator.comparing((LiveTester t) -> Objects.requireNonNullElse(t.email(), ""))
            .thenComparing(LiveTester::id));
    return testers;
  }

  /** A tester with all its groups, in any app; {@link #onlyGroupsOf} keeps those of the app. */
  private LiveTester toTester(Resource t) {
    Supplier<String> rest =
        () ->
            Query.of("/v1/betaTesters/" + t.id() + "/relationships/betaGroups")
                .param("limit", PAGE)
                .build();
    Set<String> groupIds = ToMany.ids(client, t, "betaGroups", rest);
    String email = t.string("email");
    return new LiveTester(
        t.id(),
        email == null ? null : email.toLowerCase(Locale.ROOT),
        t.string("firstName"),
        t.string("lastName"),
        t.string("inviteType"),
        t.string("state"),
        groupIds);
  }

  private static LiveGroup.LiveCriteria criteria(Resource r) {
    List<LiveGroup.Filter> filters = new ArrayList<>();
    JsonNode list =
        r.attributes() == null ? null : r.attributes().get("deviceFamilyOsVersionFilters");
    if (list != null) {
      for (JsonNode f : list) {
        filters.add(
            new LiveGroup.Filter(
                f.path("deviceFamily").asText(null),
                text(f, "minimumOsInclusive"),
                text(f, "maximumOsInclusive")));
      }
    }
    return new LiveGroup.LiveCriteria(r.id(), filters);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static boolean isTrue(Boolean b) {
    return Boolean.TRUE.equals(b);
  }
}
