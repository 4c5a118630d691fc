package dev.flightplan.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations of Apple's OpenAPI document that act on TestFlight resources, found in the
 * document itself rather than listed by hand. An operation acts on TestFlight when the resource its
 * path starts from is a TestFlight type (or an app or build bundle, for their TestFlight
 * relationships) and the type it reads or writes, taken from its request body or its success
 * response, is a TestFlight type (or the app a TestFlight resource belongs to); and the beta usage
 * metrics. What that leaves out is not TestFlight: the App Store side of builds (App Store
 * versions, icons, diagnostic signatures, encryption declarations, power metrics), CI and
 * encryption-declaration paths to builds, and beta feedback submissions.
 */
final class TestFlightOperations {
  /** The TestFlight resource types of issue 17, as JSON:API type names. */
  static final Set<String> TYPES =
      Set.of(
          "betaTesters",
          "betaGroups",
          "betaTesterInvitations",
          "betaRecruitmentCriteria",
          "betaRecruitmentCriterionOptions",
          "betaRecruitmentCriterionCompatibleBuildChecks",
          "preReleaseVersions",
          "betaAppLocalizations",
          "betaBuildLocalizations",
          "betaLicenseAgreements",
          "betaAppClipInvocations",
          "betaAppClipInvocationLocalizations",
          "builds",
          "buildBetaDetails",
          "buildBetaNotifications",
          "betaAppReviewDetails",
          "betaAppReviewSubmissions");

  /**
   * Types whose paths lead to TestFlight resources through a relationship, without being TestFlight
   * themselves.
   */
  private static final Set<String> OWNERS_OF_TESTFLIGHT = Set.of("apps", "buildBundles");

  private static final Set<String> METRICS =
      Set.of("betaTesterUsages", "publicLinkUsages", "betaBuildUsages");
  private static final List<String> METHODS = List.of("get", "post", "patch", "put", "delete");

  /**
   * One operation: method, path template, the statuses it declares, its required query parameters,
   * its body.
   */
  record Operation(
      String method,
      String path,
      Set<Integer> statuses,
      List<String> requiredQuery,
      JsonNode body) {
    /** As the sandbox counts requests: {@code METHOD /v1/type/{id}/...}. */
    String key() {
      return method + " " + path;
    }

    String ownerType() {
      return path.split("/")[2];
    }

    boolean hasId() {
      return path.contains("{id}");
    }
  }

  private final JsonNode spec;

  private TestFlightOperations(JsonNode spec) {
    this.spec = spec;
  }

  /** The document at {@code location}, parsed. */
  static TestFlightOperations load(Path location) {
    try {
      return new TestFlightOperations(new ObjectMapper().readTree(location.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The TestFlight operations, in document order. */
  List<Operation> testFlight() {
    return select(true);
  }

  /** Every operation of the document, in document order. */
  List<Operation> all() {
    return select(false);
  }

  /** The first path segments of all operations: Apple's resource types. */
  Set<String> resourceTypes() {
    Set<String> types = new TreeSet<>();
    spec.path("paths").fieldNames().forEachRemaining(p -> types.add(p.split("/")[2]));
    return types;
  }

  private List<Operation> select(boolean testFlightOnly) {
    List<Operation> selected = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = paths.next();
      String path = entry.getKey();
      for (String method : METHODS) {
        JsonNode operation = entry.getValue().path(method);
        if (!operation.isMissingNode()
            && (!testFlightOnly || actsOnTestFlight(method, path, operation))) {
          selected.add(describe(method, path, operation));
        }
      }
    }
    return selected;
  }

  private boolean actsOnTestFlight(String method, String path, JsonNode operation) {
    String[] segments = path.split("/");
    String owner = segments[2];
    if (path.contains("/metrics/")) {
      return METRICS.contains(segments[segments.length - 1]);
    }
    boolean throughRelationship = segments.length > 4;
    if (!TYPES.contains(owner) && !(throughRelationship && OWNERS_OF_TESTFLIGHT.contains(owner))) {
      return false;
    }
    String target = targetType(operation);
    if (target == null && method.equals("delete")) {
      target = owner; // a delete of one resource: no body, no document
    }
    if (target == null) {
      return false; // a read of something that is no JSON:API resource (power metrics)
    }
    return TYPES.contains(target) || (target.equals("apps") && TYPES.contains(owner));
  }

  /** The JSON:API type of the request body's or the success response's {@code data}, or null. */
  private String targetType(JsonNode operation) {
    String type =
        typeOfData(
            operation.path("requestBody").path("content").path("application/json").path("schema"));
    if (type != null) {
      return type;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      if (response.getKey().startsWith("2")) {
        type =
            typeOfData(response.getValue().path("content").path("application/json").path("schema"));
        if (type != null) {
          return type;
        }
      }
    }
    return null;
  }

  private String typeOfData(JsonNode schema) {
    JsonNode data = resolve(resolve(schema).path("properties").path("data"));
    if (data.path("type").asText().equals("array")) {
      data = resolve(data.path("items"));
    }
    JsonNode type = resolve(data).path("properties").path("type").path("enum");
    return type.isArray() && type.size() == 1 ? type.get(0).asText() : null;
  }

  JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asText();
      current = spec.at(ref.substring(1));
    }
    return current;
  }

  private Operation describe(String method, String path, JsonNode operation) {
    Set<Integer> statuses = new TreeSet<>();
    operation
        .path("responses")
        .fieldNames()
        .forEachRemaining(s -> statuses.add(Integer.parseInt(s)));
    List<String> required = new ArrayList<>();
    for (JsonNode parameter : operation.path("parameters")) {
      JsonNode p = resolve(parameter);
      if (p.path("in").asText().equals("query") && p.path("required").asBoolean()) {
        required.add(p.path("name").asText());
      }
    }
    JsonNode body =
        resolve(
            operation.path("requestBody").path("content").path("application/json").path("schema"));
    return new Operation(
        method.toUpperCase(Locale.ROOT),
        path,
        statuses,
        required,
        body.isMissingNode() ? null : deref(body));
  }

  /**
   * The schema with every {@code $ref} replaced by what it names (request schemas are small trees).
   */
  private JsonNode deref(JsonNode schema) {
    JsonNode node = resolve(schema).deepCopy();
    if (node.isObject()) {
      var object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, deref(object.get(name)));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, deref(node.get(i)));
      }
    }
    return node;
  }
}
