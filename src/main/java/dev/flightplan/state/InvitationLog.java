package dev.flightplan.state;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * When flightplan last sent, or first saw, each tester's TestFlight invitation, per app (bundle id)
 * and tester (App Store Connect's tester id; no email or name is kept). App Store Connect does not
 * say when a tester was invited, so this is the one thing flightplan remembers between runs, and
 * only for apps whose file sets {@code invitations.resendAfterDays}. Losing it is safe: a tester
 * without an entry is re-invited only after a full interval from the apply that first sees it.
 */
public record InvitationLog(SortedMap<String, SortedMap<String, Entry>> apps) {
  /**
   * {@code sent}: flightplan sent an invitation at {@code at}; otherwise it first saw the tester
   * INVITED then.
   */
  public record Entry(Instant at, boolean sent) {
    public Entry {
      Objects.requireNonNull(at, "at");
    }
  }

  public static final InvitationLog EMPTY = new InvitationLog(new TreeMap<>());

  public InvitationLog {
    SortedMap<String, SortedMap<String, Entry>> copy = new TreeMap<>();
    apps.forEach(
        (app, entries) -> {
          if (!entries.isEmpty()) {
            copy.put(app, Collections.unmodifiableSortedMap(new TreeMap<>(entries)));
          }
        });
    apps = Collections.unmodifiableSortedMap(copy);
  }

  public Optional<Entry> entry(String app, String testerId) {
    return Optional.ofNullable(of(app).get(testerId));
  }

  /** The entries of one app, by tester id (empty when it has none). */
  public SortedMap<String, Entry> of(String app) {
    return apps.getOrDefault(app, Collections.emptySortedMap());
  }

  /** A mutable copy of the entries, by app then tester id, to edit and make a new log of. */
  public TreeMap<String, SortedMap<String, Entry>> toMutable() {
    TreeMap<String, SortedMap<String, Entry>> copy = new TreeMap<>();
    apps.forEach((app, entries) -> copy.put(app, new TreeMap<>(entries)));
    return copy;
  }
}
