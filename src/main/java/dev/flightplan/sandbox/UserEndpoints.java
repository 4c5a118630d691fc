package dev.flightplan.sandbox;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The team's App Store Connect users, as seeded: listed, filtered by username (the Apple ID,
 * compared ignoring case, as emails are everywhere else) or role, sorted and paged. Read only:
 * users are invited in Users and Access. {@code filter[visibleApps]} and {@code
 * include=visibleApps} are declared by the spec but not implemented.
 */
final class UserEndpoints {
  private static final String TYPE = "users";
  private static final Map<String, Comparator<TeamUser>> SORTS =
      Map.of(
          "username", Comparator.comparing(u -> SandboxState.emailKey(u.email())),
          "lastName",
              Comparator.comparing(
                  TeamUser::lastName, Comparator.nullsFirst(Comparator.naturalOrder())));

  private final SandboxState state;
  private final Views views;

  UserEndpoints(SandboxState state, Views views) {
    this.state = state;
    this.views = views;
  }

  List<Route> routes() {
    QuerySpec list =
        QuerySpec.builder()
            .fields(TYPE, FieldNames.USERS)
            .filter("username")
            .filter("roles", TeamUser.ROLES.toArray(String[]::new))
            .sort("username", "-username", "lastName", "-lastName")
            .paged()
            .build();
    return List.of(new Route("GET", "/v1/users", list, this::list));
  }

  private Response list(Request request) {
    Query q = request.query();
    List<String> ids =
        state.users().stream()
            .filter(Filters.matchesEmail(q, "username", TeamUser::email))
            .filter(Filters.matchesAny(q, "roles", TeamUser::roles))
            .sorted(Filters.order(q.list("sort"), SORTS))
            .map(TeamUser::id)
            .toList();
    return views.page(request, TYPE, ids);
  }
}
