package dev.flightplan.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns an operation of the OpenAPI document into one concrete request against a seeded sandbox:
 * the path's id is a seeded resource of the path's type, required query parameters name seeded
 * resources, and the body is a small one the request schema describes: required attributes with
 * plain values, every relationship to a seeded resource (or to a resource created with it in {@code
 * included}); an update changes nothing; a linkage request names one seeded resource.
 */
final class OperationRequests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Values for required attributes that a plain string would not satisfy. */
  private static final Map<String, String> SAMPLES =
      Map.of(
          "locale", "fr-FR",
          "email", "enumerated@example.com",
          "name", "Enumerated group",
          "url", "https://appclip.example.com/enumerated",
          "title", "Enumerated");

  /** One request: method, path with query, and body (null when none). */
  record Call(String method, String pathAndQuery, String body) {}

  private final Map<String, String> fixtures;

  /** {@code fixtures}: an id of a seeded resource per JSON:API type. */
  OperationRequests(Map<String, String> fixtures) {
    this.fixtures = Map.copyOf(fixtures);
  }

  Call call(TestFlightOperations.Operation operation) {
    String id = operation.hasId() ? fixture(operation.ownerType()) : null;
    String path = id == null ? operation.path() : operation.path().replace("{id}", id);
    StringBuilder query = new StringBuilder();
    for (String name : operation.requiredQuery()) {
      query
          .append(query.length() == 0 ? "?" : "&")
          .append(name.replace("[", "%5B").replace("]", "%5D"))
          .append('=')
          .append(fixture(typeOfFilter(name)));
    }
    String body = operation.body() == null ? null : body(operation.body(), id).toString();
    return new Call(operation.method(), path + query, body);
  }

  /** {@code filter[build]} names builds, {@code filter[app]} and {@code filter[apps]} apps. */
  private static String typeOfFilter(String parameter) {
    String inner = parameter.substring(parameter.indexOf('[') + 1, parameter.length() - 1);
    return switch (inner) {
      case "build" -> "builds";
      case "app", "apps" -> "apps";
      default -> inner;
    };
  }

  private ObjectNode body(JsonNode schema, String pathId) {
    JsonNode data = schema.path("properties").path("data");
    ObjectNode doc = JSON.objectNode();
    if (data.path("type").asText().equals("array")) {
      doc.putArray("data").add(linkage(data.path("items")));
      return doc;
    }
    ObjectNode resource = doc.putObject("data");
    resource.put("type", typeOf(data));
    if (required(data, "id")) {
      resource.put("id", pathId); // an update: changing nothing is a valid one
      return doc;
    }
    JsonNode attributes = data.path("properties").path("attributes");
    if (required(data, "attributes") || attributes.has("required")) {
      ObjectNode values = resource.putObject("attributes");
      for (JsonNode name : attributes.path("required")) {
        values.set(
            name.asText(),
            sample(name.asText(), attributes.path("properties").path(name.asText())));
      }
    }
    JsonNode relationships = data.path("properties").path("relationships");
    JsonNode includable = schema.path("properties").path("included").path("items");
    ObjectNode links = JSON.objectNode();
    for (Iterator<String> it = relationships.path("properties").fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode relData =
          relationships.path("properties").path(name).path("properties").path("data");
      JsonNode linkageSchema =
          relData.path("type").asText().equals("array") ? relData.path("items") : relData;
      ObjectNode linkage;
      if (typeOf(linkageSchema).equals(typeOf(includable))) {
        // a resource created with this one: it comes in "included", named by a local id
        linkage = JSON.objectNode().put("type", typeOf(linkageSchema)).put("id", "${local-1}");
        ObjectNode item =
            (ObjectNode)
                body(
                        JSON.objectNode()
                            .set("properties", JSON.objectNode().set("data", includable)),
                        null)
                    .get("data");
        item.remove("relationships"); // it belongs to the resource being created
        doc.putArray("included").add(item.put("id", "${local-1}"));
      } else if (fixtures.containsKey(typeOf(linkageSchema))) {
        linkage = linkage(linkageSchema);
      } else {
        continue;
      }
      if (relData.path("type").asText().equals("array")) {
        links.putObject(name).putArray("data").add(linkage);
      } else {
        links.putObject(name).set("data", linkage);
      }
    }
    if (!links.isEmpty()) {
      resource.set("relationships", links);
    }
    return doc;
  }

  private ObjectNode linkage(JsonNode schema) {
    String type = typeOf(schema);
    return JSON.objectNode().put("type", type).put("id", fixture(type));
  }

  private JsonNode sample(String name, JsonNode schema) {
    JsonNode values = schema.path("enum");
    if (values.isArray() && values.size() > 0) {
      return values.get(0);
    }
    switch (schema.path("type").asText()) {
      case "boolean":
        return JSON.booleanNode(false);
      case "integer":
      case "number":
        return JSON.numberNode(1);
      case "array":
        {
          ArrayNode array = JSON.arrayNode();
          array.add(sample(name, schema.path("items")));
          return array;
        }
      case "object":
        {
          ObjectNode object = JSON.objectNode();
          for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
            String property = it.next();
            object.set(property, sample(property, schema.path("properties").path(property)));
          }
          return object;
        }
      default:
        return JSON.textNode(SAMPLES.getOrDefault(name, "Enumerated"));
    }
  }

  private static String typeOf(JsonNode resourceSchema) {
    return resourceSchema.path("properties").path("type").path("enum").path(0).asText();
  }

  private static boolean required(JsonNode schema, String name) {
    for (JsonNode required : schema.path("required")) {
      if (required.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private String fixture(String type) {
    String id = fixtures.get(type);
    if (id == null) {
      throw new IllegalStateException(
          "no seeded " + type + " to call the operation with; add one to the fixtures");
    }
    return id;
  }
}
