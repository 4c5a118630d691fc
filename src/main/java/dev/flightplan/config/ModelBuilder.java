package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.diag.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the desired-state records from a tree that passed the schema and the semantic rules:
 * applies defaults, lower-cases emails, trims group names (and writes a tester's reference to a
 * group as the group writes its name), and adds a tester for every email mentioned only under a
 * group. A key the file does not write becomes null ("not managed") unless the records define a
 * default; the parts about builds and the app's beta information are built by {@link BuildModel}
 * and {@link InfoModel}.
 */
final class ModelBuilder {
  private final PositionMap positions;
  private final BuildModel builds;
  private final InfoModel info;

  private ModelBuilder(PositionMap positions) {
    this.positions = positions;
    this.builds = new BuildModel(positions);
    this.info = new InfoModel(positions);
  }

  static DesiredState build(JsonNode root, PositionMap positions) {
    ModelBuilder builder = new ModelBuilder(positions);
    List<AppSpec> apps = new ArrayList<>();
    JsonNode appNodes = root.path("apps");
    for (int i = 0; i < appNodes.size(); i++) {
      apps.add(builder.app(appNodes.get(i), Pointer.child(Pointer.child(Pointer.ROOT, "apps"), i)));
    }
    return new DesiredState(positions.file(), root.path("version").asInt(), apps);
  }

  private AppSpec app(JsonNode app, String at) {
    List<GroupSpec> groups = new ArrayList<>();
    JsonNode groupNodes = app.path("groups");
    for (int i = 0; i < groupNodes.size(); i++) {
      groups.add(group(groupNodes.get(i), Pointer.child(Pointer.child(at, "groups"), i)));
    }
    return new AppSpec(
        app.path("bundleId").asText(),
        manage(app.path("manage")),
        groups,
        testers(
            app.path("testers"),
            Pointer.child(at, "testers"),
            groupNodes,
            Pointer.child(at, "groups")),
        info.localizations(app.path("localizations"), Pointer.child(at, "localizations")),
        optionalText(app, "licenseAgreement"),
        info.reviewDetail(app.path("reviewDetail"), Pointer.child(at, "reviewDetail")),
        info.invitations(app.path("invitations"), Pointer.child(at, "invitations")),
        builds.specs(app.path("builds"), Pointer.child(at, "builds")),
        inactiveTesters(app.path("inactiveTesters"), Pointer.child(at, "inactiveTesters")),
        buildExpiry(app.path("buildExpiry"), Pointer.child(at, "buildExpiry")),
        positions.value(at));
  }

  private InactiveTesterPolicy inactiveTesters(JsonNode policy, String at) {
    if (policy.isMissingNode()) {
      return null;
    }
    List<String> keep = new ArrayList<>();
    policy.path("keep").forEach(e -> keep.add(email(e)));
    List<String> keepGroups = new ArrayList<>();
    policy.path("keepGroups").forEach(g -> keepGroups.add(g.asText().trim()));
    return new InactiveTesterPolicy(
        policy.path("noSessionDays").asInt(),
        policy.path("graceDays").asInt(InactiveTesterPolicy.DEFAULT_GRACE_DAYS),
        keep,
        keepGroups,
        policy.path("keepInternal").asBoolean(true),
        positions.value(at));
  }

  private BuildExpiryPolicy buildExpiry(JsonNode policy, String at) {
    if (policy.isMissingNode()) {
      return null;
    }
    return new BuildExpiryPolicy(
        policy.path("olderThanDays").asInt(),
        policy.path("keepLatest").asInt(BuildExpiryPolicy.DEFAULT_KEEP_LATEST),
        positions.value(at));
  }

  private static Manage manage(JsonNode manage) {
    Manage.GroupsMode groups =
        manage.has("groups")
            ? Manage.GroupsMode.valueOf(manage.get("groups").asText().toUpperCase(Locale.ROOT))
            : Manage.DEFAULT.groups();
    Manage.TestersMode testers =
        manage.has("testers")
            ? Manage.TestersMode.valueOf(manage.get("testers").asText().toUpperCase(Locale.ROOT))
            : Manage.DEFAULT.testers();
    return new Manage(groups, testers);
  }

