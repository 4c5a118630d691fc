package dev.flightplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for views: compares rendered output with {@code src/test/resources/golden/...}. Run
 * with {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
public final class Golden {
  private static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {}

  public static void check(String name, String actual) {
    Path file = ROOT.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")
          || !Files.exists(file) && Boolean.getBoolean("golden.create")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual);
        return;
      }
      assertThat(file)
          .as("golden file %s (run with -Dgolden.update=true to create or update it)", file)
          .exists();
      assertThat(actual)
          .as("output differs from %s (run with -Dgolden.update=true and review the diff)", file)
          .isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
