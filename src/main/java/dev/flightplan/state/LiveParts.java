package dev.flightplan.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parts of an app's or a build's live state that kinds declared ({@link Part}), each under its
 * part, typed: {@link #get} hands back the type the part decodes. Empty when none was read (the
 * file manages none of them); a part read and found absent holds null.
 */
public final class LiveParts {
  public static final LiveParts NOT_READ = new LiveParts(Map.of());

  private final Map<Part<?>, Object> values;

  private LiveParts(Map<Part<?>, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** These parts and {@code part}, holding {@code value} (null: read, and absent). */
  public <T> LiveParts with(Part<T> part, T value) {
    Map<Part<?>, Object> more = new LinkedHashMap<>(values);
    more.put(Objects.requireNonNull(part, "part"), value);
    return new LiveParts(more);
  }

  /** The value of {@code part}: null when it was not read or is absent. */
  public <T> T get(Part<T> part) {
    return part.cast(values.get(part));
  }

  /** Whether {@code part} was read. */
  public boolean read(Part<?> part) {
    return values.containsKey(part);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The fields each part adds to its owner's fingerprint, sorted; empty when nothing was read. */
  Map<String, Object> fingerprint() {
    Map<String, Object> fields = new TreeMap<>();
    values.forEach((part, value) -> fingerprintInto(part, value, fields));
    return fields;
  }

  private static <T> void fingerprintInto(Part<T> part, Object value, Map<String, Object> fields) {
    part.fingerprintInto(part.cast(value), fields);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LiveParts p && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "LiveParts" + values;
  }
}
