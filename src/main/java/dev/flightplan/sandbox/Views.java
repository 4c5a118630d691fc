package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders records as the request asked for them: its sparse fieldsets, and its {@code include} values, which put
 * linkages into the relationship (at most {@code limit[rel]} of them, with the true total in
 * {@code meta.paging.total}) and the linked resources into the document's {@code included}.
 */
final class Views {
  static final int MAX_INCLUDE_LIMIT = 50;

  private final SandboxState state;
  private final Resources resources;

  Views(SandboxState state, Resources resources) {
    this.state = state;
    this.resources = resources;
  }

  Resources resources() {
    return resources;
  }

  ObjectNode app(App app, Query query) {
    return resources.app(app, FieldNames.requested(query, "apps"));
  }

  ObjectNode group(Group group, Query query, Documents.Included included) {
    Set<String> include = Set.copyOf(query.list("include"));
    Map<String, Resources.Linkages> linkages = new HashMap<>();
    if (include.contains("app")) {
      linkages.put("app", Resources.Linkages.toOne("apps", group.app()));
      included.add("apps", group.app(), () -> app(state.app(group.app()), query));
    }
    if (include.contains("betaTesters")) {
      List<String> members = state.members(group.id()).stream().map(Tester::id).toList();
      Resources.Linkages shown = Resources.Linkages.toMany("betaTesters", members, limit(query, "betaTesters"));
      linkages.put("betaTesters", shown);
      for (String id : shown.ids().items()) {
        included.add("betaTesters", id, () -> tester(state.tester(id), Query.parse(""), null, query));
      }
    }
    return resources.group(group, FieldNames.requested(query, "betaGroups"), linkages);
  }

  ObjectNode tester(Tester tester, Query query, Documents.Included included) {
    return tester(tester, query, included, query);
  }

  /**
   * A tester with the includes of {@code includeQuery} and the fieldset of {@code fieldsQuery}; the two differ
   * when the tester is itself an included resource (its own relationships are then not expanded).
   */
  private ObjectNode tester(Tester tester, Query includeQuery, Documents.Included included, Query fieldsQuery) {
    Set<String> include = Set.copyOf(includeQuery.list("include"));
    Map<String, Resources.Linkages> linkages = new HashMap<>();
    if (include.contains("betaGroups")) {
      List<String> groups = state.groupsOf(tester).stream().map(Group::id).toList();
      Resources.Linkages shown = Resources.Linkages.toMany("betaGroups", groups, limit(includeQuery, "betaGroups"));
      linkages.put("betaGroups", shown);
      for (String id : shown.ids().items()) {
        included.add("betaGroups", id, () -> resources.group(
            state.group(id), FieldNames.requested(includeQuery, "betaGroups"), Map.of()));
      }
    }
    if (include.contains("apps")) {
      List<String> apps = state.appsOf(tester).stream().map(App::id).toList();
      Resources.Linkages shown = Resources.Linkages.toMany("apps", apps, limit(includeQuery, "apps"));
      linkages.put("apps", shown);
      for (String id : shown.ids().items()) {
        included.add("apps", id, () -> app(state.app(id), includeQuery));
      }
    }
    return resources.tester(tester, FieldNames.requested(fieldsQuery, "betaTesters"), linkages);
  }

  private static int limit(Query query, String relationship) {
    return Paging.limit(query, "limit[" + relationship + "]", MAX_INCLUDE_LIMIT, Paging.DEFAULT_INCLUDE_LIMIT);
  }
}
