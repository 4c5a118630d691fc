package dev.flightplan.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the files of the end-to-end scale benchmark ({@code scripts/scale-benchmark}) for {@code
 * testers} testers in 50 groups: {@code testflight.yaml} (every tester inline), {@code
 * seed-full.json} (a sandbox that already matches it: nothing to change) and {@code seed-app.json}
 * (the app alone: everything to create).
 */
public final class ScaleFiles {
  private ScaleFiles() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int testers = Integer.parseInt(args[1]);
    int groups = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    Files.createDirectories(dir);
    Synthetic app = Synthetic.app(testers, groups);
    app.writeYaml(dir.resolve("testflight.yaml"));
    app.writeSeed(dir.resolve("seed-full.json"), true);
    app.writeSeed(dir.resolve("seed-app.json"), false);
    System.out.println(
        dir
            + ": "
            + testers
            + " testers, "
            + groups
            + " groups, "
            + app.memberships()
            + " memberships");
  }
}
