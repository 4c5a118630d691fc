package dev.flightplan.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The builds a plan gives to (or takes from) groups and individual testers, collected from every
 * kind so that each build gets one request per relationship and direction, whatever number of
 * groups or testers it concerns.
 */
public final class BuildAssignments {
  /** One side of a build's relationships: {@code betaGroups} or {@code individualTesters}. */
  public enum Target {
    GROUPS,
    TESTERS
  }

  /**
   * The ids (known, or produced by earlier calls) to add or remove for one build and target, with
   * the objects they serve.
   */
  public record Batch(
      String buildId,
      String buildLabel,
      Target target,
      boolean add,
      List<Id> ids,
      List<Address> serves) {}

  private record Key(String buildId, Target target, boolean add) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = buildId.compareTo(o.buildId);
      if (c == 0) {
        c = target.compareTo(o.target);
      }
      return c != 0 ? c : Boolean.compare(o.add, add);
    }
  }

  private final Map<Key, List<Id>> ids = new TreeMap<>();
  private final Map<Key, List<Address>> serves = new TreeMap<>();
  private final Map<String, String> labels = new TreeMap<>();

  public void add(
      String buildId, String label, Target target, boolean add, Id id, Address serving) {
    Key key = new Key(buildId, target, add);
    labels.put(buildId, label);
    ids.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
    serves.computeIfAbsent(key, k -> new ArrayList<>()).add(serving);
  }

  /** The batches, sorted by build id, target and direction (adds first). */
  public List<Batch> batches() {
    List<Batch> out = new ArrayList<>();
    ids.forEach(
        (k, v) ->
            out.add(
                new Batch(
                    k.buildId(), labels.get(k.buildId()), k.target(), k.add(), v, serves.get(k))));
    return out;
  }
}
