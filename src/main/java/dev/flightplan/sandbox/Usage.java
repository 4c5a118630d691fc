package dev.flightplan.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Beta usage the API reports but cannot change, taken from the seed: per tester, app and UTC day,
 * the sessions, crashes, feedback and installs (optionally of one build); per group and day, what
 * its public link saw. The metrics endpoints sum it over a period. Not thread-safe: used under the
 * state lock.
 */
final class Usage {
  /**
   * What one tester did with one app (and, when known, one build of it) on one UTC day ({@code
   * yyyy-MM-dd}).
   */
  record TesterDay(
      String app,
      String tester,
      String build,
      String day,
      int sessions,
      int crashes,
      int feedback,
      int installs) {}

  /**
   * What the public link of one group saw on one UTC day: views, testers who accepted, did not
   * accept or did not meet the criteria, and of those who did not accept, how many found the beta
   * not relevant, unclear or not interesting.
   */
  record LinkDay(
      String group,
      String day,
      int views,
      int accepted,
      int didNotAccept,
      int didNotMeetCriteria,
      int notRelevant,
      int notClear,
      int notInteresting) {}

  /** The persisted form; absent lists (older state files) are empty. */
  record Snapshot(List<TesterDay> testers, List<LinkDay> publicLinks) {
    static final Snapshot EMPTY = new Snapshot(null, null);

    Snapshot {
      testers = List.copyOf(testers == null ? List.of() : testers);
      publicLinks = List.copyOf(publicLinks == null ? List.of() : publicLinks);
    }
  }

  /** The journal's names of the two lists (their rows have no id: they are only ever added). */
  static final String TESTERS = "usage.testers";

  static final String LINKS = "usage.publicLinks";

  private final List<TesterDay> testers = new ArrayList<>();

  /**
   * Whether an app's or group's usage per tester leaves out the testers without sessions, crashes
   * or feedback in the period, instead of an item of zeros: Apple does not say which it does, so a
   * client must cope with both ({@link SandboxAdmin#usageLeavesOutIdleTesters}). Not saved.
   */
  private boolean leavesOutIdle;

  private final List<LinkDay> publicLinks = new ArrayList<>();
  private final Changes changes;

  Usage(Changes changes) {
    this.changes = changes;
  }

  Snapshot snapshot() {
    return new Snapshot(testers, publicLinks);
  }

  void load(Snapshot snapshot) {
    testers.addAll(snapshot.testers());
    publicLinks.addAll(snapshot.publicLinks());
  }

  boolean leavesOutIdle() {
    return leavesOutIdle;
  }

  void leaveOutIdle(boolean leaveOut) {
    leavesOutIdle = leaveOut;
  }

  void add(TesterDay day) {
    testers.add(day);
    changes.put(TESTERS, null, day);
  }

  void add(LinkDay day) {
    publicLinks.add(day);
    changes.put(LINKS, null, day);
  }

  List<TesterDay> testerDays() {
    return List.copyOf(testers);
  }

  List<LinkDay> linkDays() {
    return List.copyOf(publicLinks);
  }
}
