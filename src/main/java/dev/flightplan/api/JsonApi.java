package dev.flightplan.api;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Builders for JSON:API request documents. Keys keep the caller's order when the map has one
 * (LinkedHashMap, SortedMap) and are sorted otherwise, so the same call always produces the same
 * bytes.
 */
public final class JsonApi {
  private JsonApi() {}

  /**
   * {@code {"data":{"type", "attributes", "relationships"}}} for a create. Null attribute and
   * relationship values are left out, and so are empty {@code attributes} or {@code relationships}
   * members (some creates accept none). A relationship value is a {@link Linkage} (to-one) or a
   * {@code Collection<Linkage>} (to-many).
   */
  public static ObjectNode create(
      String type, Map<String, Object> attributes, Map<String, Object> relationships) {
    ObjectNode data = Json.NODES.objectNode().put("type", Objects.requireNonNull(type, "type"));
    ObjectNode attrs = attributesNode(attributes, false);
    if (!attrs.isEmpty()) {
      data.set("attributes", attrs);
    }
    ObjectNode rels = Json.NODES.objectNode();
    for (Map.Entry<String, Object> e : ordered(relationships)) {
      if (e.getValue() != null) {
        rels.set(e.getKey(), relationship(e.getKey(), e.getValue()));
      }
    }
    if (!rels.isEmpty()) {
      data.set("relationships", rels);
    }
    return document(data);
  }

  /**
   * createText's buffer, one per thread and reused: only the text it returns is allocated per
   * create.
   */
  private static final ThreadLocal<StringBuilder> TEXT =
      ThreadLocal.withInitial(() -> new StringBuilder(256));

  /** A buffer grown past this by one large document is not kept. */
  private static final int KEPT_CAPACITY = 16 * 1024;

  /**
   * The text of {@link #create}'s document, exactly as its {@code toString()} writes it, without
   * the tree: a plan that creates 100,000 testers made 100,000 trees only to write them out, which
   * was half of what it allocated. Attribute values that are not strings, booleans or integers are
   * written through Jackson.
   */
  public static String createText(
      String type, Map<String, Object> attributes, Map<String, Object> relationships) {
    StringBuilder out = TEXT.get();
    if (out.capacity() > KEPT_CAPACITY) {
      out = new StringBuilder(256);
      TEXT.set(out);
    }
    out.setLength(0);
    out.append("{\"data\":{\"type\":");
    quote(Objects.requireNonNull(type, "type"), out);
    char open = ',';
    for (Map.Entry<String, Object> e : ordered(attributes)) {
      if (e.getValue() != null) {
        out.append(open == ',' ? ",\"attributes\":{" : ",");
        open = '{';
        quote(e.getKey(), out);
        out.append(':');
        Object v = e.getValue();
        if (v instanceof String str) {
          quote(str, out);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
          out.append(v);
        } else {
          out.append(Json.MAPPER.valueToTree(v).toString());
        }
      }
    }
    out.append(open == '{' ? "}" : "");
    open = ',';
    for (Map.Entry<String, Object> e : ordered(relationships)) {
      if (e.getValue() != null) {
        out.append(open == ',' ? ",\"relationships\":{" : ",");
        open = '{';
        quote(e.getKey(), out);
        out.append(":{\"data\":");
        if (e.getValue() instanceof Collection<?> c) {
          out.append('[');
          boolean first = true;
          for (Object item : c) {
            if (!(item instanceof Linkage l)) {
              throw new IllegalArgumentException(
                  "relationship " + e.getKey() + " holds a " + typeName(item) + ", not a Linkage");
            }
            out.append(first ? "" : ",");
            linkageText(l, out);
            first = false;
          }
          out.append(']');
        } else if (e.getValue() instanceof Linkage l) {
          linkageText(l, out);
        } else {
          throw new IllegalArgumentException(
              "relationship "
                  + e.getKey()
                  + " must be a Linkage or a Collection<Linkage>, not a "
                  + typeName(e.getValue()));
        }
        out.append('}');
      }
    }
    return out.append(open == '{' ? "}}}" : "}}").toString();
  }

