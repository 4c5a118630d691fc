package dev.flightplan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One App Store Connect request that apply will send, as plain data.
 *
 * <p>Ids of objects that the same apply creates are not known when planning: such ids appear as references
 * {@code {rN}} in the path and as whole string values {@code "{rN}"} in the body, and the call that creates the object
 * names the reference it {@code produces}. Apply substitutes them; user-supplied text never enters a path, so the
 * placeholders are unambiguous. Secrets are never in a call either: a body holds {@code "{secret:env NAME}"} or
 * {@code "{secret:file PATH}"}, resolved only when the call is sent.
 *
 * <p>{@code phase} is when, within its app, the call is sent (null for a call made outside a plan): apply may send
 * calls of the same app and phase together, and sends a phase only once the ones before it are done.
 */
public record ApiCall(
    String method,
    String path,
    JsonNode body,
    String produces,
    String purpose,
    List<Address> serves,
    List<String> tolerate,
    Phase phase) {
  private static final Pattern REF = Pattern.compile("\\{(r\\d+)}");
  private static final Pattern ID_SEGMENT = Pattern.compile("/v1/([A-Za-z]+)/[^/]+");

  public ApiCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(purpose, "purpose");
    serves = List.copyOf(serves);
    tolerate = List.copyOf(tolerate);
  }

  /** A call not yet placed in a phase. */
  public ApiCall(
      String method, String path, JsonNode body, String produces, String purpose, List<Address> serves, List<String> tolerate) {
    this(method, path, body, produces, purpose, serves, tolerate, null);
  }

  /** A call for which every error is a failure. */
  public ApiCall(String method, String path, JsonNode body, String produces, String purpose, List<Address> serves) {
    this(method, path, body, produces, purpose, serves, List.of(), null);
  }

  /**
   * A copy that counts an error whose code starts with one of {@code codes} as done: the API's way of saying that
   * what the call asks for already holds (for example 409 "auto-notify already enabled" to a notification).
   */
  public ApiCall tolerating(String... codes) {
    return new ApiCall(method, path, body, produces, purpose, serves, List.of(codes), phase);
  }

  /** A copy placed in {@code phase}. */
  public ApiCall inPhase(Phase phase) {
    return new ApiCall(method, path, body, produces, purpose, serves, tolerate, phase);
  }

  /** The references this call needs resolved before it can be sent. */
  public Set<String> needs() {
    Set<String> refs = new LinkedHashSet<>();
    collect(path, refs);
    if (body != null) {
      collect(body.toString(), refs);
    }
    return refs;
  }

  /** {@code POST /v1/betaGroups} with ids and references replaced by {@code {id}}: how calls are counted. */
  public String template() {
    return method + " " + ID_SEGMENT.matcher(path).replaceAll("/v1/$1/{id}");
  }

  private static void collect(String text, Set<String> refs) {
    Matcher m = REF.matcher(text);
    while (m.find()) {
      refs.add(m.group(1));
    }
  }
}
