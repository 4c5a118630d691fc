package dev.flightplan.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered, immutable set of attribute values of an object as the plan shows them. Values are
 * String, Boolean, Integer or List of String; absent attributes are not present (never null
 * values).
 */
public record Attributes(Map<String, Object> values) {
  public Attributes {
    if (values instanceof Built built) { // the builder's own map, already checked: no second copy
      values = Collections.unmodifiableMap(built);
      built.done = true;
    } else {
      values = copy(values);
    }
  }

  private static Map<String, Object> copy(Map<String, Object> values) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v instanceof List<?> l ? List.copyOf(l) : v);
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  /** A builder's values: no nulls, lists copied. */
  private static final class Built extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
    private boolean done;
  }

  public static Attributes empty() {
    return new Attributes(Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  public Object get(String name) {
    return values.get(name);
  }

  /** Collects attributes in the order they are put. */
  public static final class Builder {
    private Built values = new Built();

    public Builder put(String name, Object value) {
      if (values.done) { // built already: the Attributes made own the map
        Built next = new Built();
        next.putAll(values);
        values = next;
      }
      if (value != null) {
        values.put(name, value instanceof List<?> l ? List.copyOf(l) : value);
      }
      return this;
    }

    public Attributes build() {
      if (values.done) {
        Built next = new Built();
        next.putAll(values);
        values = next;
      }
      return new Attributes(values);
    }
  }
}
