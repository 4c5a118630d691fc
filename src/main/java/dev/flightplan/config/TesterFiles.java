package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Includes the tester lists an app's {@code testers:} names with {@code - file: testers.csv} (a
 * path relative to the desired-state file). Runs after the schema has checked the YAML as written
 * and before the semantic rules: each row becomes a tester entry appended to the app's {@code
 * testers} list, positioned in the CSV file, so the YAML's rules (unique emails, ignoring case,
 * also across files; declared groups, with a suggestion) apply to both alike and report at {@code
 * testers.csv:17:12}. The {@code file} entries stay where they are (later steps skip them), so
 * positions of the YAML's own entries do not move.
 */
final class TesterFiles {
  private final PositionMap positions;
  private final Set<String> invalid;
  private final JsonNode emailSchema;
  private final ReferencedFiles files;

  /** Bytes the tester lists read so far may still add: they are capped together as each one is. */
  private long budget = Limits.MAX_FILE_BYTES;

  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<IncludedFile> included = new ArrayList<>();

  /** What including gave: problems found in the files, and the files that were read. */
  record Result(List<Diagnostic> diagnostics, List<IncludedFile> included) {}

  private TesterFiles(
      PositionMap positions, Set<String> invalid, JsonNode emailSchema, ReferencedFiles files) {
    this.positions = positions;
    this.invalid = invalid;
    this.emailSchema = emailSchema;
    this.files = files;
  }

  /**
   * Expands {@code root} in place. {@code schema}: for the email rules both files share; {@code
   * files}: where the lists may be.
   */
  static Result include(
      JsonNode root,
      JsonNode schema,
      PositionMap positions,
      Set<String> invalid,
      ReferencedFiles files) {
    TesterFiles including = new TesterFiles(positions, invalid, schema.at("/$defs/email"), files);
    JsonNode apps = Checks.list(root.path("apps"));
    for (int i = 0; i < apps.size(); i++) {
      String testers =
          Pointer.child(Pointer.child(Pointer.child(Pointer.ROOT, "apps"), i), "testers");
      if (apps.get(i).path("testers").isArray() && !invalid.contains(testers)) {
        including.app((ArrayNode) apps.get(i).path("testers"), testers);
      }
    }
    return new Result(List.copyOf(including.diagnostics), List.copyOf(including.included));
  }

  /** Whether a tester entry is an inclusion ({@code file: ...}) rather than a tester. */
  static boolean isFile(JsonNode entry) {
    return entry.isObject() && entry.has("file");
  }

  private void app(ArrayNode testers, String at) {
    Map<String, SourcePos> seen = new HashMap<>();
    int written = testers.size();
    for (int j = 0; j < written; j++) {
      JsonNode entry = testers.get(j);
      if (!isFile(entry) || !entry.get("file").isTextual()) {
        continue; // a tester of its own, most of a large file: no pointers made for it
      }
      String entryAt = Pointer.child(at, j);
      String fileAt = Pointer.child(entryAt, "file");
      if (invalid.contains(entryAt) || invalid.contains(fileAt)) {
        continue;
      }
      String display = display(positions.file(), entry.get("file").asText());
      SourcePos first = seen.putIfAbsent(display, positions.value(fileAt));
      if (first != null) {
        diagnostics.add(
            Diagnostic.error(
                positions.value(fileAt),
                display + " is included twice in this app's testers",
                "first at line " + first.line() + "; remove one of them"));
        continue;
      }
      String text = read(entry.get("file").asText(), display, positions.value(fileAt));
      if (text == null) {
        continue;
      }
      TesterCsv.Result csv = TesterCsv.read(display, text, emailSchema);
      diagnostics.addAll(csv.diagnostics());
      for (TesterCsv.Entry tester : csv.testers()) {
        String testerAt = Pointer.child(at, testers.size());
        testers.add(tester.node());
        tester.positions().forEach((relative, pos) -> positions.putValue(testerAt + relative, pos));
      }
    }
  }

  /**
   * The included file's path as messages name it: relative to the desired-state file's directory.
   */
  static String display(String configFile, String relative) {
    Path dir = configFile.equals(ConfigLoader.STDIN) ? null : Path.of(configFile).getParent();
    Path path = dir == null ? Path.of(relative) : dir.resolve(relative);
    return path.normalize().toString();
  }

  private String read(String reference, String display, SourcePos at) {
    ReferencedFiles.Read read = files.read(positions.file(), reference, Limits.MAX_FILE_BYTES);
    if (!read.ok()) {
      return unreadable(at, display, read.reason(), read.hint());
    }
    byte[] bytes = read.bytes();
    budget -= bytes.length;
    if (budget < 0) {
      return unreadable(
          at,
          display,
          "with it, the tester lists of this file take more than "
              + Limits.bytes(Limits.MAX_FILE_BYTES)
              + " together; flightplan reads at most that",
          null);
    }
    included.add(new IncludedFile(display, Sha256.hex(bytes)));
    try {
      return RegularFiles.utf8(bytes);
    } catch (CharacterCodingException e) {
      return unreadable(at, display, "it is not UTF-8 text", null);
    }
  }

  private String unreadable(SourcePos at, String display, String reason, String hint) {
    diagnostics.add(
        Diagnostic.error(
            at,
            "cannot read the tester list " + display + ": " + reason,
            hint != null ? hint : ReferencedFiles.relativeTo(positions.file())));
    return null;
  }
}
