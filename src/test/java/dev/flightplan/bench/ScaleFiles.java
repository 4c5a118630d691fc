package dev.flightplan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the files of the end-to-end scale benchmark ({@code scripts/scale-benchmark}): {@code
 * testers} testers spread over {@code apps} apps (default 1) of {@code groups} groups each (default
 * 50): {@code testflight.yaml} (every tester inline), {@code seed-full.json} (a sandbox that
 * already matches it: nothing to change) and {@code seed-app.json} (the apps alone: everything to
 * create). Each app after the first has its own bundle id and tester addresses ({@code
 * @a<N>.example.com}), as App Store Connect takes at most 10,000 external testers per app.
 *
 * <pre>{@code java -cp $CP dev.flightplan.bench.ScaleFiles DIR TESTERS [GROUPS_PER_APP [APPS]]}</pre>
 */
public final class ScaleFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScaleFiles() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int testers = Integer.parseInt(args[1]);
    int groups = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int appCount = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Files.createDirectories(dir);
    StringBuilder yaml = new StringBuilder();
    List<ObjectNode> full = new ArrayList<>();
    List<ObjectNode> bare = new ArrayList<>();
    long memberships = 0;
    for (int a = 0; a < appCount; a++) {
      Synthetic app =
          new Synthetic(
              "com.example.bench" + (a == 0 ? "" : "." + a),
              String.valueOf(2000000001L + a),
              testers / appCount + (a < testers % appCount ? 1 : 0),
              groups);
      String own = a == 0 ? "@example.com" : "@a" + a + ".example.com";
      String text = app.yaml().replace("@example.com", own);
      // every app's block under the first one's "version" and "apps" lines
      yaml.append(a == 0 ? text : text.substring(text.indexOf("  - bundleId: ")));
      full.add((ObjectNode) JSON.readTree(app.seed(true).toString().replace("@example.com", own)));
      bare.add(app.seed(false));
      memberships += app.memberships();
    }
    Files.writeString(dir.resolve("testflight.yaml"), yaml);
    JSON.writeValue(dir.resolve("seed-full.json").toFile(), merged(full));
    JSON.writeValue(dir.resolve("seed-app.json").toFile(), merged(bare));
    System.out.println(
        dir
            + ": "
            + testers
            + " testers, "
            + appCount
            + (appCount == 1 ? " app, " : " apps, ")
            + groups * appCount
            + " groups, "
            + memberships
            + " memberships");
  }

  /** One seed of several apps' seeds: their lists of each kind, one after the other. */
  private static ObjectNode merged(List<ObjectNode> seeds) {
    ObjectNode out = JSON.createObjectNode();
    for (ObjectNode seed : seeds) {
      seed.fieldNames()
          .forEachRemaining(
              kind -> {
                ArrayNode list = out.has(kind) ? (ArrayNode) out.get(kind) : out.putArray(kind);
                list.addAll((ArrayNode) seed.get(kind));
              });
    }
    return out;
  }
}
