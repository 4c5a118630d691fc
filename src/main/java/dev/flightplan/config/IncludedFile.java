package dev.flightplan.config;

import java.util.Objects;

/**
 * A file the desired-state file includes (a tester list in CSV): its path as positions name it
 * (relative to the working directory, like the desired-state file's), and the SHA-256 of exactly
 * the bytes that were read.
 */
public record IncludedFile(String path, String sha256) {
  public IncludedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }
}
