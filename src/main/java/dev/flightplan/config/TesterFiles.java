package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Includes the tester lists an app's {@code testers:} names with {@code - file: testers.csv} (a path relative to
 * the desired-state file). Runs after the schema has checked the YAML as written and before the semantic rules:
 * each row becomes a tester entry appended to the app's {@code testers} list, positioned in the CSV file, so the
 * YAML's rules (unique emails, ignoring case, also across files; declared groups, with a suggestion) apply to
 * both alike and report at {@code testers.csv:17:12}. The {@code file} entries stay where they are (later steps
 * skip them), so positions of the YAML's own entries do not move.
 */
final class TesterFiles {
  private final PositionMap positions;
  private final Set<String> invalid;
  private final String emailPattern;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<IncludedFile> included = new ArrayList<>();

  /** What including gave: problems found in the files, and the files that were read. */
  record Result(List<Diagnostic> diagnostics, List<IncludedFile> included) {}

  private TesterFiles(PositionMap positions, Set<String> invalid, String emailPattern) {
    this.positions = positions;
    this.invalid = invalid;
    this.emailPattern = emailPattern;
  }

  /** Expands {@code root} in place. {@code schema}: for the email pattern both files share. */
  static Result include(JsonNode root, JsonNode schema, PositionMap positions, Set<String> invalid) {
    TesterFiles files = new TesterFiles(positions, invalid, schema.at("/$defs/email/pattern").asText());
    JsonNode apps = Checks.list(root.path("apps"));
    for (int i = 0; i < apps.size(); i++) {
      String testers = Pointer.child(Pointer.child(Pointer.child(Pointer.ROOT, "apps"), i), "testers");
      if (apps.get(i).path("testers").isArray() && !invalid.contains(testers)) {
        files.app((ArrayNode) apps.get(i).path("testers"), testers);
      }
    }
    return new Result(List.copyOf(files.diagnostics), List.copyOf(files.included));
  }

  /** Whether a tester entry is an inclusion ({@code file: ...}) rather than a tester. */
  static boolean isFile(JsonNode entry) {
    return entry.isObject() && entry.has("file");
  }

  private void app(ArrayNode testers, String at) {
    Map<String, SourcePos> seen = new HashMap<>();
    int written = testers.size();
    for (int j = 0; j < written; j++) {
      String entryAt = Pointer.child(at, j);
      String fileAt = Pointer.child(entryAt, "file");
      JsonNode entry = testers.get(j);
      if (!isFile(entry) || !entry.get("file").isTextual() || invalid.contains(entryAt) || invalid.contains(fileAt)) {
        continue;
      }
      String display = display(positions.file(), entry.get("file").asText());
      SourcePos first = seen.putIfAbsent(display, positions.value(fileAt));
      if (first != null) {
        diagnostics.add(Diagnostic.error(positions.value(fileAt), display + " is included twice in this app's testers",
            "first at line " + first.line() + "; remove one of them"));
        continue;
      }
      String text = read(display, positions.value(fileAt));
      if (text == null) {
        continue;
      }
      TesterCsv.Result csv = TesterCsv.read(display, text, emailPattern);
      diagnostics.addAll(csv.diagnostics());
      for (TesterCsv.Entry tester : csv.testers()) {
        String testerAt = Pointer.child(at, testers.size());
        testers.add(tester.node());
        tester.positions().forEach((relative, pos) -> positions.putValue(testerAt + relative, pos));
      }
    }
  }

  /** The included file's path as messages name it: relative to the desired-state file's directory. */
  static String display(String configFile, String relative) {
    Path dir = Path.of(configFile).getParent();
    Path path = dir == null ? Path.of(relative) : dir.resolve(relative);
    return path.normalize().toString();
  }

  private String read(String display, SourcePos at) {
    Path path = Path.of(display);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return unreadable(at, display, "no such file");
    } catch (AccessDeniedException e) {
      return unreadable(at, display, "permission denied");
    } catch (IOException e) {
      return unreadable(at, display, Files.isDirectory(path) ? "it is a directory" : String.valueOf(e.getMessage()));
    }
    included.add(new IncludedFile(display, sha256(bytes)));
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return unreadable(at, display, "it is not UTF-8 text");
    }
  }

  private String unreadable(SourcePos at, String display, String reason) {
    diagnostics.add(Diagnostic.error(at, "cannot read the tester list " + display + ": " + reason,
        "the path is relative to the directory of " + positions.file()));
    return null;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
