package dev.flightplan.plan;

/**
 * The id of an App Store Connect object as a plan knows it: read from App Store Connect ({@code
 * value}), or not known until an earlier call of the same apply creates the object ({@code ref},
 * the reference {@code rN} that call {@link ApiCall#produces() produces}). Exactly one of the two
 * is set.
 *
 * <p>A produced id is never written into a request as text: the request holds a placeholder where
 * it goes (an empty string in the body, {@code {id}} as the path's id segment) and says beside its
 * body where apply puts the id (see {@link Substitution} and {@link ApiCall#pathRef()}).
 */
public record Id(String value, String ref) {
  /** What a path holds as its id segment when the id is produced by an earlier call. */
  public static final String PATH_PLACEHOLDER = "{id}";

  public Id {
    if ((value == null) == (ref == null)) {
      throw new IllegalArgumentException("an id is known or produced, exactly one");
    }
    if (ref != null) {
      requireRef(ref);
    }
  }

  /** An id read from App Store Connect. */
  public static Id of(String value) {
    return new Id(value, null);
  }

  /** The id that the call producing {@code ref} creates. */
  public static Id produced(String ref) {
    return new Id(null, ref);
  }

  public boolean isProduced() {
    return ref != null;
  }

  /**
   * What a request body holds in this id's place: the id, or an empty string that apply fills in.
   */
  public String inBody() {
    return value != null ? value : "";
  }

  /**
   * What a path holds as its id segment: the id, or {@link #PATH_PLACEHOLDER} that apply fills in.
   */
  public String inPath() {
    return value != null ? value : PATH_PLACEHOLDER;
  }

  /**
   * r followed by one or more digits; checked without a regex matcher, since one is made per call a
   * plan creates.
   */
  private static boolean isRef(String ref) {
    if (ref == null || ref.length() < 2 || ref.charAt(0) != 'r') {
      return false;
    }
    for (int i = 1; i < ref.length(); i++) {
      if (ref.charAt(i) < '0' || ref.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Checks that {@code ref} names a reference ({@code r1}, {@code r2}, ...) and returns it. */
  static String requireRef(String ref) {
    if (!isRef(ref)) {
      throw new IllegalArgumentException("a reference is r followed by digits, got " + ref);
    }
    return ref;
  }
}
