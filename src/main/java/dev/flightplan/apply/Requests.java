package dev.flightplan.apply;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.plan.Substitution;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The request a call becomes when it is sent: its path with the produced id put in the id segment
 * when the call says so, and its body with each {@link Substitution} put at its pointer, which must
 * hold the placeholder (an empty string). Nothing else of the path or body is looked at, let alone
 * changed: user text is sent as written.
 */
final class Requests {
  private Requests() {}

  /**
   * What is sent: the path, the body (null when none) and the path to read back (null when none).
   */
  record Resolved(String path, JsonNode body, String readPath) {}

  /**
   * {@code call} with the ids in {@code ids} (by reference) and the secrets {@code secrets} gives
   * (by description, {@code env NAME}). A reference not in {@code ids}, or a substitution that
   * finds no placeholder, is a bug.
   */
  static Resolved resolve(
      ApiCall call, Map<String, String> ids, Function<String, Optional<String>> secrets) {
    String path =
        call.pathRef() == null
            ? call.path()
            : ApiCall.withId(call.path(), id(call.pathRef(), call, ids));
    JsonNode body = call.body();
    for (Substitution s : call.substitutions()) {
      String value =
          s.ref() != null
              ? id(s.ref(), call, ids)
              : secrets
                  .apply(s.secret().describe())
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "the secret from " + s.secret().describe() + " was not read"));
      put(body, s.pointer(), value, call);
    }
    ReadBack rb = call.readBack();
    String readPath =
        rb == null || rb.path() == null
            ? null
            : rb.pathRef() == null
                ? rb.path()
                : ApiCall.withId(rb.path(), id(rb.pathRef(), call, ids));
    return new Resolved(path, body, readPath);
  }

  private static String id(String ref, ApiCall call, Map<String, String> ids) {
    String id = ids.get(ref);
    if (id == null) {
      throw new IllegalStateException(
          "reference " + ref + " used by " + call.template() + " before the call that produces it");
    }
    return id;
  }

  private static void put(JsonNode body, String pointer, String value, ApiCall call) {
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode placeholder = body.at(at);
    JsonNode parent = body.at(at.head());
    if (!placeholder.isTextual() || !placeholder.textValue().isEmpty()) {
      throw new IllegalStateException(
          "the body of " + call.template() + " has no placeholder at " + pointer);
    }
    if (parent instanceof ObjectNode object) {
      object.set(at.last().getMatchingProperty(), TextNode.valueOf(value));
    } else {
      ((ArrayNode) parent).set(at.last().getMatchingIndex(), TextNode.valueOf(value));
    }
  }
}
