package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What to tell someone who wrote a key the schema does not allow at that place: the allowed key it
 * most likely misspells, or the nested place where that key belongs ({@code limit} on a group
 * belongs in {@code publicLink}). Everything comes from the schema, so new keys get hints without
 * code.
 */
final class KeyHints {
  /**
   * How deep under the current mapping to look for the key's home: group → publicLink → criteria[].
   */
  private static final int MAX_DEPTH = 2;

  private final JsonNode schema;

  KeyHints(JsonNode schema) {
    this.schema = schema;
  }

  /** The keys a schema object allows, in schema order. */
  List<String> allowed(JsonNode owner) {
    List<String> allowed = new ArrayList<>();
    resolve(owner).path("properties").fieldNames().forEachRemaining(allowed::add);
    return allowed;
  }

  /** The allowed key {@code key} most likely misspells. */
  Optional<String> suggestion(String key, JsonNode owner) {
    return Suggest.closest(key, allowed(owner));
  }

  /**
   * Where below {@code owner} the key is allowed, as a path like {@code publicLink.criteria} or
   * {@code localizations.<locale>}; empty when it is allowed nowhere near. The nearest place wins,
   * then the first in schema order.
   */
  Optional<String> home(String key, JsonNode owner) {
    record Place(JsonNode schema, String path, int depth) {}
    Deque<Place> queue = new ArrayDeque<>();
    queue.add(new Place(resolve(owner), "", 0));
    while (!queue.isEmpty()) {
      Place place = queue.removeFirst();
      if (place.depth() > 0 && place.schema().path("properties").has(key)) {
        return Optional.of(place.path());
      }
      if (place.depth() == MAX_DEPTH) {
        continue;
      }
      var properties = place.schema().path("properties").fields();
      while (properties.hasNext()) {
        var property = properties.next();
        JsonNode child = resolve(property.getValue());
        String path =
            place.path().isEmpty() ? property.getKey() : place.path() + "." + property.getKey();
        if (child.has("items")) {
          child = resolve(child.get("items"));
        } else if (child.path("additionalProperties").isObject()) {
          path += ".<" + resolve(child.path("propertyNames")).path("title").asText("key") + ">";
          child = resolve(child.get("additionalProperties"));
        }
        if (child.path("type").asText().equals("object")) {
          queue.addLast(new Place(child, path, place.depth() + 1));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A property's schema with its local {@code $ref} followed to the definition it names. A schema
   * with a type of its own (a build, whose {@code $ref} adds the rules of choosing one) is already
   * the definition. A choice written as {@code if/then/else} (a tester, or a tester list to
   * include) is taken as its {@code else}, the ordinary shape.
   */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 10 && !current.has("type"); hops++) {
      String ref =
          current.has("$ref")
              ? current.path("$ref").asText()
              : current.path("else").path("$ref").asText();
      if (!ref.startsWith("#")) {
        break;
      }
      JsonNode target = schema.at(ref.substring(1));
      if (target.isMissingNode()) {
        break;
      }
      current = target;
    }
    return current;
  }
}
