package dev.flightplan.state;

import dev.flightplan.api.Resource;
import dev.flightplan.config.AppSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A part of an app's live state that a kind needs read, declared by that kind: one relationship of
 * the app, which the state reader includes in the apps lookup with the {@code fields} of its {@code
 * type}, so that it costs no request of its own (a to-many relationship capped by the include is
 * completed from the app's related endpoint). Every part is read when any part is {@link #wanted}
 * by the file (the saved plan's {@code info}), so that adding one adds no request. {@code decode}
 * turns the related resources (none or one for a to-one relationship) into the kind's live value
 * ({@code null}: absent); {@code fingerprint} gives the value's fields that a saved plan checks, as
 * JSON-ready maps, lists and scalars (never a secret, not even hashed), under {@code name} in the
 * app's beta information entry.
 */
public record AppPart<T>(
    String name,
    String relationship,
    String type,
    List<String> fields,
    boolean toMany,
    Predicate<AppSpec> wanted,
    Function<List<Resource>, T> decode,
    Function<T, Object> fingerprint)
    implements Part<T> {
  public AppPart {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(relationship, "relationship");
    Objects.requireNonNull(type, "type");
    fields = List.copyOf(fields);
    Objects.requireNonNull(wanted, "wanted");
    Objects.requireNonNull(decode, "decode");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /**
   * The value's fingerprint under the part's name in the app's beta information entry; absent stays
   * null.
   */
  @Override
  public void fingerprintInto(T value, Map<String, Object> into) {
    into.put(name, value == null ? null : fingerprint.apply(value));
  }

  /** Identity: a kind declares each of its parts once, as a constant. */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "AppPart[" + name + "]";
  }
}
