package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One resource object being rendered by {@link Resources}' rules: its attributes in order, each
 * left out when absent or outside the sparse fieldset {@code fields} (null for all), then its
 * relationships, if it has any. Type and id are given once, for the resource and for its
 * relationship links alike.
 */
final class ResourceBuilder {
  private final Resources resources;
  private final String type;
  private final String id;
  private final Set<String> fields;
  private final ObjectNode attributes = Resources.JSON.objectNode();

  ResourceBuilder(Resources resources, String type, String id, Set<String> fields) {
    this.resources = resources;
    this.type = type;
    this.id = id;
    this.fields = fields;
  }

  /** An attribute: a text, a number or a boolean; left out when null or not in the fieldset. */
  ResourceBuilder put(String name, Object value) {
    Resources.put(attributes, fields, name, value);
    return this;
  }

  /** An array attribute, which {@code fill} fills when the fieldset has it. */
  ResourceBuilder array(String name, Consumer<ArrayNode> fill) {
    if (Resources.wanted(fields, name)) {
      fill.accept(attributes.putArray(name));
    }
    return this;
  }

  /**
   * The resource with the relationships {@code rels}: links to each, and linkages for the included
   * ones.
   */
  ObjectNode withRelationships(List<Resources.Rel> rels, Map<String, Resources.Linkages> included) {
    return resources.resource(
        type, id, attributes, resources.relationships(type, id, rels, fields, included));
  }

  /** The resource, for a type that has no relationships. */
  ObjectNode withoutRelationships() {
    return resources.resource(type, id, attributes, Resources.JSON.objectNode());
  }
}
