package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.diag.SourcePos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Loads a desired-state file: YAML → JSON Schema → included tester lists (CSV) → semantic rules →
 * immutable records. Never throws for bad input: every problem in the file becomes a {@link
 * Diagnostic} at {@code file:line:col}, all reported together, and a file with any error yields no
 * state.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * The name positions give a desired-state file read from standard input ({@code -f -}); the files
   * it names are relative to the working directory ({@link ReferencedFiles}).
   */
  public static final String STDIN = "<stdin>";

  /**
   * Starts loading what every load needs (the compiled schema) in the background, for a command
   * about to load a file: call it first thing, before anything else the command does. {@code
   * first}: something else the command will need, set up before, on the same thread.
   */
  public static void prepare(Runnable first) {
    ConfigSchema.prepare(first);
  }

  /**
   * Reads and loads {@code file}; positions name the file as given. The files it names must be
   * beside it.
   */
  public static LoadResult load(Path file) {
    return load(file, ReferencedFiles.CONFINED);
  }

  /**
   * Reads and loads {@code file}; {@code files}: where the files it names (tester lists) may be.
   */
  public static LoadResult load(Path file, ReferencedFiles files) {
    byte[] bytes;
    try {
      bytes = read(file);
    } catch (IOException e) {
      return unreadable(file, e);
    }
    return load(file.toString(), bytes, files);
  }

  /**
   * Reads and loads a desired-state file from standard input ({@code -f -}): positions name it
   * {@link #STDIN}; {@code files}: where the files it names may be.
   */
  public static LoadResult load(InputStream stdin, ReferencedFiles files) {
    byte[] bytes;
    try {
      bytes = read(stdin);
    } catch (IOException e) {
      return unreadable(STDIN, e);
    }
    return load(STDIN, bytes, files);
  }

  /**
   * The bytes of a desired-state file: a regular file of at most {@link Limits#MAX_FILE_BYTES},
   * checked before it is opened (a named pipe or {@code /dev/zero} is refused at once) and before
   * anything is parsed.
   */
  public static byte[] read(Path file) throws IOException {
    return RegularFiles.read(file, Limits.MAX_FILE_BYTES);
  }

  /**
   * The bytes of a desired-state file given on standard input, at most {@link
   * Limits#MAX_FILE_BYTES} of them.
   */
  public static byte[] read(InputStream in) throws IOException {
    return RegularFiles.read(in, Limits.MAX_FILE_BYTES);
  }

  /** The failure of a desired-state file that {@link #read} could not read, saying why. */
  public static LoadResult unreadable(Path file, IOException e) {
    return unreadable(file.toString(), e);
  }

  /**
   * The failure of the desired-state file {@code displayName} that could not be read, saying why.
   */
  public static LoadResult unreadable(String displayName, IOException e) {
    return failure(displayName, "cannot read " + displayName + ": " + RegularFiles.reason(e));
  }

  /** Loads the bytes of a file read with {@link #read}: they must be UTF-8. */
  public static LoadResult load(String displayName, byte[] bytes, ReferencedFiles files) {
    try {
      return parse(displayName, RegularFiles.utf8(bytes), files);
    } catch (CharacterCodingException e) {
      return failure(displayName, "cannot read " + displayName + ": it is not UTF-8 text");
    }
  }

  /**
   * Loads YAML text; {@code displayName} is the file name positions are reported against, and
   * tester lists it includes are read relative to its directory (and must be in it or below it).
   */
  public static LoadResult parse(String displayName, String yamlText) {
    return parse(displayName, yamlText, ReferencedFiles.CONFINED);
  }

  /** As {@link #parse(String, String)}; {@code files}: where the files it names may be. */
  public static LoadResult parse(String displayName, String yamlText, ReferencedFiles files) {
    String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
    YamlReader.Result yaml = YamlReader.read(displayName, text);
    List<Diagnostic> found = new ArrayList<>(yaml.diagnostics());
    JsonNode root = yaml.root();
    if (root == null) {
      return result(null, found);
    }
    ConfigSchema schema = ConfigSchema.get();
    SchemaMessages messages =
        new SchemaMessages(schema.document(), yaml.positions(), yaml.unreadable());
    messages.addAll(schema.validate(root));
    found.addAll(messages.diagnostics());
    TesterFiles.Result included =
        TesterFiles.include(root, schema.document(), yaml.positions(), messages.invalid(), files);
    found.addAll(included.diagnostics());
    found.addAll(
        SemanticRules.check(root, schema.document(), yaml.positions(), messages.invalid()));
    return result(
        found.stream().anyMatch(Diagnostic::isError)
            ? null
            : ModelBuilder.build(root, yaml.positions()),
        found,
        included.included());
  }

  private static LoadResult result(DesiredState state, List<Diagnostic> found) {
    return result(state, found, List.of());
  }

  private static LoadResult result(
      DesiredState state, List<Diagnostic> found, List<IncludedFile> included) {
    // The same node reached through several aliases reports the same problem at the same place: say
    // it once.
    Diagnostics diagnostics = Diagnostics.of(List.copyOf(new LinkedHashSet<>(found)));
    return new LoadResult(Optional.ofNullable(state), diagnostics, included);
  }

  private static LoadResult failure(String name, String summary) {
    return result(null, List.of(Diagnostic.error(SourcePos.ofFile(name), summary)));
  }
}
