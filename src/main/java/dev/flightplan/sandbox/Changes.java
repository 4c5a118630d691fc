package dev.flightplan.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows the state's writes changed since the journal last took them, in the order they were
 * made: what a file-backed sandbox appends to its journal after each write. Records nothing until
 * {@link #start()} (memory mode, loading, and the copies of the read lag never start it). Used
 * under the state lock.
 */
final class Changes {
  /**
   * One changed row: {@code table} the resource type (or {@code usage.testers}, {@code
   * usage.publicLinks}, {@code clock}), {@code id} its key, {@code row} its new value, null when it
   * was removed.
   */
  record Change(String table, String id, Object row) {}

  private List<Change> pending = new ArrayList<>();
  private boolean recording;

  void start() {
    recording = true;
  }

  void put(String table, String id, Object row) {
    if (recording) {
      pending.add(new Change(table, id, row));
    }
  }

  void remove(String table, String id) {
    if (recording) {
      pending.add(new Change(table, id, null));
    }
  }

  /** The changes made since the last call, and forgets them. */
  List<Change> take() {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<Change> taken = pending;
    pending = new ArrayList<>();
    return taken;
  }
}
