package dev.flightplan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the files of the sandbox write benchmark ({@code scripts/sandbox-write-benchmark}): {@code
 * seed.json}, a sandbox holding the 50-group app of {@link Synthetic} with {@code stateTesters}
 * testers beside a second app, {@code com.example.writes}, with nothing in it; and {@code
 * writes.yaml}, that second app with its internal group, one external group and {@code
 * writeTesters} testers in it, so that applying it makes {@code writeTesters} + 2 writes while the
 * sandbox holds a state of {@code stateTesters} testers.
 */
public final class WriteFiles {
  private WriteFiles() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int stateTesters = Integer.parseInt(args[1]);
    int writeTesters = Integer.parseInt(args[2]);
    Files.createDirectories(dir);
    Synthetic big = Synthetic.app(stateTesters, 50);
    Synthetic writes = new Synthetic("com.example.writes", "2000000002", writeTesters, 2);
    ObjectNode seed = big.seed(stateTesters > 0);
    ArrayNode apps = (ArrayNode) seed.get("apps");
    apps.addAll((ArrayNode) writes.seed(false).get("apps"));
    new ObjectMapper().writeValue(dir.resolve("seed.json").toFile(), seed);
    // other emails than the big app's: new testers of the team, not the big app's testers joining a
    // second app
    Files.writeString(
        dir.resolve("writes.yaml"), writes.yaml().replace("email: tester", "email: writer"));
    System.out.println(
        dir
            + ": a state of "
            + stateTesters
            + " testers; writes.yaml adds "
            + writeTesters
            + " testers and 2 groups");
  }
}
