package dev.flightplan.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An App Store Connect user of the team, as seeded: only such people may be members of internal
 * groups. The email is the user's Apple ID, which the API calls {@code username}. What the seed
 * leaves out is filled in: the id is derived from the email (so a seed always gives the same ids,
 * and state files written before users had ids load), the roles are {@code DEVELOPER}, all apps are
 * visible and provisioning is not allowed (our defaults, not Apple's).
 */
record TeamUser(
    String id,
    String email,
    String firstName,
    String lastName,
    List<String> roles,
    Boolean allAppsVisible,
    Boolean provisioningAllowed) {
  /** The {@code UserRole} values of Apple's OpenAPI document. */
  static final Set<String> ROLES =
      Set.of(
          "ADMIN",
          "FINANCE",
          "ACCOUNT_HOLDER",
          "SALES",
          "MARKETING",
          "APP_MANAGER",
          "DEVELOPER",
          "ACCESS_TO_REPORTS",
          "CUSTOMER_SUPPORT",
          "CREATE_APPS",
          "CLOUD_MANAGED_DEVELOPER_ID",
          "CLOUD_MANAGED_APP_DISTRIBUTION",
          "GENERATE_INDIVIDUAL_KEYS");

  TeamUser {
    Objects.requireNonNull(email, "every user needs an email");
    id = id != null ? id : Ids.stableUuid("user:" + SandboxState.emailKey(email));
    roles = roles == null || roles.isEmpty() ? List.of("DEVELOPER") : List.copyOf(roles);
    for (String role : roles) {
      if (!ROLES.contains(role)) {
        throw new IllegalArgumentException("user " + email + " has the unknown role " + role);
      }
    }
    allAppsVisible = allAppsVisible == null || allAppsVisible;
    provisioningAllowed = provisioningAllowed != null && provisioningAllowed;
  }
}
