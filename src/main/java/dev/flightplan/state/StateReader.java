package dev.flightplan.state;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the live TestFlight state of the apps in scope in as few calls as the API allows: one call for all the
 * apps, then per app one paged read of its groups and one paged read of its testers with their group linkages
 * included. A tester whose included linkages were capped by the API ({@code limit[betaGroups]} is at most 50) is
 * completed from its own linkage endpoint, never silently truncated.
 */
public final class StateReader {
  static final int PAGE = 200;
  static final int INCLUDED_GROUPS_LIMIT = 50;

  private final AscClient client;

  public StateReader(AscClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  public LiveState read(List<String> bundleIds) {
    Map<String, Resource> appsByBundle = new LinkedHashMap<>();
    if (!bundleIds.isEmpty()) {
      String query =
          Query.of("/v1/apps")
              .param("filter[bundleId]", String.join(",", bundleIds))
              .param("fields[apps]", "name,bundleId")
              .param("limit", PAGE)
              .build();
      for (Document page : client.getAll(query)) {
        for (Resource app : page.data()) {
          appsByBundle.put(app.string("bundleId"), app);
        }
      }
    }
    List<LiveApp> apps = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String bundleId : bundleIds) {
      Resource app = appsByBundle.get(bundleId);
      if (app == null) {
        missing.add(bundleId);
      } else {
        apps.add(readApp(app));
      }
    }
    return new LiveState(apps, missing);
  }

  private LiveApp readApp(Resource app) {
    List<LiveGroup> groups = readGroups(app.id());
    Set<String> groupIds = new HashSet<>();
    groups.forEach(g -> groupIds.add(g.id()));
    List<LiveTester> testers = readTesters(app.id(), groupIds);
    return new LiveApp(app.id(), app.string("bundleId"), app.string("name"), groups, testers);
  }

  private List<LiveGroup> readGroups(String appId) {
    String query =
        Query.of("/v1/betaGroups")
            .param("filter[app]", appId)
            .param("fields[betaGroups]", "name,isInternalGroup,hasAccessToAllBuilds,feedbackEnabled,publicLinkEnabled")
            .param("limit", PAGE)
            .build();
    List<LiveGroup> groups = new ArrayList<>();
    for (Document page : client.getAll(query)) {
      for (Resource g : page.data()) {
        groups.add(
            new LiveGroup(
                g.id(),
                g.string("name"),
                isTrue(g.bool("isInternalGroup")),
                isTrue(g.bool("hasAccessToAllBuilds")),
                isTrue(g.bool("feedbackEnabled")),
                isTrue(g.bool("publicLinkEnabled"))));
      }
    }
    groups.sort(Comparator.comparing(LiveGroup::name).thenComparing(LiveGroup::id));
    return groups;
  }

  private List<LiveTester> readTesters(String appId, Set<String> appGroupIds) {
    String query =
        Query.of("/v1/betaTesters")
            .param("filter[apps]", appId)
            .param("fields[betaTesters]", "email,firstName,lastName,inviteType,state,betaGroups")
            .param("include", "betaGroups")
            .param("fields[betaGroups]", "name")
            .param("limit[betaGroups]", INCLUDED_GROUPS_LIMIT)
            .param("limit", PAGE)
            .build();
    List<LiveTester> testers = new ArrayList<>();
    for (Document page : client.getAll(query)) {
      for (Resource t : page.data()) {
        testers.add(toTester(t, appGroupIds));
      }
    }
    testers.sort(Comparator.comparing((LiveTester t) -> Objects.requireNonNullElse(t.email(), "")).thenComparing(LiveTester::id));
    return testers;
  }

  private LiveTester toTester(Resource t, Set<String> appGroupIds) {
    List<Linkage> linkages = t.toMany("betaGroups");
    int total = t.relationshipTotal("betaGroups").orElse(linkages.size());
    if (total > linkages.size()) {
      linkages = new ArrayList<>();
      String query = Query.of("/v1/betaTesters/" + t.id() + "/relationships/betaGroups").param("limit", PAGE).build();
      for (Document page : client.getAll(query)) {
        for (Resource r : page.data()) {
          linkages.add(new Linkage(r.type(), r.id()));
        }
      }
    }
    Set<String> groupIds = new HashSet<>();
    for (Linkage l : linkages) {
      if (appGroupIds.contains(l.id())) {
        groupIds.add(l.id());
      }
    }
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

  private static boolean isTrue(Boolean b) {
    return Boolean.TRUE.equals(b);
  }
}
