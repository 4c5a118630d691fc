package dev.flightplan.sandbox;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Request documents for tests, written as JSON text so that each test shows exactly what goes on
 * the wire.
 */
public final class Docs {
  public static final String WEATHER = "1000000001";
  public static final String NOTES = "1000000002";

  private Docs() {}

  /**
   * A group create document; {@code attributes} is extra JSON members such as {@code
   * "isInternalGroup":true}.
   */
  public static String group(String appId, String name, String attributes) {
    String extra = attributes.isEmpty() ? "" : "," + attributes;
    return "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\""
        + name
        + "\""
        + extra
        + "},"
        + "\"relationships\":{\"app\":{\"data\":{\"type\":\"apps\",\"id\":\""
        + appId
        + "\"}}}}}";
  }

  public static String groupPatch(String id, String attributes) {
    return "{\"data\":{\"type\":\"betaGroups\",\"id\":\""
        + id
        + "\",\"attributes\":{"
        + attributes
        + "}}}";
  }

  public static String tester(String email, String... groupIds) {
    return "{\"data\":{\"type\":\"betaTesters\",\"attributes\":{\"email\":\""
        + email
        + "\",\"firstName\":\"Test\","
        + "\"lastName\":\"Person\"},\"relationships\":{\"betaGroups\":{\"data\":"
        + linkageArray("betaGroups", groupIds)
        + "}}}}";
  }

  /**
   * A create document of {@code type}: {@code attributes} and {@code relationships} are the JSON
   * members inside those objects, e.g. {@code "locale":"en-US"} and {@code Docs.toOne("app",
   * "apps", id)}; an empty {@code attributes} leaves the member out, as requests without attributes
   * must.
   */
  public static String create(String type, String attributes, String relationships) {
    return "{\"data\":{\"type\":\""
        + type
        + "\","
        + (attributes.isEmpty() ? "" : "\"attributes\":{" + attributes + "},")
        + "\"relationships\":{"
        + relationships
        + "}}}";
  }

  /** An update document of {@code type} for {@code id} with the given attribute members. */
  public static String update(String type, String id, String attributes) {
    return "{\"data\":{\"type\":\""
        + type
        + "\",\"id\":\""
        + id
        + "\",\"attributes\":{"
        + attributes
        + "}}}";
  }

  /** A to-one relationship member: {@code "name":{"data":{"type":type,"id":id}}}. */
  public static String toOne(String name, String type, String id) {
    return "\"" + name + "\":{\"data\":{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}}";
  }

  /** A to-many relationship member: {@code "name":{"data":[{"type":type,"id":id},...]}}. */
  public static String toMany(String name, String type, String... ids) {
    return "\"" + name + "\":{\"data\":" + linkageArray(type, ids) + "}";
  }

  /** A group create document that also gives the group builds. */
  public static String groupWithBuilds(
      String appId, String name, String attributes, String... buildIds) {
    return create(
        "betaGroups",
        "\"name\":\"" + name + "\"" + (attributes.isEmpty() ? "" : "," + attributes),
        toOne("app", "apps", appId) + "," + toMany("builds", "builds", buildIds));
  }

  /** A linkage document: {@code {"data":[{"type":type,"id":id},...]}}. */
  public static String linkages(String type, String... ids) {
    return "{\"data\":" + linkageArray(type, ids) + "}";
  }

  private static String linkageArray(String type, String... ids) {
    return Arrays.stream(ids)
        .map(id -> "{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
