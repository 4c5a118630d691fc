package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Quote;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the desired-state file that JSON Schema cannot say: uniqueness (bundle IDs, tester
 * emails ignoring case), group names and references to groups ({@link GroupNameRules}), and
 * internal-only and external-only settings; builds ({@link BuildRules}), locales ({@link
 * LocaleRules}) and recruitment criteria ({@link CriteriaRules}) have their own classes. Runs on
 * the whole tree even when the schema found errors, skipping the values it rejected, so that every
 * problem is reported at once.
 */
final class SemanticRules {
  private final Checks checks;
  private final LocaleRules locales;
  private final BuildRules builds;
  private final CriteriaRules criteria;

  private SemanticRules(Checks checks) {
    this.checks = checks;
    this.locales = new LocaleRules(checks);
    this.builds = new BuildRules(checks, locales);
    this.criteria = new CriteriaRules(checks);
  }

  /**
   * {@code schema}: the schema document, whose patterns also apply to versions written as YAML
   * numbers.
   */
  static List<Diagnostic> check(
      JsonNode root, JsonNode schema, PositionMap positions, Set<String> invalid) {
    SemanticRules rules = new SemanticRules(new Checks(schema, positions, invalid));
    rules.apps(Checks.list(root.path("apps")), Pointer.child(Pointer.ROOT, "apps"));
    return rules.checks.diagnostics();
  }

  private void apps(JsonNode apps, String at) {
    Map<String, String> bundleIds = new HashMap<>();
    for (int i = 0; i < apps.size(); i++) {
      String app = Pointer.child(at, i);
      String bundleId = checks.text(apps.get(i), app, "bundleId");
      if (bundleId != null) {
        checks.unique(
            bundleIds,
            bundleId,
            Pointer.child(app, "bundleId"),
            () -> "duplicate app " + Quote.of(bundleId));
      }
      app(apps.get(i), app);
    }
  }

  private void app(JsonNode app, String at) {
    GroupNameRules names = groups(Checks.list(app.path("groups")), Pointer.child(at, "groups"));
    testers(Checks.list(app.path("testers")), Pointer.child(at, "testers"), names);
    locales.keys(app.path("localizations"), Pointer.child(at, "localizations"));
    builds.specs(app.path("builds"), Pointer.child(at, "builds"));
    usagePeriods(app, at);
  }

  /**
   * Every inactive-tester policy of an app (the app's and its groups') names the same period: the
   * app's usage metrics are read once, for one period (a second read per period would cost a
   * request per 200 testers for little gain).
   */
  private void usagePeriods(JsonNode app, String at) {
    String first = null;
    int days = 0;
    JsonNode groups = Checks.list(app.path("groups"));
    for (int i = -1; i < groups.size(); i++) {
      String policy =
          i < 0
              ? Pointer.child(at, "inactiveTesters")
              : Pointer.child(Pointer.child(Pointer.child(at, "groups"), i), "inactiveTesters");
      JsonNode node = i < 0 ? app.path("inactiveTesters") : groups.get(i).path("inactiveTesters");
      String period = Pointer.child(policy, "noSessionDays");
      if (!node.path("noSessionDays").isInt() || !checks.valid(period)) {
        continue;
      }
      int n = node.path("noSessionDays").asInt();
      if (first == null) {
        first = period;
        days = n;
      } else if (n != days) {
        checks.error(
            checks.positions().value(period),
            "noSessionDays "
                + n
                + " differs from the "
                + days
                + " days of the app's first inactiveTesters policy (line "
                + checks.positions().value(first).line()
                + "): every inactiveTesters of an app must name the same period",
            "use noSessionDays: " + days + " here, or " + n + " there");
      }
    }
  }

