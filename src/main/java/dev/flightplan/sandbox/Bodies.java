package dev.flightplan.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads request documents the way the API checks them: a body that is not a JSON:API document is
 * 422; a wrong {@code type}, a missing, unknown or mistyped attribute, or a bad relationship is a
 * 409 whose {@code source.pointer} names the member at fault.
 */
final class Bodies {
  private final ObjectMapper mapper;

  Bodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The body as a JSON object holding {@code data}, or 422. */
  ObjectNode document(String body) {
    if (body == null || body.isBlank()) {
      throw ApiException.unprocessable(
          "The request body is missing; this request needs a JSON:API document.");
    }
    JsonNode doc;
    try {
      doc = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.unprocessable("The request body is not valid JSON.");
    }
    if (doc == null || !doc.isObject() || !doc.has("data")) {
      throw ApiException.unprocessable(
          "The request body is not a JSON:API document with a top-level 'data' member.");
    }
    return (ObjectNode) doc;
  }

  /** The resource object of a create or update document, checked to be of {@code type}. */
  static ObjectNode resource(ObjectNode doc, String type) {
    JsonNode data = doc.get("data");
    if (!data.isObject()) {
      throw ApiException.unprocessable("The member 'data' must be a resource object.");
    }
    JsonNode actual = data.get("type");
    if (actual == null || !actual.isTextual() || !actual.asText().equals(type)) {
      throw ApiException.typeInvalid(
          "/data/type",
          "The resource type must be '"
              + type
              + "', not "
              + (actual == null ? "missing" : actual)
              + ".");
    }
    return (ObjectNode) data;
  }

  /**
   * The resource object of an update document: of {@code type}, with the id of the URL (409
   * otherwise).
   */
  static ObjectNode update(ObjectNode doc, String type, String urlId) {
    ObjectNode data = resource(doc, type);
    JsonNode id = data.get("id");
    if (id == null || !id.isTextual() || !id.asText().equals(urlId)) {
      throw ApiException.idInvalid(
          "/data/id",
          "The resource id must be given and match the id in the URL ('" + urlId + "').");
    }
    return data;
  }

  /**
   * The ids of a linkage document ({@code {"data":[{"type","id"}]}}), each checked to be of {@code
   * type}.
   */
  static List<String> linkages(ObjectNode doc, String type) {
    return linkageIds(doc.get("data"), type, "/data");
  }

  /**
   * The attributes object of a resource (empty when absent), refusing members outside {@code
   * accepted}; the {@code reasons} map may explain why a known attribute is refused (e.g.
   * create-only ones on update).
   */
  static ObjectNode attributes(ObjectNode data, Set<String> accepted, Map<String, String> reasons) {
    return attributes(data, accepted, reasons, "/data");
  }

  /**
   * Refuses an {@code attributes} member, even an empty one, in a request whose schema has none.
   */
  static void noAttributes(ObjectNode data) {
    if (data.has("attributes")) {
      throw ApiException.attributeUnknown("/data/attributes", "This request takes no attributes.");
    }
  }

