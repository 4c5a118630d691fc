package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.diag.Quote;
import dev.flightplan.diag.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules about one app's group names that JSON Schema cannot say, with names compared as App
 * Store Connect compares them ({@link GroupName}): no two groups of one name, {@code renamedFrom}
 * naming a name that no group of the file has and that only one group was renamed from, and
 * references to groups (a tester's {@code groups}, also from CSV) naming a declared group, in any
 * case or Unicode form.
 */
final class GroupNameRules {
  /**
   * A group's {@code renamedFrom}: the old name, the group's own name, and where the old name is
   * written.
   */
  private record Rename(String from, String to, String at) {}

  private final Checks checks;

  /** Declared names, by {@link GroupName#key}, as the file first writes them. */
  private final Map<String, String> byKey = new LinkedHashMap<>();

  /** Declared names, as written, and the pointer of each. */
  private final Map<String, String> declared = new LinkedHashMap<>();

  /** {@link GroupName#key} of each name seen, for names referred to many times. */
  private final Map<String, String> keys = new HashMap<>();

  private final List<Rename> renames = new ArrayList<>();
  private boolean complete;

  GroupNameRules(Checks checks, boolean complete) {
    this.checks = checks;
    this.complete = complete;
  }

  /** A group whose name could not be read: references to groups are not checked then. */
  void unreadable() {
    complete = false;
  }

  /**
   * Declares the group {@code name} (trimmed), written at {@code at}: reports a name declared
   * before.
   */
  void declare(String name, String at) {
    if (!checks.unique(declared, name, at, () -> "duplicate group " + Quote.of(name))) {
      return;
    }
    String other = byKey.putIfAbsent(key(name), name);
    if (other != null) {
      checks.error(
          checks.positions().value(at),
          "group "
              + Quote.of(name)
              + " differs from group "
              + Quote.of(other)
              + " only by "
              + GroupName.difference(name, other),
          "App Store Connect sees them as the same name and holds one group of a name; "
              + Quote.of(other)
              + " is at line "
              + line(other)
              + ": give one of them another name, or merge the two");
    }
  }

  /** {@link GroupName#key} of {@code name}, worked out once per name. */
  String key(String name) {
    return keys.computeIfAbsent(name, GroupName::key);
  }

  /** The line the declared group {@code name} is written on. */
  private int line(String name) {
    return checks.positions().value(declared.get(name)).line();
  }

  /**
   * Records the group's {@code renamedFrom}, if it has one; {@link #checkRenames} checks them all.
   */
  void renamedFrom(JsonNode group, String groupAt, String name) {
    String at = Pointer.child(groupAt, "renamedFrom");
    String from = checks.text(group, groupAt, "renamedFrom");
    if (from != null) {
      renames.add(new Rename(from.trim(), name, at));
    }
  }

  /**
   * Once every group is declared: each {@code renamedFrom} names an old name that only it claims.
   */
  void checkRenames() {
    Map<String, Rename> byOldName = new HashMap<>();
    for (Rename r : renames) {
      SourcePos pos = checks.positions().value(r.at());
      String key = GroupName.key(r.from());
      if (key.equals(GroupName.key(r.to()))) {
        checks.error(
            pos,
            "renamedFrom "
                + Quote.of(r.from())
                + " is the name of group "
                + Quote.of(r.to())
                + " itself"
                + (r.from().equals(r.to()) ? "" : ", as App Store Connect compares names"),
            r.from().equals(r.to())
                ? "remove renamedFrom, or set it to the name the group had before"
                : "remove renamedFrom: a change of case or Unicode form alone is planned as a rename of the group");
        continue;
      }
      String other = byKey.get(key);
      if (other != null) {
        checks.error(
            pos,
            "group "
                + Quote.of(r.to())
                + " is renamed from "
                + Quote.of(r.from())
                + ", but the file also has a"
                + " group "
                + Quote.of(other)
                + " (line "
                + line(other)
                + ")",
            "a group cannot keep its old name and have a new one: remove renamedFrom, or remove or rename the group "
                + Quote.of(other));
        continue;
      }
      Rename first = byOldName.putIfAbsent(key, r);
      if (first != null) {
        checks.error(
            pos,
            "groups "
                + Quote.of(first.to())
                + " and "
                + Quote.of(r.to())
                + " are both renamed from "
                + Quote.of(first.from()),
            "one App Store Connect group becomes one group of the file: remove renamedFrom from one of them ("
                + Quote.of(first.to())
                + " is at line "
                + (declared.containsKey(first.to()) ? line(first.to()) : pos.line())
                + ")");
      }
    }
  }

  /**
   * A reference to a group at {@code at}: it names a declared group, in any case or Unicode form; a
   * group's old name, or an unknown one, is reported with the name to write.
   */
  void reference(String name, String at) {
    if (!complete || byKey.containsKey(key(name))) {
      return;
    }
    SourcePos pos = checks.positions().value(at);
    for (Rename r : renames) {
      if (GroupName.same(r.from(), name)) {
        checks.error(
            pos,
            "unknown group "
                + Quote.of(name)
                + "; group "
                + Quote.of(r.to())
                + " was renamed from it (renamedFrom)",
            "write the group's new name, " + Quote.of(r.to()));
        return;
      }
    }
    String summary = "unknown group " + Quote.of(name);
    var suggestion = Suggest.closest(name, declared.keySet());
    String hint = null;
    if (suggestion.isPresent()) {
      summary += "; did you mean " + Quote.of(suggestion.get()) + "?";
    } else {
      hint =
          declared.isEmpty()
              ? "this app declares no groups; add it under `groups:`"
              : "this app declares: " + String.join(", ", declared.keySet());
    }
    checks.error(pos, summary, hint);
  }
}
