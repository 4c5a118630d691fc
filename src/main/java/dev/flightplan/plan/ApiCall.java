package dev.flightplan.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.config.SecretRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One App Store Connect request that apply will send, as plain data.
 *
 * <p>Ids of objects that the same apply creates are not known when planning. The call that creates
 * such an object names the reference it {@code produces} ({@code r1}, {@code r2}, ...), and a call
 * that needs the id says so beside its data, never inside it: {@code pathRef} when the path's id
 * segment ({@code /v1/betaGroups/{id}/...}) is that id, and {@link Substitution}s for the places in
 * the body (which holds an empty string there until apply fills it in). The one secret a plan knows
 * of, the demo account password, is a substitution too, resolved only when the call is sent. Apply
 * never looks inside the strings of a path or body, so user-written text reaches App Store Connect
 * as written.
 *
 * <p>{@code phase} is when, within its app, the call is sent (null for a call made outside a plan):
 * apply may send calls of the same app and phase together, and sends a phase only once the ones
 * before it are done. Within a phase, a call is sent only once the calls producing the ids it needs
 * have finished, and the calls it must follow ({@code after}, by {@code key}: every call of a plan
 * has a key) too.
 *
 * <p>{@code readBack} (null when none) says how apply finds out whether the call took effect when
 * its answer does not say (see {@link ReadBack}): a create is never sent twice blindly.
 *
 * <p>The body is kept as compact JSON text ({@code bodyJson}, null when there is none) and {@link
 * #body()} gives a fresh tree of it: a plan of 100,000 tester creates holds 100,000 bodies, and as
 * trees they took ten times the memory.
 */
public record ApiCall(
    String method,
    String path,
    String pathRef,
    String produces,
    String purpose,
    List<Address> serves,
    List<String> tolerate,
    Phase phase,
    String bodyJson,
    List<Substitution> substitutions,
    ReadBack readBack,
    String key,
    List<String> after) {
  private static final Pattern ID_SEGMENT = Pattern.compile("/v1/([A-Za-z]+)/[^/?]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  public ApiCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(purpose, "purpose");
    serves = List.copyOf(serves);
    tolerate = List.copyOf(tolerate);
    substitutions = List.copyOf(substitutions);
    after = List.copyOf(after);
    if (bodyJson != null && !bodyJson.startsWith("{")) {
      throw new IllegalArgumentException("a request body is a JSON object, got " + bodyJson);
    }
    if (produces != null) {
      Id.requireRef(produces);
    }
    checkPathRef(path, pathRef);
    if (!substitutions.isEmpty() && bodyJson == null) {
      throw new IllegalArgumentException(
          "a call without a body has nothing to substitute: " + method + " " + path);
    }
    for (Substitution s : substitutions) {
      if (s.secret() != null
          && !(Substitution.SECRET_FIELD.equals(s.pointer())
              && Substitution.SECRET_CALL.equals(method + " " + templatePath(path)))) {
        throw new IllegalArgumentException(
            "a secret goes only to "
                + Substitution.SECRET_FIELD
                + " of "
                + Substitution.SECRET_CALL
                + ", not to "
                + s.pointer()
                + " of "
                + method
                + " "
                + templatePath(path));
      }
    }
  }

  /** A call with its body as a tree (or null), placed in {@code phase}. */
  public ApiCall(
      String method,
      String path,
      JsonNode body,
      String produces,
      String purpose,
      List<Address> serves,
      List<String> tolerate,
      Phase phase) {
    this(method, path, body, produces, purpose, serves, tolerate, phase, null);
  }

  /**
   * A call with its body as a tree (or null), placed in {@code phase}, read back as {@code
   * readBack} says.
   */
  public ApiCall(
      String method,
      String path,
      JsonNode body,
      String produces,
      String purpose,
      List<Address> serves,
      List<String> tolerate,
      Phase phase,
      ReadBack readBack) {
    this(
        method,
        path,
        null,
        produces,
        purpose,
        serves,
        tolerate,
        phase,
        body == null ? null : compact(body),
        List.of(),
        readBack,
        null,
        List.of());
  }

  /** A call not yet placed in a phase. */
  public ApiCall(
      String method,
      String path,
      JsonNode body,
      String produces,
      String purpose,
      List<Address> serves,
      List<String> tolerate) {
    this(method, path, body, produces, purpose, serves, tolerate, (Phase) null);
  }

  /** A call for which every error is a failure. */
  public ApiCall(
      String method,
      String path,
      JsonNode body,
      String produces,
      String purpose,
      List<Address> serves) {
    this(method, path, body, produces, purpose, serves, List.of(), (Phase) null);
  }

  /**
   * The request document as a new tree (the caller may change it), or null when the call has no
   * body.
   */
  public JsonNode body() {
    if (bodyJson == null) {
      return null;
    }
    try {
      return JSON.readTree(bodyJson);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the body of " + template() + " is not JSON", e);
    }
  }

  /**
   * A copy that counts an error whose code starts with one of {@code codes} as done: the API's way
   * of saying that what the call asks for already holds (for example 409 "auto-notify already
   * enabled" to a notification).
   */
  public ApiCall tolerating(String... codes) {
    return new ApiCall(
        method,
        path,
        pathRef,
        produces,
        purpose,
        serves,
        List.of(codes),
        phase,
        bodyJson,
        substitutions,
        readBack,
        key,
        after);
  }

  /** A copy that reads back as {@code readBack} says when its answer leaves the outcome open. */
  public ApiCall readingBack(ReadBack readBack) {
    return new ApiCall(
        method,
        path,
        pathRef,
        produces,
        purpose,
        serves,
        tolerate,
        phase,
        bodyJson,
        substitutions,
        readBack,
        key,
        after);
  }

  /** A copy placed in {@code phase}. */
  public ApiCall inPhase(Phase phase) {
    return new ApiCall(
        method,
        path,
        pathRef,
        produces,
        purpose,
        serves,
        tolerate,
        phase,
        bodyJson,
        substitutions,
        readBack,
        key,
        after);
  }

  /**
   * A copy whose path's id segment is {@code id}: the path must hold {@link Id#inPath()} there. For
   * a produced id, apply puts the id there when it sends the call.
   */
  public ApiCall withIdInPath(Id id) {
    return new ApiCall(
        method,
        path,
        id.ref(),
        produces,
        purpose,
        serves,
        tolerate,
        phase,
        bodyJson,
        substitutions,
        readBack,
        key,
        after);
  }

  /** A copy whose body gets {@code substitutions} when it is sent (they replace any it had). */
  public ApiCall substituting(List<Substitution> substitutions) {
    return new ApiCall(
        method,
        path,
        pathRef,
        produces,
        purpose,
        serves,
        tolerate,
        phase,
        bodyJson,
        substitutions,
        readBack,
        key,
        after);
  }

  /** A copy known in its plan as {@code key}. */
  public ApiCall keyed(String key) {
    return new ApiCall(
        method,
        path,
        pathRef,
        produces,
        purpose,
        serves,
        tolerate,
        phase,
        bodyJson,
        substitutions,
        readBack,
        key,
        after);
  }

  /**
   * A copy that is sent only once the calls with these {@code keys} have finished (and those it
   * followed already).
   */
  public ApiCall following(Collection<String> keys) {
    List<String> all = new ArrayList<>(after);
    keys.stream().filter(k -> !all.contains(k)).forEach(all::add);
    return new ApiCall(
        method,
        path,
        pathRef,
        produces,
        purpose,
        serves,
        tolerate,
        phase,
        bodyJson,
        substitutions,
        readBack,
        key,
        all);
  }

  /**
   * A copy placed in {@code phase}, known in its plan as {@code key} and following exactly the
   * calls keyed {@code after}: what a plan holds once it is put in order (one copy per call, where
   * a copy per change took three).
   */
  public ApiCall placed(Phase phase, String key, List<String> after) {
    return new ApiCall(
        method,
        path,
        pathRef,
        produces,
        purpose,
        serves,
        tolerate,
        phase,
        bodyJson,
        substitutions,
        readBack,
        key,
        after);
  }

  /**
   * The tree as compact JSON, the same text as {@code body.toString()} (see {@link CompactJson}).
   */
  public static String compact(JsonNode body) {
    return CompactJson.write(body);
  }

  /**
   * The references this call needs resolved before it can be sent: those of its path, its
   * substitutions and its read-back path, in that order, each once. Read from the structure, never
   * from the text.
   */
  public Set<String> needs() {
    Set<String> refs = new LinkedHashSet<>();
    if (pathRef != null) {
      refs.add(pathRef);
    }
    for (Substitution s : substitutions) {
      if (s.ref() != null) {
        refs.add(s.ref());
      }
    }
    if (readBack != null && readBack.pathRef() != null) {
      refs.add(readBack.pathRef());
    }
    return refs;
  }

  /** The secrets this call's body takes when it is sent. */
  public List<SecretRef> secrets() {
    return substitutions.stream().map(Substitution::secret).filter(Objects::nonNull).toList();
  }

  /**
   * {@code POST /v1/betaGroups} with ids and references replaced by {@code {id}}: how calls are
   * counted.
   */
  public String template() {
    return method + " " + templatePath(path);
  }

  private static String templatePath(String path) {
    return ID_SEGMENT.matcher(path).replaceAll("/v1/$1/{id}");
  }

  /**
   * Where the id segment of {@code path} starts and ends ({@code /v1/type/ID...}), or null when it
   * has none. A path is ours, never user text: its query (where user text may appear,
   * percent-encoded) comes after.
   */
  static int[] idSegment(String path) {
    Matcher m = ID_SEGMENT.matcher(path);
    if (!m.lookingAt()) {
      return null;
    }
    return new int[] {m.start(1) + m.group(1).length() + 1, m.end()};
  }

  /**
   * A path whose id segment is produced holds the placeholder there (the reverse is checked once it
   * is complete).
   */
  static void checkPathRef(String path, String ref) {
    if (ref != null) {
      Id.requireRef(ref);
      if (!hasPlaceholder(path)) {
        throw new IllegalArgumentException(
            "the path "
                + path
                + " has no "
                + Id.PATH_PLACEHOLDER
                + " id segment for the reference "
                + ref);
      }
    }
  }

  /**
   * Whether the id segment of {@code path} is {@link Id#PATH_PLACEHOLDER}: it then needs a
   * reference to fill it.
   */
  public static boolean hasPlaceholder(String path) {
    int[] at = idSegment(path);
    return at != null && path.substring(at[0], at[1]).equals(Id.PATH_PLACEHOLDER);
  }

  /** {@code path} with its id segment replaced by {@code id}: where the produced id goes. */
  public static String withId(String path, String id) {
    int[] at = idSegment(path);
    if (at == null) {
      throw new IllegalArgumentException("the path " + path + " has no id segment");
    }
    return path.substring(0, at[0]) + id + path.substring(at[1]);
  }
}
