package dev.flightplan.config;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the secrets a file refers to (environment variables, or files relative to the
 * desired-state file), read when planning and applying and never shown: {@link #toString()} names
 * only how many there are. Plans say where each goes ({@code plan.Substitution}), never what it is.
 */
public final class Secrets {
  private final Map<String, String> values;

  private Secrets(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Secrets none() {
    return new Secrets(Map.of());
  }

  /**
   * The secrets that were read, and an error at the reference's position for each that could not
   * be.
   */
  public record Resolution(Secrets secrets, Diagnostics diagnostics) {}

  public static Resolution resolve(DesiredState desired, Map<String, String> env) {
    return resolve(desired, env, ReferencedFiles.CONFINED);
  }

  /** As {@link #resolve(DesiredState, Map)}; {@code files}: where secrets' files may be. */
  public static Resolution resolve(
      DesiredState desired, Map<String, String> env, ReferencedFiles files) {
    return resolve(references(desired), desired.source(), env, files);
  }

  /**
   * The secrets {@code refs} name, read afresh (a saved plan's calls declare the secrets they need,
   * never their values). Files are relative to the desired-state file {@code configPath}, as when
   * it was planned.
   */
  public static Resolution resolve(
      List<SecretRef> refs, String configPath, Map<String, String> env) {
    return resolve(refs, configPath, env, ReferencedFiles.CONFINED);
  }

  /**
   * As {@link #resolve(List, String, Map)}. A file must be where {@code files} allows (by default
   * inside the directory tree of the desired-state file), a regular file of at most {@link
   * Limits#MAX_SECRET_BYTES}, and UTF-8; the same rules hold when a saved plan's secrets are read
   * at apply time.
   */
  public static Resolution resolve(
      List<SecretRef> refs, String configPath, Map<String, String> env, ReferencedFiles files) {
    Map<String, String> values = new HashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (SecretRef ref : refs) {
      if (values.containsKey(ref.describe())) {
        continue;
      }
      if (ref.env() != null) {
        String value = env.get(ref.env());
        if (value == null || value.isEmpty()) {
          problems.add(
              Diagnostic.error(
                  ref.pos(),
                  "the environment variable " + ref.env() + " is not set",
                  "set it to the secret (in CI, from the repository's secrets), or use { file: PATH }"));
        } else {
          values.put(ref.describe(), value);
        }
      } else {
        ReferencedFiles.Read read = files.read(configPath, ref.file(), Limits.MAX_SECRET_BYTES);
        String problem = read.reason();
        if (read.ok()) {
          try {
            values.put(ref.describe(), stripNewline(RegularFiles.utf8(read.bytes())));
          } catch (CharacterCodingException e) {
            problem = "it is not UTF-8 text";
          }
        }
        if (problem != null) {
          problems.add(
              Diagnostic.error(
                  ref.pos(),
                  "cannot read the secret file " + ref.file() + ": " + problem,
                  read.hint() != null ? read.hint() : ReferencedFiles.relativeTo(configPath)));
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
    return s.endsWith("\r\n")
        ? s.substring(0, s.length() - 2)
        : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public String toString() {
    return "Secrets[" + values.size() + " value(s), not shown]";
  }
}
