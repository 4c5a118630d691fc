package dev.flightplan.testing;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** File helpers that tests in several packages share. */
public final class TestFiles {
  private TestFiles() {}

  /** Copies the file or directory tree {@code from} to {@code to}; returns {@code to}. */
  public static Path copyTree(Path from, Path to, CopyOption... options) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, options);
        }
      }
    }
    return to;
  }
}
