package dev.flightplan.state;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A beta tester of one app as App Store Connect has it. {@code email} is lower-cased (null for some
 * public-link joiners); {@code groupIds} holds only groups of this app, complete even when the API
 * truncated the include.
 */
public record LiveTester(
    String id,
    String email,
    String firstName,
    String lastName,
    String inviteType,
    String state,
    Set<String> groupIds) {
  public LiveTester {
    Objects.requireNonNull(id, "id");
    groupIds = Set.copyOf(groupIds);
  }

  /**
   * What a saved plan checks of the tester: all but its state, which moves on by itself (INVITED →
   * ACCEPTED → INSTALLED) and which no planned action depends on.
   */
  Map<String, Object> fingerprint() {
    Map<String, Object> f = new TreeMap<>();
    f.put("id", id);
    f.put("email", email);
    f.put("firstName", firstName);
    f.put("lastName", lastName);
    f.put("inviteType", inviteType);
    f.put("groupIds", Fingerprints.sorted(groupIds));
    return f;
  }

  public boolean joinedByPublicLink() {
    return "PUBLIC_LINK".equals(inviteType);
  }
}
