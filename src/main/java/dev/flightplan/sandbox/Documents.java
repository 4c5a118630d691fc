package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the top-level JSON:API documents: single resource, paged collection, linkages, and errors.
 */
final class Documents {
  private Documents() {}

  /**
   * Resources for a document's {@code included} member, each once, in the order first referenced.
   */
  static final class Included {
    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();

    void add(String type, String id, Supplier<ObjectNode> render) {
      resources.computeIfAbsent(type + "/" + id, key -> render.get());
    }

    Collection<ObjectNode> all() {
      return resources.values();
    }
  }

  static ObjectNode single(ObjectNode data, String self, Included included) {
    ObjectNode doc = Resources.JSON.objectNode();
    doc.set("data", data);
    addIncluded(doc, included);
    doc.putObject("links").put("self", self);
    return doc;
  }

  static ObjectNode collection(
      List<ObjectNode> data, Paging.Page<?> page, Request request, Included included) {
    ObjectNode doc = Resources.JSON.objectNode();
    doc.putArray("data").addAll(data);
    addIncluded(doc, included);
    links(doc, page, request);
    doc.set("meta", Resources.paging(page.total(), page.limit()));
    return doc;
  }

  static ObjectNode linkages(String type, Paging.Page<String> page, Request request) {
    ObjectNode doc = Resources.JSON.objectNode();
    ArrayNode data = doc.putArray("data");
    page.items().forEach(id -> data.add(Resources.linkage(type, id)));
    links(doc, page, request);
    doc.set("meta", Resources.paging(page.total(), page.limit()));
    return doc;
  }

  /** A to-one linkage document: {@code {"data":{"type","id"},"links":{"self"}}}. */
  static ObjectNode linkage(String type, String id, String self) {
    ObjectNode doc = Resources.JSON.objectNode();
    doc.set("data", Resources.linkage(type, id));
    doc.putObject("links").put("self", self);
    return doc;
  }

  static ObjectNode error(ApiException e, String id) {
    ObjectNode error = Resources.JSON.objectNode();
    error
        .put("id", id)
        .put("status", Integer.toString(e.status()))
        .put("code", e.code())
        .put("title", e.title());
    error.put("detail", e.detail());
    if (e.pointer() != null) {
      error.putObject("source").put("pointer", e.pointer());
    } else if (e.parameter() != null) {
      error.putObject("source").put("parameter", e.parameter());
    }
    ObjectNode doc = Resources.JSON.objectNode();
    doc.putArray("errors").add(error);
    return doc;
  }

  private static void links(ObjectNode doc, Paging.Page<?> page, Request request) {
    ObjectNode links = doc.putObject("links").put("self", request.selfUrl());
    if (page.hasNext()) {
      links.put("next", request.nextUrl(page.nextOffset()));
    }
  }

  private static void addIncluded(ObjectNode doc, Included included) {
    if (included != null && !included.all().isEmpty()) {
      doc.putArray("included").addAll(included.all());
    }
  }
}
