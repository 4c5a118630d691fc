package dev.flightplan.plan;

import dev.flightplan.config.SecretRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A value apply puts into a call's body that planning cannot write there: at the JSON pointer
 * {@code pointer}, the id that the call producing {@code ref} created, or the value of the secret
 * {@code secret}. Exactly one of the two is set. The body holds an empty string at the pointer
 * until then.
 *
 * <p>Substitutions are the only way anything enters a body after planning: apply never looks inside
 * the strings of a body, so text a user wrote ({@code "{r1}"}, {@code "{secret:env X}"}) is sent as
 * written. A secret goes only to the one field that declares it, the demo account password of a
 * review detail update ({@link #SECRET_FIELD} of {@link #SECRET_CALL}); {@link ApiCall} refuses any
 * other.
 */
public record Substitution(String pointer, String ref, SecretRef secret) {
  /** The only field a secret may be put in. */
  public static final String SECRET_FIELD = "/data/attributes/demoAccountPassword";

  /** The only request ({@link ApiCall#template()}) a secret may be put in. */
  public static final String SECRET_CALL = "PATCH /v1/betaAppReviewDetails/{id}";

  public Substitution {
    Objects.requireNonNull(pointer, "pointer");
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException(
          "a substitution's pointer is a JSON pointer such as /data/id, got \"" + pointer + "\"");
    }
    if ((ref == null) == (secret == null)) {
      throw new IllegalArgumentException("a substitution puts an id or a secret, exactly one");
    }
    if (ref != null) {
      Id.requireRef(ref);
    }
    if (secret != null && secret.pos() != null) {
      secret =
          new SecretRef(
              secret.env(), secret.file(), null); // where the file said it is no part of the plan
    }
  }

  /** The id the call producing {@code ref} creates, put at {@code pointer}. */
  public static Substitution id(String pointer, String ref) {
    return new Substitution(pointer, ref, null);
  }

  /** The value of {@code secret}, put at {@code pointer}, read only when the call is sent. */
  public static Substitution secret(String pointer, SecretRef secret) {
    return new Substitution(pointer, null, Objects.requireNonNull(secret, "secret"));
  }

  /**
   * What a body holds for {@code id} at {@code pointer}: the id itself, or, for an id an earlier
   * call produces, an empty string, with the substitution that fills it in added to {@code into}.
   */
  public static String place(Id id, String pointer, List<Substitution> into) {
    if (id.isProduced()) {
      into.add(id(pointer, id.ref()));
    }
    return id.inBody();
  }

  /** {@code /data/id}: the id of the resource a PATCH changes. */
  public static String dataId() {
    return "/data/id";
  }

  /**
   * The id of the {@code index}-th linkage of a relationship request's body ({@code
   * {"data":[...]}}).
   */
  public static String linkageId(int index) {
    return "/data/" + index + "/id";
  }

  /** The id of a create's to-one relationship {@code name}. */
  public static String relationshipId(String name) {
    return "/data/relationships/" + escape(name) + "/data/id";
  }

  /** The id of the {@code index}-th linkage of a create's to-many relationship {@code name}. */
  public static String relationshipId(String name, int index) {
    if (index >= SHARED) {
      return "/data/relationships/" + escape(name) + "/data/" + index + "/id";
    }
    // one string per relationship and index, shared by every create of a plan
    String[] pointers = RELATIONSHIP_IDS.computeIfAbsent(name, n -> new String[SHARED]);
    String pointer = pointers[index];
    if (pointer == null) {
      pointer = "/data/relationships/" + escape(name) + "/data/" + index + "/id";
      pointers[index] = pointer;
    }
    return pointer;
  }

  private static final int SHARED = 64;
  private static final Map<String, String[]> RELATIONSHIP_IDS = new ConcurrentHashMap<>();

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