  private static void linkageText(Linkage l, StringBuilder out) {
    out.append("{\"type\":");
    quote(l.type(), out);
    out.append(",\"id\":");
    quote(l.id(), out);
    out.append('}');
  }

  /** A JSON string as Jackson writes it (its own escaping rules). */
  private static void quote(String s, StringBuilder out) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, out);
    out.append('"');
  }

  /**
   * {@code {"data":{"type", "id", "attributes"}}} for a PATCH. Unlike {@link #create}, a null value
   * is sent as JSON null: in a PATCH it clears the attribute, and only the attributes given are
   * changed.
   */
  public static ObjectNode update(String type, String id, Map<String, Object> attributes) {
    ObjectNode data =
        Json.NODES
            .objectNode()
            .put("type", Objects.requireNonNull(type, "type"))
            .put("id", Objects.requireNonNull(id, "id"));
    data.set("attributes", attributesNode(attributes, true));
    return document(data);
  }

  /**
   * {@code {"data":[{"type","id"},...]}}: the body of a to-many relationship POST or DELETE, in the
   * given order.
   */
  public static ObjectNode linkages(String type, Collection<String> ids) {
    ArrayNode array = Json.NODES.arrayNode();
    for (String id : ids) {
      array.add(linkage(new Linkage(type, id)));
    }
    return document(array);
  }

  /**
   * {@code {"data":{"type","id"}}}, or {@code {"data":null}} when id is null: the body of a to-one
   * PATCH.
   */
  public static ObjectNode toOne(String type, String id) {
    return document(id == null ? Json.NODES.nullNode() : linkage(new Linkage(type, id)));
  }

  private static ObjectNode attributesNode(Map<String, Object> attributes, boolean keepNulls) {
    ObjectNode attrs = Json.NODES.objectNode();
    for (Map.Entry<String, Object> e : ordered(attributes)) {
      if (e.getValue() != null) {
        attrs.set(e.getKey(), value(e.getValue()));
      } else if (keepNulls) {
        attrs.putNull(e.getKey());
      }
    }
    return attrs;
  }

  /**
   * Strings, booleans and numbers directly (a create per tester adds up); anything else through
   * Jackson.
   */
  private static JsonNode value(Object v) {
    if (v instanceof String str) {
      return Json.NODES.textNode(str);
    }
    if (v instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return Json.NODES.numberNode(i);
    }
    if (v instanceof Long l) {
      return Json.NODES.numberNode(l);
    }
    return Json.MAPPER.valueToTree(v);
  }

  private static JsonNode relationship(String name, Object value) {
    if (value instanceof Linkage l) {
      return document(linkage(l));
    }
    if (value instanceof Collection<?> c) {
      ArrayNode array = Json.NODES.arrayNode();
      for (Object item : c) {
        if (!(item instanceof Linkage l)) {
          throw new IllegalArgumentException(
              "relationship " + name + " holds a " + typeName(item) + ", not a Linkage");
        }
        array.add(linkage(l));
      }
      return document(array);
    }
    throw new IllegalArgumentException(
        "relationship "
            + name
            + " must be a Linkage or a Collection<Linkage>, not a "
            + typeName(value));
  }

  private static ObjectNode linkage(Linkage l) {
    return Json.NODES.objectNode().put("type", l.type()).put("id", l.id());
  }

  private static ObjectNode document(JsonNode data) {
    ObjectNode doc = Json.NODES.objectNode();
    doc.set("data", data);
    return doc;
  }

  private static Collection<Map.Entry<String, Object>> ordered(Map<String, Object> map) {
    if (map == null) {
      return List.of();
    }
    // already in order (or a single entry): iterated as they are, no copy (one per create of a
    // large plan)
    if (map instanceof LinkedHashMap || map instanceof SortedMap || map.size() <= 1) {
      return map.entrySet();
    }
    List<Map.Entry<String, Object>> entries = new ArrayList<>(map.entrySet());
    if (!(map instanceof LinkedHashMap) && !(map instanceof SortedMap)) {
      entries.sort(Map.Entry.comparingByKey());
    }
    return entries;
  }

  private static String typeName(Object o) {
    return o == null ? "null" : o.getClass().getSimpleName();
  }
}