  private GroupNameRules groups(JsonNode groups, String at) {
    GroupNameRules names = new GroupNameRules(checks, checks.valid(at));
    for (int i = 0; i < groups.size(); i++) {
      String group = Pointer.child(at, i);
      JsonNode node = groups.get(i);
      String written = checks.text(node, group, "name");
      if (written == null) {
        names.unreadable();
        continue;
      }
      String name = written.trim();
      names.declare(name, Pointer.child(group, "name"));
      names.renamedFrom(node, group, name);
      kindOnly(node, group, name);
      members(Checks.list(node.path("testers")), Pointer.child(group, "testers"), name);
      builds.refs(node, group, () -> "group " + Quote.of(name));
      String link = Pointer.child(group, "publicLink");
      criteria.check(node.path("publicLink").path("criteria"), Pointer.child(link, "criteria"));
    }
    names.checkRenames();
    return names;
  }

  /**
   * Settings for one kind of group only: access to all builds (internal), a public link (external).
   */
  private void kindOnly(JsonNode group, String at, String name) {
    if (!checks.valid(Pointer.child(at, "internal"))) {
      return;
    }
    boolean internal = group.path("internal").asBoolean(false);
    if (group.has("accessToAllBuilds") && !internal) {
      checks.error(
          checks.positions().key(Pointer.child(at, "accessToAllBuilds")),
          "\"accessToAllBuilds\" is only allowed on internal groups, and group "
              + Quote.of(name)
              + " is external",
          "add `internal: true` or remove accessToAllBuilds");
    }
    if (group.has("publicLink") && internal) {
      checks.error(
          checks.positions().key(Pointer.child(at, "publicLink")),
          "\"publicLink\" is only allowed on external groups, and group "
              + Quote.of(name)
              + " is internal",
          "internal groups have no public link; remove publicLink or `internal: true`");
    }
    if (group.has("inactiveTesters") && internal) {
      checks.error(
          checks.positions().key(Pointer.child(at, "inactiveTesters")),
          "\"inactiveTesters\" is only allowed on external groups, and group "
              + Quote.of(name)
              + " is internal",
          "the members of internal groups are your team; remove inactiveTesters here (the app's"
              + " policy can drop keepInternal instead)");
    }
    if (group.has("builds") && internal && group.path("accessToAllBuilds").asBoolean(false)) {
      checks.warning(
          checks.positions().key(Pointer.child(at, "builds")),
          "group "
              + Quote.of(name)
              + " gets every build (accessToAllBuilds: true), and App Store Connect "
              + "refuses builds given to such a group by hand",
          "remove builds, or accessToAllBuilds");
    }
  }

  private void members(JsonNode emails, String at, String group) {
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < emails.size(); i++) {
      String email = Pointer.child(at, i);
      String value = checks.text(emails.get(i), email);
      if (value != null) {
        String key = value.toLowerCase(Locale.ROOT);
        checks.unique(
            seen, key, email, () -> Quote.of(key) + " is listed twice in group " + Quote.of(group));
      }
    }
  }

  private void testers(JsonNode testers, String at, GroupNameRules groups) {
    Map<String, String> emails = new HashMap<>();
    for (int i = 0; i < testers.size(); i++) {
      if (TesterFiles.isFile(testers.get(i))) {
        continue; // its rows follow as entries of their own
      }
      String tester = Pointer.child(at, i);
      String email = checks.text(testers.get(i), tester, "email");
      String key = email == null ? null : email.toLowerCase(Locale.ROOT);
      if (key != null) {
        checks.unique(
            emails, key, Pointer.child(tester, "email"), () -> "duplicate tester " + Quote.of(key));
      }
      testerGroups(
          Checks.list(testers.get(i).path("groups")), Pointer.child(tester, "groups"), groups);
      builds.refs(
          testers.get(i), tester, () -> key != null ? "tester " + Quote.of(key) : "this tester");
    }
  }

  private void testerGroups(JsonNode names, String at, GroupNameRules groups) {
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String ref = Pointer.child(at, i);
      String written = checks.text(names.get(i), ref);
      if (written == null) {
        continue;
      }
      String name = written.trim();
      if (checks.unique(
          seen,
          groups.key(name),
          ref,
          () -> "group " + Quote.of(name) + " is listed twice for this tester")) {
        groups.reference(name, ref);
      }
    }
  }
}
