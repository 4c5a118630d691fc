package dev.flightplan.sandbox;

import java.util.Objects;

/** An App Store Connect user of the team, as seeded: only such people may be members of internal groups. */
record TeamUser(String email, String firstName, String lastName) {
  TeamUser {
    Objects.requireNonNull(email, "email");
  }
}
