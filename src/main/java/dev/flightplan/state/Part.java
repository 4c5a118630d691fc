package dev.flightplan.state;

import java.util.Map;

/**
 * A part of the live state that a kind declares and the state reader reads with its owner (an app:
 * {@link AppPart}; a build: {@link BuildPart}), so that it costs no request of its own; held,
 * typed, in {@link LiveParts}.
 */
public sealed interface Part<T> permits AppPart, BuildPart {
  /** The part's name, unique among the parts of its owner. */
  String name();

  /**
   * Adds what a saved plan checks of {@code value} (null: read, and absent) to its owner's
   * fingerprint {@code into}.
   */
  void fingerprintInto(T value, Map<String, Object> into);

  @SuppressWarnings("unchecked")
  default T cast(Object value) {
    // LiveParts holds under each part only a value that part decoded
    return (T) value;
  }
}
