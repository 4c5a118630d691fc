package dev.flightplan.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How apply finds out, by reading, whether an {@link ApiCall} took effect when its answer does not
 * say: a create whose answer was lost (a 5xx or a dropped connection: the server may have done it),
 * a 409 that may mean "already there", or a 202 (accepted, completes later). Plain data, made by
 * the kinds and saved with the plan. Like a call's path, the path's id segment may be an id an
 * earlier call produces: it then holds {@code {id}} and {@code pathRef} names the reference.
 *
 * <ul>
 *   <li>{@link Mode#FIND}: read {@code path} (every page); the call took effect when a resource of
 *       {@code type}, in {@code data} or {@code included}, has every attribute of {@code match}
 *       equal to one of its values ({@code ignoreCase} for e-mail addresses). Its id is what a
 *       create produces: apply adopts it. A 404 reads as nothing found.
 *   <li>{@link Mode#MEMBERS}: read {@code path} (every page), which lists linkages or resources;
 *       the call's body lists ids. A POST took effect for the ids now listed, a DELETE for those no
 *       longer listed; only the rest is sent again.
 *   <li>{@link Mode#NONE}: nothing can be read back (a one-off request such as a notification): an
 *       unknown outcome counts as done and is never repeated, so nobody gets a message twice.
 * </ul>
 */
public record ReadBack(
    Mode mode,
    String path,
    String pathRef,
    String type,
    Map<String, List<String>> match,
    boolean ignoreCase) {
  public enum Mode {
    FIND,
    MEMBERS,
    NONE
  }

  public ReadBack {
    Objects.requireNonNull(mode, "mode");
    if (mode != Mode.NONE) {
      Objects.requireNonNull(path, "path");
      ApiCall.checkPathRef(path, pathRef);
    } else if (pathRef != null) {
      throw new IllegalArgumentException("nothing is read back, so there is no path to fill in");
    }
    if (match == null || match.isEmpty()) {
      match = Map.of();
    } else if (match.size() == 1) { // one attribute (every create's read-back): no map of our own
      Map.Entry<String, List<String>> e = match.entrySet().iterator().next();
      match = Map.of(e.getKey(), List.copyOf(e.getValue()));
    } else {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      match.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      match = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /**
   * Found when a resource of {@code type} read from {@code path} has these attributes (pairs: name,
   * value).
   */
  public static ReadBack find(String path, String type, String... attributeValuePairs) {
    return new ReadBack(Mode.FIND, path, null, type, pairs(attributeValuePairs), false);
  }

  /** As {@link #find}, comparing values without regard to case (e-mail addresses). */
  public static ReadBack findIgnoringCase(String path, String type, String... attributeValuePairs) {
    return new ReadBack(Mode.FIND, path, null, type, pairs(attributeValuePairs), true);
  }

  /**
   * Found when a resource of {@code type} read from {@code path} has {@code attribute} set to one
   * of {@code values}.
   */
  public static ReadBack findOneOf(
      String path, String type, String attribute, List<String> values) {
    return new ReadBack(Mode.FIND, path, null, type, Map.of(attribute, values), false);
  }

  /** The call's body lists ids; {@code path} lists the ids present. */
  public static ReadBack members(String path) {
    return new ReadBack(Mode.MEMBERS, path, null, null, Map.of(), false);
  }

  /** Nothing to read: an unknown outcome counts as done, never repeated. */
  public static ReadBack none() {
    return new ReadBack(Mode.NONE, null, null, null, Map.of(), false);
  }

  /** A copy whose path's id segment is {@code id} (the path holds {@link Id#inPath()} there). */
  public ReadBack withIdInPath(Id id) {
    return new ReadBack(mode, path, id.ref(), type, match, ignoreCase);
  }

  private static Map<String, List<String>> pairs(String... kv) {
    if (kv.length % 2 != 0) {
      throw new IllegalArgumentException("attribute and value pairs expected");
    }
    if (kv.length == 2) {
      return Map.of(kv[0], List.of(kv[1]));
    }
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.computeIfAbsent(kv[i], k -> new ArrayList<>()).add(kv[i + 1]);
    }
    return m;
  }
}
