package dev.flightplan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.InvitationPolicy;
import dev.flightplan.config.Manage;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A synthetic app for tests and the benchmark: one internal group (empty) and {@code groups - 1}
 * external groups, {@code testers} testers with overlapping memberships (each in 2 external groups,
 * every third in 3), the same every time. It comes as a desired-state file (YAML), as a sandbox
 * seed that already matches it (for no-change plans) or holds only the app (for first applies), and
 * as planner input built directly.
 */
public record Synthetic(String bundleId, String appId, int testers, int groups) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SourcePos POS = new SourcePos("synthetic.yaml", 1, 1);

  public Synthetic {
    if (groups < 2) {
      throw new IllegalArgumentException(
          "an app with external groups needs an internal one: at least 2 groups");
    }
  }

  public static Synthetic app(int testers, int groups) {
    return new Synthetic("com.example.bench", "2000000001", testers, groups);
  }

  public String email(int i) {
    return String.format(Locale.ROOT, "tester%06d@example.com", i);
  }

  public String groupName(int g) {
    return g == 0 ? "Internal" : String.format(Locale.ROOT, "Beta %02d", g);
  }

  /** The external groups (1 .. groups-1) tester {@code i} is in. */
  public Set<Integer> groupsOf(int i) {
    int external = groups - 1;
    Set<Integer> gs = new LinkedHashSet<>();
    gs.add(1 + i % external);
    gs.add(1 + (i * 7 + 3) % external);
    if (i % 3 == 0) {
      gs.add(1 + (i * 13 + 5) % external);
    }
    return gs;
  }

  public long memberships() {
    long n = 0;
    for (int i = 0; i < testers; i++) {
      n += groupsOf(i).size();
    }
    return n;
  }

  /**
   * The desired-state file: groups by name, each tester with its names and groups; no invitation
   * emails.
   */
  public String yaml() {
    StringBuilder y = new StringBuilder(64 * testers + 1024);
    y.append("version: 1\napps:\n  - bundleId: ").append(bundleId).append('\n');
    y.append("    invitations: { onAdd: false }\n    groups:\n");
    for (int g = 0; g < groups; g++) {
      y.append("      - name: ")
          .append(groupName(g))
          .append(g == 0 ? "\n        internal: true\n" : "\n");
    }
    y.append("    testers:\n");
    for (int i = 0; i < testers; i++) {
      y.append("      - { email: ")
          .append(email(i))
          .append(", firstName: First")
          .append(i)
          .append(", lastName: Last")
          .append(i)
          .append(", groups: [");
      boolean first = true;
      for (int g : groupsOf(i)) {
        y.append(first ? "" : ", ").append('"').append(groupName(g)).append('"');
        first = false;
      }
      y.append("] }\n");
    }
    return y.toString();
  }

  /**
   * A sandbox seed with the app alone ({@code withState} false) or with every group and tester of
   * the file.
   */
  public ObjectNode seed(boolean withState) {
    ObjectNode seed = JSON.createObjectNode();
    seed.putArray("apps")
        .addObject()
        .put("id", appId)
        .put("bundleId", bundleId)
        .put("name", "Bench")
        .put("sku", "BENCH1")
        .put("primaryLocale", "en-US");
    seed.putArray("users");
    ArrayNode groupList = seed.putArray("groups");
    ArrayNode testerList = seed.putArray("testers");
    if (!withState) {
      return seed;
    }
    List<List<String>> members = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < testers; i++) {
      testerList
          .addObject()
          .put("email", email(i))
          .put("firstName", "First" + i)
          .put("lastName", "Last" + i);
      for (int g : groupsOf(i)) {
        members.get(g).add(email(i));
      }
    }
    for (int g = 0; g < groups; g++) {
      ObjectNode group =
          groupList
              .addObject()
              .put("app", bundleId)
              .put("name", groupName(g))
              .put("isInternalGroup", g == 0);
      ArrayNode list = group.putArray("testers");
      members.get(g).forEach(list::add);
    }
    return seed;
  }

  public Path writeSeed(Path file, boolean withState) throws IOException {
    JSON.writeValue(file.toFile(), seed(withState));
    return file;
  }

  /**
   * {@code base} seeded with this app alone (no groups, no testers), the seed written in {@code
   * dir}.
   */
  public dev.flightplan.sandbox.SandboxOptions seedOnly(
      dev.flightplan.sandbox.SandboxOptions base, Path dir) {
    try {
      return base.withSeedFile(writeSeed(dir.resolve("seed.json"), false));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public Path writeYaml(Path file) throws IOException {
    Files.writeString(file, yaml());
    return file;
  }

  /**
   * The file's content as the loader would give it, without YAML: planner input for large counts.
   */
  public DesiredState desired() {
    List<GroupSpec> groupSpecs = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      groupSpecs.add(new GroupSpec(groupName(g), g == 0, null, null, false, List.of(), POS));
    }
    List<TesterSpec> testerSpecs = new ArrayList<>(testers);
    for (int i = 0; i < testers; i++) {
      List<String> names = new ArrayList<>();
      groupsOf(i).forEach(g -> names.add(groupName(g)));
      testerSpecs.add(new TesterSpec(email(i), "First" + i, "Last" + i, names, POS));
    }
    AppSpec app =
        new AppSpec(
            bundleId,
            Manage.DEFAULT,
            groupSpecs,
            testerSpecs,
            null,
            null,
            null,
            new InvitationPolicy(false, null, POS),
            null,
            POS);
    return new DesiredState("synthetic.yaml", 1, List.of(app));
  }

  /**
   * The live app as the state reader would give it: all groups, and the first {@code present}
   * testers with their memberships ({@code present == testers}: nothing to change).
   */
  public LiveApp live(int present) {
    List<LiveGroup> groupList = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      groupList.add(new LiveGroup(groupId(g), groupName(g), g == 0, false, false, false));
    }
    List<LiveTester> testerList = new ArrayList<>(present);
    for (int i = 0; i < present; i++) {
      Set<String> ids = new HashSet<>();
      groupsOf(i).forEach(g -> ids.add(groupId(g)));
      testerList.add(
          new LiveTester(
              String.format(Locale.ROOT, "t-%08d", i),
              email(i),
              "First" + i,
              "Last" + i,
              "EMAIL",
              "INVITED",
              ids));
    }
    return new LiveApp(appId, bundleId, "Bench", groupList, testerList);
  }

  private static String groupId(int g) {
    return String.format(Locale.ROOT, "g-%04d", g);
  }
}
