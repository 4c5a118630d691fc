package dev.flightplan.state;

import java.util.Objects;
import java.util.Set;

/**
 * A beta tester of one app as App Store Connect has it. {@code email} is lower-cased (null for some public-link
 * joiners); {@code groupIds} holds only groups of this app, complete even when the API truncated the include.
 */
public record LiveTester(
    String id, String email, String firstName, String lastName, String inviteType, String state, Set<String> groupIds) {
  public LiveTester {
    Objects.requireNonNull(id, "id");
    groupIds = Set.copyOf(groupIds);
  }

  public boolean joinedByPublicLink() {
    return "PUBLIC_LINK".equals(inviteType);
  }
}
