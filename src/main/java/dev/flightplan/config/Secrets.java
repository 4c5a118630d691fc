package dev.flightplan.config;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the secrets a file refers to (environment variables, or files relative to the desired-state file),
 * read when planning and applying and never shown: {@link #toString()} names only how many there are. Plans say
 * where each goes ({@code plan.Substitution}), never what it is.
 */
public final class Secrets {
  private final Map<String, String> values;

  private Secrets(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Secrets none() {
    return new Secrets(Map.of());
  }

  /** The secrets that were read, and an error at the reference's position for each that could not be. */
  public record Resolution(Secrets secrets, Diagnostics diagnostics) {}

  public static Resolution resolve(DesiredState desired, Map<String, String> env) {
    return resolve(references(desired), desired.source(), env);
  }

  /**
   * The secrets {@code refs} name, read afresh (a saved plan's calls declare the secrets they need, never their
   * values). Files are relative to the desired-state file {@code configPath}, as when it was planned.
   */
  public static Resolution resolve(List<SecretRef> refs, String configPath, Map<String, String> env) {
    Path source = Path.of(configPath).toAbsolutePath();
    Path baseDir = source.getParent() == null ? Path.of("") : source.getParent();
    Map<String, String> values = new HashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (SecretRef ref : refs) {
      if (values.containsKey(ref.describe())) {
        continue;
      }
      if (ref.env() != null) {
        String value = env.get(ref.env());
        if (value == null || value.isEmpty()) {
          problems.add(Diagnostic.error(ref.pos(), "the environment variable " + ref.env() + " is not set",
              "set it to the secret (in CI, from the repository's secrets), or use { file: PATH }"));
        } else {
          values.put(ref.describe(), value);
        }
      } else {
        Path file = baseDir.resolve(ref.file());
        try {
          values.put(ref.describe(), stripNewline(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          problems.add(Diagnostic.error(ref.pos(), "cannot read the secret file " + ref.file() + " (looked for " + file + ")",
              "the path is relative to the desired-state file"));
        }
      }
    }
    return new Resolution(new Secrets(values), Diagnostics.of(problems));
  }

  /** Resolves a secret's description ({@code env NAME}, {@code file PATH}) to its value. */
  public Optional<String> lookup(String description) {
    return Optional.ofNullable(values.get(description));
  }

  public Optional<String> value(SecretRef ref) {
    return lookup(ref.describe());
  }

  private static List<SecretRef> references(DesiredState desired) {
    List<SecretRef> refs = new ArrayList<>();
    for (AppSpec app : desired.apps()) {
      if (app.reviewDetail() != null && app.reviewDetail().demoAccountPassword() != null) {
        refs.add(app.reviewDetail().demoAccountPassword());
      }
    }
    return refs;
  }

  private static String stripNewline(String s) {
    return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public String toString() {
    return "Secrets[" + values.size() + " value(s), not shown]";
  }
}
