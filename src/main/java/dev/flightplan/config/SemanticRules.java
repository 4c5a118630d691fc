package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the desired-state file that JSON Schema cannot say: uniqueness (bundle IDs, group names also
 * ignoring case, tester emails ignoring case), references from testers to groups, and internal-only settings.
 * Runs on the whole tree even when the schema found errors, skipping the values it rejected, so that every
 * problem is reported at once.
 */
final class SemanticRules {
  private final PositionMap positions;
  private final Set<String> invalid;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private SemanticRules(PositionMap positions, Set<String> invalid) {
    this.positions = positions;
    this.invalid = invalid;
  }

  static List<Diagnostic> check(JsonNode root, PositionMap positions, Set<String> invalid) {
    SemanticRules rules = new SemanticRules(positions, invalid);
    rules.apps(list(root.path("apps")), Pointer.child(Pointer.ROOT, "apps"));
    return rules.diagnostics;
  }

  private void apps(JsonNode apps, String at) {
    Map<String, SourcePos> bundleIds = new HashMap<>();
    for (int i = 0; i < apps.size(); i++) {
      String app = Pointer.child(at, i);
      String bundleId = text(apps.get(i), app, "bundleId");
      if (bundleId != null) {
        unique(bundleIds, bundleId, Pointer.child(app, "bundleId"), "duplicate app " + Values.quote(bundleId));
      }
      app(apps.get(i), app);
    }
  }

  private void app(JsonNode app, String at) {
    GroupNames names = groups(list(app.path("groups")), Pointer.child(at, "groups"));
    testers(list(app.path("testers")), Pointer.child(at, "testers"), names);
  }

  /** The group names an app declares (trimmed), and whether all of them could be read. */
  private record GroupNames(Map<String, SourcePos> declared, boolean complete) {}

  private GroupNames groups(JsonNode groups, String at) {
    Map<String, SourcePos> exact = new LinkedHashMap<>();
    Map<String, String> folded = new HashMap<>();
    boolean complete = !invalid.contains(at);
    for (int i = 0; i < groups.size(); i++) {
      String group = Pointer.child(at, i);
      JsonNode node = groups.get(i);
      String name = text(node, group, "name");
      if (name == null) {
        complete = false;
        continue;
      }
      name = name.trim();
      String namePtr = Pointer.child(group, "name");
      if (unique(exact, name, namePtr, "duplicate group " + Values.quote(name))) {
        String other = folded.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        if (other != null) {
          error(
              positions.value(namePtr),
              "group " + Values.quote(name) + " differs from group " + Values.quote(other) + " only by case",
              "App Store Connect sees them as the same name; " + Values.quote(other) + " is at line "
                  + exact.get(other).line());
        }
      }
      internalOnly(node, group, name);
      members(list(node.path("testers")), Pointer.child(group, "testers"), name);
    }
    return new GroupNames(exact, complete);
  }

  private void internalOnly(JsonNode group, String at, String name) {
    String key = Pointer.child(at, "accessToAllBuilds");
    if (!group.has("accessToAllBuilds") || invalid.contains(Pointer.child(at, "internal"))) {
      return;
    }
    if (!group.path("internal").asBoolean(false)) {
      error(
          positions.key(key),
          "\"accessToAllBuilds\" is only allowed on internal groups, and group " + Values.quote(name) + " is external",
          "add `internal: true` or remove accessToAllBuilds");
    }
  }

  private void members(JsonNode emails, String at, String group) {
    Map<String, SourcePos> seen = new HashMap<>();
    for (int i = 0; i < emails.size(); i++) {
      String email = Pointer.child(at, i);
      String value = text(emails.get(i), email);
      if (value != null) {
        String key = value.toLowerCase(Locale.ROOT);
        unique(seen, key, email, Values.quote(key) + " is listed twice in group " + Values.quote(group));
      }
    }
  }

  private void testers(JsonNode testers, String at, GroupNames groups) {
    Map<String, SourcePos> emails = new HashMap<>();
    for (int i = 0; i < testers.size(); i++) {
      String tester = Pointer.child(at, i);
      String email = text(testers.get(i), tester, "email");
      if (email != null) {
        String key = email.toLowerCase(Locale.ROOT);
        unique(emails, key, Pointer.child(tester, "email"), "duplicate tester " + Values.quote(key));
      }
      testerGroups(list(testers.get(i).path("groups")), Pointer.child(tester, "groups"), groups);
    }
  }

  private void testerGroups(JsonNode names, String at, GroupNames groups) {
    Map<String, SourcePos> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String ref = Pointer.child(at, i);
      String name = text(names.get(i), ref);
      if (name == null) {
        continue;
      }
      name = name.trim();
      if (!unique(seen, name, ref, "group " + Values.quote(name) + " is listed twice for this tester")) {
        continue;
      }
      if (groups.complete() && !groups.declared().containsKey(name)) {
        String summary = "unknown group " + Values.quote(name);
        var suggestion = Suggest.closest(name, groups.declared().keySet());
        String hint = null;
        if (suggestion.isPresent()) {
          summary += "; did you mean " + Values.quote(suggestion.get()) + "?";
        } else {
          hint = groups.declared().isEmpty()
              ? "this app declares no groups; add it under `groups:`"
              : "this app declares: " + String.join(", ", groups.declared().keySet());
        }
        error(positions.value(ref), summary, hint);
      }
    }
  }

  /** The node if it is a list; otherwise an empty node, the schema having reported it. */
  private static JsonNode list(JsonNode node) {
    return node.isArray() ? node : MissingNode.getInstance();
  }

  /** Records {@code key} as seen at {@code at}; if it was seen before, reports {@code summary} and returns false. */
  private boolean unique(Map<String, SourcePos> seen, String key, String at, String summary) {
    SourcePos first = seen.putIfAbsent(key, positions.value(at));
    if (first == null) {
      return true;
    }
    error(positions.value(at), summary, "first at line " + first.line());
    return false;
  }

  /** The string at {@code parent/field}, or null when absent, not a string, or rejected by the schema. */
  private String text(JsonNode parent, String parentAt, String field) {
    return text(parent.path(field), Pointer.child(parentAt, field));
  }

  private String text(JsonNode node, String at) {
    return node.isTextual() && !invalid.contains(at) ? node.asText() : null;
  }

  private void error(SourcePos pos, String summary, String hint) {
    diagnostics.add(Diagnostic.error(pos, summary, hint));
  }
}
