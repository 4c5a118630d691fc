package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;

/**
 * Where a secret comes from: an environment variable or a file (relative to the desired-state
 * file). The file never holds the secret itself, and the model never holds its value: it is read
 * when planning and never shown.
 */
public record SecretRef(String env, String file, SourcePos pos) {
  public SecretRef {
    if ((env == null) == (file == null)) {
      throw new IllegalArgumentException("a secret comes from env or from file, exactly one");
    }
  }

  /** {@code env DEMO_PASSWORD} or {@code file secrets/demo.txt}: safe to show. */
  public String describe() {
    return env != null ? "env " + env : "file " + file;
  }
}