  private GroupSpec group(JsonNode group, String at) {
    Map<String, SourcePos> testers =
        firstMentions(group.path("testers"), Pointer.child(at, "testers"), ModelBuilder::email);
    return new GroupSpec(
        group.path("name").asText().trim(),
        group.path("internal").asBoolean(false),
        optionalBoolean(group, "accessToAllBuilds"),
        optionalBoolean(group, "feedback"),
        group.path("protect").asBoolean(false),
        List.copyOf(testers.keySet()),
        optionalBoolean(group, "appleSiliconMac"),
        optionalBoolean(group, "appleVision"),
        builds.publicLink(group.path("publicLink"), Pointer.child(at, "publicLink")),
        builds.refs(group, at),
        positions.value(at),
        testers,
        group.has("renamedFrom") ? group.get("renamedFrom").asText().trim() : null,
        groupInactiveTesters(group.path("inactiveTesters"), Pointer.child(at, "inactiveTesters")));
  }

  /** A group's policy: the app policy's shape without keepGroups and keepInternal. */
  private InactiveTesterPolicy groupInactiveTesters(JsonNode policy, String at) {
    if (policy.isMissingNode()) {
      return null;
    }
    List<String> keep = new ArrayList<>();
    policy.path("keep").forEach(e -> keep.add(email(e)));
    return new InactiveTesterPolicy(
        policy.path("noSessionDays").asInt(),
        policy.path("graceDays").asInt(InactiveTesterPolicy.DEFAULT_GRACE_DAYS),
        keep,
        List.of(),
        false,
        positions.value(at));
  }

  /**
   * The list's values in file order, each once (as {@code key} reads it), with where each is first
   * written.
   */
  private Map<String, SourcePos> firstMentions(
      JsonNode list, String at, Function<JsonNode, String> key) {
    Map<String, SourcePos> mentions = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      mentions.putIfAbsent(key.apply(list.get(i)), positions.value(Pointer.child(at, i)));
    }
    return mentions;
  }

  /**
   * The testers' own entries in file order (those of included tester lists after the YAML's), then
   * testers mentioned only under groups, in order of first mention.
   */
  private List<TesterSpec> testers(
      JsonNode entries, String at, JsonNode groupNodes, String groupsAt) {
    Map<String, TesterSpec> testers = new LinkedHashMap<>();
    Map<String, String> declared = new HashMap<>();
    for (JsonNode g : groupNodes) {
      String name = g.path("name").asText().trim();
      declared.putIfAbsent(GroupName.key(name), name);
    }
    // each tester names a few of a few dozen groups: each name is looked up once, not per mention
    Map<String, String> asDeclared = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      if (TesterFiles.isFile(entry)) {
        continue; // its rows follow, as entries of their own
      }
      String entryAt = Pointer.child(at, i);
      // a group named in another case or Unicode form is the same group: it is named as the group
      // writes it
      Map<String, SourcePos> groups =
          firstMentions(
              entry.path("groups"),
              Pointer.child(entryAt, "groups"),
              g ->
                  asDeclared.computeIfAbsent(
                      g.asText().trim(), name -> declared.getOrDefault(GroupName.key(name), name)));
      String email = email(entry.path("email"));
      testers.put(
          email,
          new TesterSpec(
              email,
              optionalText(entry, "firstName"),
              optionalText(entry, "lastName"),
              List.copyOf(groups.keySet()),
              builds.refs(entry, entryAt),
              positions.value(entryAt),
              groups));
    }
    for (int g = 0; g < groupNodes.size(); g++) {
      String membersAt = Pointer.child(Pointer.child(groupsAt, g), "testers");
      JsonNode members = groupNodes.get(g).path("testers");
      for (int i = 0; i < members.size(); i++) {
        String memberAt = Pointer.child(membersAt, i);
        testers.computeIfAbsent(
            email(members.get(i)),
            e -> new TesterSpec(e, null, null, List.of(), positions.value(memberAt)));
      }
    }
    return List.copyOf(testers.values());
  }

  private static String email(JsonNode node) {
    return node.asText().toLowerCase(Locale.ROOT);
  }

  static Boolean optionalBoolean(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asBoolean() : null;
  }

  static String optionalText(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asText() : null;
  }
}
