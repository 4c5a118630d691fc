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
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v instanceof List<?> l ? List.copyOf(l) : v);
          }
        });
    values = Collections.unmodifiableMap(copy);
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
    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    public Builder put(String name, Object value) {
      if (value != null) {
        values.put(name, value);
      }
      return this;
    }

    public Attributes build() {
      return new Attributes(values);
    }
  }
}
