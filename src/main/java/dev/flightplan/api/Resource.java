package dev.flightplan.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One JSON:API resource object as the server sent it. {@code attributes} and {@code relationships}
 * are never null (empty when the server left them out); accessors return null or empty for anything
 * absent, never throw.
 */
public record Resource(String type, String id, ObjectNode attributes, ObjectNode relationships) {
  public Resource {
    Objects.requireNonNull(type, "type");
    attributes = attributes == null ? Json.NODES.objectNode() : attributes;
    relationships = relationships == null ? Json.NODES.objectNode() : relationships;
  }

  /**
   * Reads a resource object leniently: missing members become empty, unknown members are ignored.
   */
  static Resource from(JsonNode node) {
    return new Resource(
        node.path("type").asText(""),
        node.path("id").isValueNode() ? node.path("id").asText() : null,
        node.get("attributes") instanceof ObjectNode a ? a : null,
        node.get("relationships") instanceof ObjectNode r ? r : null);
  }

  /** This resource's identifier, for relationship bodies and lookups in {@code included}. */
  public Linkage linkage() {
    return new Linkage(type, id);
  }

  /**
   * The attribute as text; null when absent or JSON null. Scalars other than strings are given as
   * their text.
   */
  public String string(String attr) {
    JsonNode v = attribute(attr);
    if (v == null) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** The attribute as a Boolean; null when absent, JSON null or not a boolean. */
  public Boolean bool(String attr) {
    JsonNode v = attribute(attr);
    return v != null && v.isBoolean() ? v.booleanValue() : null;
  }

  /** The attribute as an Integer; null when absent, JSON null or not an integer that fits. */
  public Integer integer(String attr) {
    JsonNode v = attribute(attr);
    return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null;
  }

  /** The raw attribute node (arrays and objects included); null when absent or JSON null. */
  public JsonNode attribute(String attr) {
    JsonNode v = attributes.get(attr);
    return v == null || v.isNull() ? null : v;
  }

  /** {@code relationships.<rel>.data} as linkages; empty when absent, null or not an array. */
  public List<Linkage> toMany(String rel) {
    JsonNode data = relationships.path(rel).path("data");
    List<Linkage> out = new ArrayList<>();
    if (data.isArray()) {
      for (JsonNode item : data) {
        linkageOf(item).ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

  /** {@code relationships.<rel>.data} as one linkage; empty when absent, null or not an object. */
  public Optional<Linkage> toOne(String rel) {
    return linkageOf(relationships.path(rel).path("data"));
  }

  /**
   * {@code relationships.<rel>.meta.paging.total}, present only when the server counted the
   * relationship.
   */
  public OptionalInt relationshipTotal(String rel) {
    return Document.intAt(relationships.path(rel).path("meta").path("paging").path("total"));
  }

  static Optional<Linkage> linkageOf(JsonNode node) {
    if (node.isObject() && node.path("type").isTextual() && node.path("id").isValueNode()) {
      return Optional.of(new Linkage(node.get("type").asText(), node.get("id").asText()));
    }
    return Optional.empty();
  }
}
