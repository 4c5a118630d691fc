package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The beta usage metrics, summed from the seeded {@link Usage}: an app's or a group's tester usage
 * (one item for all, or with {@code groupBy=betaTesters} one per tester of the app or member of the
 * group, inactive ones with zeros or, when {@link SandboxAdmin#usageLeavesOutIdleTesters} says so,
 * left out; the testers in {@code included}), one tester's usage per app of {@code filter[apps]}, a
 * group's public link usage and a build's usage. The tester usages cover the last {@code period}
 * UTC days up to and including today (P7D, P30D, P90D or P365D; P30D when not given); every item
 * has one data point for the whole period.
 */
final class MetricsEndpoints {
  private static final String[] PERIODS = {"P7D", "P30D", "P90D", "P365D"};
  private static final String DEFAULT_PERIOD = "P30D";

  private final SandboxState state;
  private final Views views;
  private final Clock clock;

  MetricsEndpoints(SandboxState state, Views views, Clock clock) {
    this.state = state;
    this.views = views;
    this.clock = clock;
  }

  List<Route> routes() {
    QuerySpec grouped =
        QuerySpec.builder()
            .option("period", PERIODS)
            .option("groupBy", "betaTesters")
            .filter("betaTesters")
            .paged()
            .build();
    return List.of(
        new Route(
            "GET",
            "/v1/apps/{id}/metrics/betaTesterUsages",
            grouped,
            r ->
                testerUsages(
                    r,
                    state.app(r.id()).id(),
                    state.testers().stream()
                        .filter(t -> t.apps().contains(r.id()))
                        .map(Tester::id)
                        .toList())),
        new Route(
            "GET",
            "/v1/betaGroups/{id}/metrics/betaTesterUsages",
            grouped,
            r ->
                testerUsages(
                    r,
                    state.group(r.id()).app(),
                    state.members(r.id()).stream().map(Tester::id).toList())),
        new Route(
            "GET",
            "/v1/betaTesters/{id}/metrics/betaTesterUsages",
            QuerySpec.builder().option("period", PERIODS).requiredFilter("apps").paged().build(),
            this::perApp),
        new Route(
            "GET",
            "/v1/betaGroups/{id}/metrics/publicLinkUsages",
            QuerySpec.builder().paged().build(),
            this::publicLink),
        new Route(
            "GET",
            "/v1/builds/{id}/metrics/betaBuildUsages",
            QuerySpec.builder().paged().build(),
            this::buildUsage));
  }

  /** The UTC days a period covers, as {@code [first, end)}. */
  private record Window(LocalDate first, LocalDate end) {
    static Window of(Query query, Clock clock) {
      String period = query.has("period") ? query.get("period") : DEFAULT_PERIOD;
      int days = Integer.parseInt(period.substring(1, period.length() - 1));
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      return new Window(today.minusDays(days - 1L), today.plusDays(1));
    }

    boolean contains(String day) {
      LocalDate d = LocalDate.parse(day);
      return !d.isBefore(first) && d.isBefore(end);
    }

    ObjectNode point(ObjectNode values) {
      ObjectNode point = Resources.JSON.objectNode();
      point.put("start", first.atStartOfDay().toInstant(ZoneOffset.UTC).toString());
      point.put("end", end.atStartOfDay().toInstant(ZoneOffset.UTC).toString());
      point.set("values", values);
      return point;
    }
  }

  private Response testerUsages(Request request, String appId, List<String> testerIds) {
    Query q = request.query();
    Window window = Window.of(q, clock);
    List<Usage.TesterDay> days =
        state.usage().testerDays().stream()
            .filter(d -> d.app().equals(appId) && window.contains(d.day()))
            .toList();
    if (!q.has("groupBy")) {
      Set<String> testers = Set.copyOf(testerIds);
      return page(
          request,
          List.of(item(window, testerValues(days, d -> testers.contains(d.tester())))),
          null);
    }
    Set<String> wanted =
        q.has("filter[betaTesters]") ? Set.copyOf(q.list("filter[betaTesters]")) : null;
    List<String> shown =
        testerIds.stream().filter(id -> wanted == null || wanted.contains(id)).toList();
    List<ObjectNode> items = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    boolean leaveOutIdle = state.usage().leavesOutIdle();
    for (String tester : shown) {
      ObjectNode values = testerValues(days, d -> d.tester().equals(tester));
      if (leaveOutIdle && idle(values)) {
        continue;
      }
      ObjectNode item = item(window, values);
      item.putObject("dimensions").set("betaTesters", dimension(request, "betaTesters", tester));
      items.add(item);
      listed.add(tester);
    }
    return page(request, items, listed);
  }

  private Response perApp(Request request) {
    String tester = state.tester(request.id()).id();
    Window window = Window.of(request.query(), clock);
    List<ObjectNode> items = new ArrayList<>();
    for (String app : new LinkedHashSet<>(request.query().list("filter[apps]"))) {
      if (state.appOrNull(app) == null) {
        continue;
      }
      ObjectNode item =
          item(
              window,
              testerValues(
                  state.usage().testerDays(),
                  d ->
                      d.tester().equals(tester)
                          && d.app().equals(app)
                          && window.contains(d.day())));
      item.putObject("dimensions").set("apps", dimension(request, "apps", app));
      items.add(item);
    }
    return page(request, items, null);
  }

  private Response publicLink(Request request) {
    String group = state.group(request.id()).id();
    List<Usage.LinkDay> days =
        state.usage().linkDays().stream().filter(d -> d.group().equals(group)).toList();
    if (days.isEmpty()) {
      return page(request, List.of(), null);
    }
    LocalDate first =
        days.stream().map(d -> LocalDate.parse(d.day())).min(LocalDate::compareTo).orElseThrow();
    LocalDate last =
        days.stream().map(d -> LocalDate.parse(d.day())).max(LocalDate::compareTo).orElseThrow();
    int notAccepted = days.stream().mapToInt(Usage.LinkDay::didNotAccept).sum();
    ObjectNode values =
        Resources.JSON
            .objectNode()
            .put("viewCount", days.stream().mapToInt(Usage.LinkDay::views).sum())
            .put("acceptedCount", days.stream().mapToInt(Usage.LinkDay::accepted).sum())
            .put("didNotAcceptCount", notAccepted)
            .put(
                "didNotMeetCriteriaCount",
                days.stream().mapToInt(Usage.LinkDay::didNotMeetCriteria).sum())
            .put(
                "notRelevantRatio",
                ratio(days.stream().mapToInt(Usage.LinkDay::notRelevant).sum(), notAccepted))
            .put(
                "notClearRatio",
                ratio(days.stream().mapToInt(Usage.LinkDay::notClear).sum(), notAccepted))
            .put(
                "notInterestingRatio",
                ratio(days.stream().mapToInt(Usage.LinkDay::notInteresting).sum(), notAccepted));
    return page(request, List.of(item(new Window(first, last.plusDays(1)), values)), null);
  }

  private Response buildUsage(Request request) {
    Build build = state.builds().builds.get(request.id());
    List<Usage.TesterDay> days =
        state.usage().testerDays().stream().filter(d -> build.id().equals(d.build())).toList();
    Set<String> invited = new LinkedHashSet<>(build.individualTesters());
    build.groups().forEach(g -> state.members(g).forEach(t -> invited.add(t.id())));
    ObjectNode values =
        Resources.JSON
            .objectNode()
            .put("crashCount", days.stream().mapToInt(Usage.TesterDay::crashes).sum())
            .put("installCount", days.stream().mapToInt(Usage.TesterDay::installs).sum())
            .put("sessionCount", days.stream().mapToInt(Usage.TesterDay::sessions).sum())
            .put("feedbackCount", days.stream().mapToInt(Usage.TesterDay::feedback).sum())
            .put("inviteCount", invited.size());
    LocalDate uploaded =
        LocalDate.ofInstant(java.time.Instant.parse(build.uploadedDate()), ZoneOffset.UTC);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Window window = new Window(uploaded, (today.isAfter(uploaded) ? today : uploaded).plusDays(1));
    return page(request, List.of(item(window, values)), null);
  }

  private static ObjectNode testerValues(
      List<Usage.TesterDay> days, Predicate<Usage.TesterDay> counted) {
    List<Usage.TesterDay> mine = days.stream().filter(counted).toList();
    return Resources.JSON
        .objectNode()
        .put("crashCount", mine.stream().mapToInt(Usage.TesterDay::crashes).sum())
        .put("sessionCount", mine.stream().mapToInt(Usage.TesterDay::sessions).sum())
        .put("feedbackCount", mine.stream().mapToInt(Usage.TesterDay::feedback).sum());
  }

  private static boolean idle(ObjectNode values) {
    return values.path("sessionCount").asInt() == 0
        && values.path("crashCount").asInt() == 0
        && values.path("feedbackCount").asInt() == 0;
  }

  private static ObjectNode item(Window window, ObjectNode values) {
    ObjectNode item = Resources.JSON.objectNode();
    item.putArray("dataPoints").add(window.point(values));
    return item;
  }

  /**
   * A dimension value: its id and its resource, and for testers the same metric grouped by tester.
   */
  private static ObjectNode dimension(Request request, String type, String id) {
    ObjectNode dimension = Resources.JSON.objectNode();
    ObjectNode links = dimension.putObject("links");
    if (type.equals("betaTesters")) {
      links.put("groupBy", request.baseUri() + request.path() + "?groupBy=betaTesters");
    }
    links.put("related", request.baseUri() + "/v1/" + type + "/" + id);
    dimension.put("data", id);
    return dimension;
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
  }

  /**
   * The page of items the request selects; {@code testers} (aligned with the items): put them in
   * included.
   */
  private Response page(Request request, List<ObjectNode> items, List<String> testers) {
    Paging.Page<ObjectNode> page = Paging.page(items, request.query());
    Documents.Included included = null;
    if (testers != null) {
      included = new Documents.Included();
      int offset = Paging.offset(request.query());
      for (int i = 0; i < page.items().size(); i++) {
        String id = testers.get(offset + i);
        included.add(
            "betaTesters", id, () -> views.render("betaTesters", id, Query.parse(""), null));
      }
    }
    return Response.ok(Documents.collection(page.items(), page, request, included));
  }
}
