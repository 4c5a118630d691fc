package dev.flightplan.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 *
 * <p>{@code readBack} (null when none) says how apply finds out whether the call took effect when its answer does
 * not say (see {@link ReadBack}): a create is never sent twice blindly.
 *
 * <p>The body is kept as compact JSON text ({@code bodyJson}, null when there is none) and {@link #body()} gives a
 * fresh tree of it: a plan of 100,000 tester creates holds 100,000 bodies, and as trees they took ten times the
 * memory.
 */
public record ApiCall(
    String method,
    String path,
    String produces,
    String purpose,
    List<Address> serves,
    List<String> tolerate,
    Phase phase,
    String bodyJson,
    ReadBack readBack) {
  private static final Pattern REF = Pattern.compile("\\{(r\\d+)}");
  private static final Pattern ID_SEGMENT = Pattern.compile("/v1/([A-Za-z]+)/[^/]+");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonStringEncoder ESCAPES = JsonStringEncoder.getInstance();

  public ApiCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(purpose, "purpose");
    serves = List.copyOf(serves);
    tolerate = List.copyOf(tolerate);
    if (bodyJson != null && !bodyJson.startsWith("{")) {
      throw new IllegalArgumentException("a request body is a JSON object, got " + bodyJson);
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

  /** A call with its body as a tree (or null), placed in {@code phase}, read back as {@code readBack} says. */
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
    this(method, path, produces, purpose, serves, tolerate, phase, body == null ? null : compact(body), readBack);
  }

  /** A call not yet placed in a phase. */
  public ApiCall(
      String method, String path, JsonNode body, String produces, String purpose, List<Address> serves, List<String> tolerate) {
    this(method, path, body, produces, purpose, serves, tolerate, (Phase) null);
  }

  /** A call for which every error is a failure. */
  public ApiCall(String method, String path, JsonNode body, String produces, String purpose, List<Address> serves) {
    this(method, path, body, produces, purpose, serves, List.of(), (Phase) null);
  }

  /** The request document as a new tree (the caller may change it), or null when the call has no body. */
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
   * A copy that counts an error whose code starts with one of {@code codes} as done: the API's way of saying that
   * what the call asks for already holds (for example 409 "auto-notify already enabled" to a notification).
   */
  public ApiCall tolerating(String... codes) {
    return new ApiCall(method, path, produces, purpose, serves, List.of(codes), phase, bodyJson, readBack);
  }

  /** A copy that reads back as {@code readBack} says when its answer leaves the outcome open. */
  public ApiCall readingBack(ReadBack readBack) {
    return new ApiCall(method, path, produces, purpose, serves, tolerate, phase, bodyJson, readBack);
  }

  /** A copy placed in {@code phase}. */
  public ApiCall inPhase(Phase phase) {
    return new ApiCall(method, path, produces, purpose, serves, tolerate, phase, bodyJson, readBack);
  }

  /**
   * The tree as compact JSON, the same text as {@code body.toString()}: objects, arrays, strings, booleans, null
   * and integers directly (Jackson's string escaping), anything else through Jackson. Jackson's own writer costs a
   * serializer lookup per call, which was a fifth of planning 100,000 tester creates.
   */
  static String compact(JsonNode body) {
    StringBuilder out = new StringBuilder(256);
    write(body, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          out.append(first ? "" : ",").append('"');
          ESCAPES.quoteAsString(e.getKey(), out);
          out.append("\":");
          write(e.getValue(), out);
          first = false;
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          out.append(i == 0 ? "" : ",");
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> {
        out.append('"');
        ESCAPES.quoteAsString(node.textValue(), out);
        out.append('"');
      }
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      default -> out.append(node.isIntegralNumber() && node.canConvertToLong() ? Long.toString(node.longValue()) : node.toString());
    }
  }

  /** The references this call needs resolved before it can be sent. */
  public Set<String> needs() {
    Set<String> refs = new LinkedHashSet<>();
    collect(path, refs);
    if (bodyJson != null) {
      collect(bodyJson, refs);
    }
    if (readBack != null && readBack.path() != null) {
      collect(readBack.path(), refs);
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
