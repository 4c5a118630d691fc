package dev.flightplan.state;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The App Store Connect users of the team, who alone may be members of internal groups, as far as
 * they were read: {@code NOT_READ} (no plan needed them), {@code READ} with their usernames (Apple
 * IDs, lower-cased), or {@code REFUSED} with what App Store Connect answered (the API key's role
 * may not list users). Team-wide: the same for every app.
 */
public record TeamUsers(Status status, Set<String> usernames, String refusal) {
  /** Whether the users were read, and if not, why. */
  public enum Status {
    NOT_READ,
    READ,
    REFUSED
  }

  public static final TeamUsers NOT_READ = new TeamUsers(Status.NOT_READ, Set.of(), null);

  public TeamUsers {
    Objects.requireNonNull(status, "status");
    usernames = Set.copyOf(usernames);
    if ((status == Status.REFUSED) != (refusal != null)) {
      throw new IllegalArgumentException(
          "a refusal, and only a refusal, says why: " + status + ", " + refusal);
    }
  }

  public static TeamUsers read(Collection<String> usernames) {
    Set<String> lower = new TreeSet<>();
    usernames.forEach(u -> lower.add(u.toLowerCase(Locale.ROOT)));
    return new TeamUsers(Status.READ, lower, null);
  }

  public static TeamUsers refused(String why) {
    return new TeamUsers(Status.REFUSED, Set.of(), Objects.requireNonNull(why, "why"));
  }

  /**
   * Whether {@code email} (any case) is a user of the team; only meaningful when the users were
   * read.
   */
  public boolean isUser(String email) {
    if (status != Status.READ) {
      throw new IllegalStateException("the team's users were not read (" + status + ")");
    }
    return usernames.contains(email.toLowerCase(Locale.ROOT));
  }
}
