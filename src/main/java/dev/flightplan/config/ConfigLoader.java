package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.diag.SourcePos;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Loads a desired-state file: YAML → JSON Schema → included tester lists (CSV) → semantic rules → immutable
 * records. Never throws for bad input:
 * every problem in the file becomes a {@link Diagnostic} at {@code file:line:col}, all reported together, and a file
 * with any error yields no state.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Reads and loads {@code file}; positions name the file as given. */
  public static LoadResult load(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return failure(name, "cannot read " + name + ": no such file");
    } catch (AccessDeniedException e) {
      return failure(name, "cannot read " + name + ": permission denied");
    } catch (CharacterCodingException e) {
      return failure(name, "cannot read " + name + ": it is not UTF-8 text");
    } catch (IOException e) {
      String reason = Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage());
      return failure(name, "cannot read " + name + ": " + reason);
    }
    return parse(name, text);
  }

  /**
   * Loads YAML text; {@code displayName} is the file name positions are reported against, and tester lists it
   * includes are read relative to its directory.
   */
  public static LoadResult parse(String displayName, String yamlText) {
    String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
    YamlReader.Result yaml = YamlReader.read(displayName, text);
    List<Diagnostic> found = new ArrayList<>(yaml.diagnostics());
    JsonNode root = yaml.root();
    if (root == null) {
      return result(null, found);
    }
    ConfigSchema schema = ConfigSchema.get();
    SchemaMessages messages = new SchemaMessages(schema.document(), yaml.positions(), yaml.unreadable());
    messages.addAll(schema.validate(root));
    found.addAll(messages.diagnostics());
    TesterFiles.Result files = TesterFiles.include(root, schema.document(), yaml.positions(), messages.invalid());
    found.addAll(files.diagnostics());
    found.addAll(SemanticRules.check(root, schema.document(), yaml.positions(), messages.invalid()));
    return result(
        found.stream().anyMatch(Diagnostic::isError) ? null : ModelBuilder.build(root, yaml.positions()), found,
        files.included());
  }

  private static LoadResult result(DesiredState state, List<Diagnostic> found) {
    return result(state, found, List.of());
  }

  private static LoadResult result(DesiredState state, List<Diagnostic> found, List<IncludedFile> included) {
    // The same node reached through several aliases reports the same problem at the same place: say it once.
    Diagnostics diagnostics = Diagnostics.of(List.copyOf(new LinkedHashSet<>(found)));
    return new LoadResult(Optional.ofNullable(state), diagnostics, included);
  }

  private static LoadResult failure(String name, String summary) {
    return result(null, List.of(Diagnostic.error(SourcePos.ofFile(name), summary)));
  }
}