  /**
   * As {@link #attributes(ObjectNode, Set, Map)} for a resource at {@code base}, e.g. {@code
   * /included/0}.
   */
  static ObjectNode attributes(
      ObjectNode resource, Set<String> accepted, Map<String, String> reasons, String base) {
    JsonNode attributes = resource.get("attributes");
    if (attributes == null || attributes.isNull()) {
      return Resources.JSON.objectNode();
    }
    if (!attributes.isObject()) {
      throw ApiException.attributeType(
          base + "/attributes", "The member 'attributes' must be an object.");
    }
    for (Iterator<String> it = attributes.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!accepted.contains(name)) {
        throw ApiException.attributeUnknown(
            base + "/attributes/" + name,
            reasons.getOrDefault(
                name, "'" + name + "' is not an attribute that can be set with this request."));
      }
    }
    return (ObjectNode) attributes;
  }

  static String string(ObjectNode attributes, String name, boolean required) {
    return string(attributes, name, required, "/data");
  }

  /**
   * As {@link #string(ObjectNode, String, boolean)} for the attributes of a resource at {@code
   * base}.
   */
  static String string(ObjectNode attributes, String name, boolean required, String base) {
    JsonNode value = attributes.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw ApiException.attributeRequired(
            base + "/attributes/" + name,
            "You must provide a value for the attribute '" + name + "' with this request");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.attributeType(
          base + "/attributes/" + name, "The attribute '" + name + "' must be a string.");
    }
    return value.asText();
  }

  /**
   * The attribute's new value in an update: {@code current} when absent, null when sent as null
   * (cleared).
   */
  static String stringOr(ObjectNode attributes, String name, String current) {
    return attributes.has(name) ? string(attributes, name, false) : current;
  }

  /** The attribute's new value in an update: {@code current} when absent or null. */
  static Boolean boolOr(ObjectNode attributes, String name, Boolean current) {
    Boolean value = bool(attributes, name);
    return value == null ? current : value;
  }

  static Boolean bool(ObjectNode attributes, String name) {
    JsonNode value = attributes.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw ApiException.attributeType(
          "/data/attributes/" + name, "The attribute '" + name + "' must be a boolean.");
    }
    return value.asBoolean();
  }

  static Integer integer(ObjectNode attributes, String name) {
    JsonNode value = attributes.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiException.attributeType(
          "/data/attributes/" + name, "The attribute '" + name + "' must be an integer.");
    }
    return value.asInt();
  }

  /**
   * The relationships object (empty when absent), refusing relationships outside {@code accepted}.
   */
  static ObjectNode relationships(ObjectNode data, Set<String> accepted) {
    JsonNode relationships = data.get("relationships");
    if (relationships == null || relationships.isNull()) {
      return Resources.JSON.objectNode();
    }
    if (!relationships.isObject()) {
      throw ApiException.relationshipInvalid(
          "/data/relationships", "The member 'relationships' must be an object.");
    }
    for (Iterator<String> it = relationships.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!accepted.contains(name)) {
        throw ApiException.relationshipUnknown(
            "/data/relationships/" + name,
            "'" + name + "' is not a relationship that can be set with this request.");
      }
    }
    return (ObjectNode) relationships;
  }

  /** The id of a to-one relationship, or null when it is absent. */
  static String toOne(ObjectNode relationships, String name, String type) {
    JsonNode relationship = relationships.get(name);
    if (relationship == null || relationship.isNull()) {
      return null;
    }
    String pointer = "/data/relationships/" + name + "/data";
    JsonNode data = relationship.get("data");
    if (data == null || !data.isObject()) {
      throw ApiException.relationshipInvalid(
          pointer, "The relationship '" + name + "' needs a 'data' linkage object.");
    }
    return linkageId(data, type, pointer);
  }

  /**
   * The id of a to-one relationship the request must have (409 RELATIONSHIP.REQUIRED otherwise).
   */
  static String requiredToOne(ObjectNode relationships, String name, String type) {
    String id = toOne(relationships, name, type);
    if (id == null) {
      throw ApiException.relationshipRequired(
          "/data/relationships/" + name,
          "You must provide a value for the relationship '" + name + "' with this request");
    }
    return id;
  }

  /** The ids of a to-many relationship; empty when it is absent. */
  static List<String> toMany(ObjectNode relationships, String name, String type) {
    JsonNode relationship = relationships.get(name);
    if (relationship == null || relationship.isNull()) {
      return List.of();
    }
    return linkageIds(relationship.get("data"), type, "/data/relationships/" + name + "/data");
  }

  private static List<String> linkageIds(JsonNode data, String type, String pointer) {
    if (data == null || !data.isArray()) {
      if (pointer.equals("/data")) {
        throw ApiException.unprocessable("The member 'data' must be an array of linkages.");
      }
      throw ApiException.relationshipInvalid(
          pointer, "The member '" + pointer + "' must be an array of linkages.");
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      ids.add(linkageId(data.get(i), type, pointer + "/" + i));
    }
    return ids;
  }

  private static String linkageId(JsonNode linkage, String type, String pointer) {
    JsonNode actualType = linkage.get("type");
    if (actualType == null || !actualType.isTextual() || !actualType.asText().equals(type)) {
      throw ApiException.relationshipInvalid(
          pointer + "/type", "The linkage type must be '" + type + "'.");
    }
    JsonNode id = linkage.get("id");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw ApiException.relationshipInvalid(pointer + "/id", "The linkage needs a string 'id'.");
    }
    return id.asText();
  }
}
