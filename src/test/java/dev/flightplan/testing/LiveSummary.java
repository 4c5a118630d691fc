package dev.flightplan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.ClientOptions;
import dev.flightplan.api.Credentials;
import dev.flightplan.config.ConfigLoader;
import dev.flightplan.config.DesiredState;
import dev.flightplan.kinds.appclip.AppClipKind;
import dev.flightplan.kinds.appclip.LiveAppClip;
import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.StateReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Everything a sandbox holds for the apps of a file, as id-free text: each group, tester and build
 * is named by its natural key, ids of other objects are dropped, sets are sorted. Two sandboxes
 * that ended in the same TestFlight setup give the same text whatever ids they made; a duplicate
 * tester or group shows as a repeated entry.
 */
public final class LiveSummary {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private LiveSummary() {}

  /**
   * Reads what {@code file} manages from {@code sandbox} through the real client and summarises it.
   */
  public static String read(SandboxServer sandbox, Path file) {
    DesiredState desired = ConfigLoader.load(file).state().orElseThrow();
    SandboxCredentials c = sandbox.credentials();
    try (AscClient client =
        AscClient.create(
            new Credentials(c.keyId(), c.issuerId(), c.privateKeyPem()),
            ClientOptions.defaults(sandbox.baseUri()))) {
      return of(new StateReader(client, dev.flightplan.kinds.Kinds.reads()).read(desired));
    }
  }

  public static String of(LiveState live) {
    Map<String, String> names = new HashMap<>();
    for (LiveApp app : live.apps()) {
      for (LiveGroup g : app.groups()) {
        names.put(g.id(), "group:" + g.name());
      }
      for (LiveTester t : app.testers()) {
        names.put(t.id(), "tester:" + t.email());
      }
      for (LiveBuild b : app.builds()) {
        names.put(b.id(), "build:" + b.version() + " (" + b.number() + ")");
      }
    }
    List<String> lines = new ArrayList<>();
    for (LiveApp app : live.apps()) {
      lines.add("app " + app.bundleId());
      app.groups().forEach(g -> lines.add("  " + canonical(g, names)));
      app.testers().stream().map(t -> "  " + canonical(t, names)).sorted().forEach(lines::add);
      app.builds().forEach(b -> lines.add("  " + build(b, names)));
      lines.add("  " + canonical(LiveAppInfo.of(app), names));
    }
    return String.join("\n", lines) + "\n";
  }

  /**
   * A build as a record, its App Clip invocations (the part the App Clip kind declares) in place of
   * its parts.
   */
  private static String build(LiveBuild b, Map<String, String> names) {
    ObjectNode node = JSON.valueToTree(b);
    node.remove("parts");
    LiveAppClip clip = b.part(AppClipKind.LIVE);
    node.set("invocations", JSON.valueToTree(clip == null ? null : clip.invocations()));
    return strip(node, names).toString();
  }

  private static String canonical(Object record, Map<String, String> names) {
    return strip(JSON.valueToTree(record), names).toString();
  }

  private static JsonNode strip(JsonNode node, Map<String, String> names) {
    if (node instanceof ObjectNode obj) {
      ObjectNode out = JSON.createObjectNode();
      List<String> fields = new ArrayList<>();
      obj.fieldNames().forEachRemaining(fields::add);
      fields.sort(null);
      for (String f : fields) {
        if (f.equals("id")
            || f.equals("publicLink")
            || f.endsWith("Date")
            || f.equals("appClipBundleId")) {
          continue;
        }
        out.set(f, strip(obj.get(f), names));
      }
      return out;
    }
    if (node instanceof ArrayNode arr) {
      List<JsonNode> items = new ArrayList<>();
      for (Iterator<JsonNode> it = arr.elements(); it.hasNext(); ) {
        items.add(strip(it.next(), names));
      }
      items.sort((a, b) -> a.toString().compareTo(b.toString()));
      ArrayNode out = JSON.createArrayNode();
      items.forEach(out::add);
      return out;
    }
    if (node.isTextual() && names.containsKey(node.textValue())) {
      return TextNode.valueOf(names.get(node.textValue()));
    }
    return node;
  }
}
