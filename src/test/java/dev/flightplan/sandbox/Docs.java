package dev.flightplan.sandbox;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Request documents for tests, written as JSON text so that each test shows exactly what goes on the wire. */
public final class Docs {
  public static final String WEATHER = "1000000001";
  public static final String NOTES = "1000000002";

  private Docs() {}

  /** A group create document; {@code attributes} is extra JSON members such as {@code "isInternalGroup":true}. */
  public static String group(String appId, String name, String attributes) {
    String extra = attributes.isEmpty() ? "" : "," + attributes;
    return "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\"" + name + "\"" + extra + "},"
        + "\"relationships\":{\"app\":{\"data\":{\"type\":\"apps\",\"id\":\"" + appId + "\"}}}}}";
  }

  public static String groupPatch(String id, String attributes) {
    return "{\"data\":{\"type\":\"betaGroups\",\"id\":\"" + id + "\",\"attributes\":{" + attributes + "}}}";
  }

  public static String tester(String email, String... groupIds) {
    return "{\"data\":{\"type\":\"betaTesters\",\"attributes\":{\"email\":\"" + email + "\",\"firstName\":\"Test\","
        + "\"lastName\":\"Person\"},\"relationships\":{\"betaGroups\":{\"data\":" + linkageArray("betaGroups", groupIds)
        + "}}}}";
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
