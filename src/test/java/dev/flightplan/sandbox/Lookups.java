package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Finds the ids of the demo seed's resources through the API, as a client would, for tests. */
public final class Lookups {
  private final SandboxTestClient client;

  public Lookups(SandboxTestClient client) {
    this.client = client;
  }

  public String group(String name) {
    return only(client.get("/v1/betaGroups?filter%5Bname%5D=" + encode(name)), "group " + name);
  }

  public String tester(String email) {
    return only(
        client.get("/v1/betaTesters?filter%5Bemail%5D=" + encode(email)), "tester " + email);
  }

  /** The weather app's build {@code number} of app version {@code version}. */
  public String build(String version, String number) {
    return only(
        client.get(
            "/v1/builds?filter%5Bapp%5D="
                + Docs.WEATHER
                + "&filter%5BpreReleaseVersion.version%5D="
                + version
                + "&filter%5Bversion%5D="
                + number),
        "build " + version + " (" + number + ")");
  }

  /** The id of the build's bundle of {@code bundleType} (APP or APP_CLIP), or null. */
  public String bundle(String buildId, String bundleType) {
    JsonNode included =
        client.get("/v1/builds/" + buildId + "?include=buildBundles").json().path("included");
    for (JsonNode bundle : included) {
      if (bundle.path("attributes").path("bundleType").asText().equals(bundleType)) {
        return bundle.path("id").asText();
      }
    }
    return null;
  }

  private static String only(SandboxTestClient.Reply reply, String what) {
    if (reply.status() != 200 || reply.json().path("data").size() != 1) {
      throw new AssertionError("expected exactly one " + what + ": " + reply.body());
    }
    return reply.json().path("data").path(0).path("id").asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
