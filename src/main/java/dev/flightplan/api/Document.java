package dev.flightplan.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A JSON:API top-level document as received. Every accessor tolerates missing members: a document
 * without {@code data} has no resources, one without {@code links.next} is the last page.
 */
public final class Document {
  private final JsonNode raw;

  /**
   * The included resources by type and id, built on the first lookup (a page of builds looks up
   * hundreds).
   */
  private volatile Map<String, Resource> includedByKey;

  public Document(JsonNode raw) {
    this.raw = Objects.requireNonNull(raw, "raw");
  }

  /** The document as received. */
  public JsonNode raw() {
    return raw;
  }

  /** The primary data: every element of an array, or the single object as a one-element list. */
  public List<Resource> data() {
    return resources(raw.path("data"));
  }

  /**
   * The one primary resource: the object of a single-resource document, or the only element of a
   * collection. Empty when {@code data} is null, absent or an empty array.
   *
   * @throws IllegalStateException when the collection holds more than one resource; a caller
   *     expecting one and getting several must not pick one silently.
   */
  public Optional<Resource> single() {
    List<Resource> data = data();
    if (data.size() > 1) {
      throw new IllegalStateException(
          "expected at most one resource, the document holds " + data.size());
    }
    return data.stream().findFirst();
  }

  /** The {@code included} resources, in server order; empty when absent. */
  public List<Resource> included() {
    return resources(raw.path("included"));
  }

  /** The included resource a linkage points to, if the server included it. */
  public Optional<Resource> findIncluded(Linkage linkage) {
    Map<String, Resource> index = includedByKey;
    if (index == null) {
      index = new HashMap<>();
      for (Resource r : included()) {
        index.putIfAbsent(r.type() + "/" + r.id(), r);
      }
      includedByKey = index;
    }
    return Optional.ofNullable(index.get(linkage.type() + "/" + linkage.id()));
  }

  /** The document-level {@code links.next}, not a relationship's links. */
  public Optional<String> nextLink() {
    JsonNode next = raw.path("links").path("next");
    return next.isTextual() && !next.asText().isBlank()
        ? Optional.of(next.asText())
        : Optional.empty();
  }

  /**
   * {@code meta.paging.total}: how many resources the whole collection holds, when the server says.
   */
  public OptionalInt total() {
    return intAt(raw.path("meta").path("paging").path("total"));
  }

  private static List<Resource> resources(JsonNode node) {
    List<Resource> out = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (item.isObject()) {
          out.add(Resource.from(item));
        }
      }
    } else if (node.isObject()) {
      out.add(Resource.from(node));
    }
    return List.copyOf(out);
  }

  static OptionalInt intAt(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToInt()
        ? OptionalInt.of(node.intValue())
        : OptionalInt.empty();
  }
}
