package dev.flightplan.engine;

import dev.flightplan.config.ConfigLoader;
import dev.flightplan.config.IncludedFile;
import dev.flightplan.config.LoadResult;
import dev.flightplan.config.ReferencedFiles;
import dev.flightplan.config.Sha256;
import dev.flightplan.plan.SavedPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A desired-state file read once: the load result (state or diagnostics) and the reference a saved
 * plan records, the path as given and the SHA-256 of exactly the bytes that were loaded. When the
 * file includes tester lists (CSV), the hash covers them too: it is then the SHA-256 of a {@code
 * sha256sum}-style listing, one line {@code HASH PATH} for the file and then for each included file
 * in the order they were read, so that a changed tester list makes a saved plan's file count as
 * changed.
 */
public record ConfigFile(LoadResult result, SavedPlan.ConfigRef ref) {
  /** Loads {@code file}, whose tester lists must be beside it or below it. */
  public static ConfigFile load(Path file) {
    return load(file, ReferencedFiles.CONFINED);
  }

  /** Loads {@code file}; {@code files}: where the files it names may be. */
  public static ConfigFile load(Path file, ReferencedFiles files) {
    byte[] bytes;
    try {
      bytes = ConfigLoader.read(file);
    } catch (IOException e) {
      return new ConfigFile(
          ConfigLoader.unreadable(file, e), new SavedPlan.ConfigRef(file.toString(), ""));
    }
    SavedPlan.ConfigRef ref = new SavedPlan.ConfigRef(file.toString(), Sha256.hex(bytes));
    LoadResult result = ConfigLoader.load(file.toString(), bytes, files);
    return new ConfigFile(result, withIncluded(ref, result.included()));
  }

  /**
   * Reads a desired-state file from standard input ({@code -f -}): positions name it {@link
   * ConfigLoader#STDIN}, and the files it names are relative to the working directory. Its
   * reference can never be found unchanged.
   */
  public static ConfigFile read(InputStream stdin, ReferencedFiles files) {
    byte[] bytes;
    try {
      bytes = ConfigLoader.read(stdin);
    } catch (IOException e) {
      return new ConfigFile(
          ConfigLoader.unreadable(ConfigLoader.STDIN, e),
          new SavedPlan.ConfigRef(ConfigLoader.STDIN, ""));
    }
    LoadResult result = ConfigLoader.load(ConfigLoader.STDIN, bytes, files);
    return new ConfigFile(
        result,
        withIncluded(
            new SavedPlan.ConfigRef(ConfigLoader.STDIN, Sha256.hex(bytes)), result.included()));
  }

  private static SavedPlan.ConfigRef withIncluded(
      SavedPlan.ConfigRef ref, List<IncludedFile> included) {
    if (included.isEmpty()) {
      return ref;
    }
    StringBuilder listing =
        new StringBuilder(ref.sha256()).append("  ").append(ref.path()).append('\n');
    included.forEach(f -> listing.append(f.sha256()).append("  ").append(f.path()).append('\n'));
    return new SavedPlan.ConfigRef(ref.path(), Sha256.hex(listing.toString()));
  }

  /**
   * Whether {@code ref}'s file (and the tester lists it includes) is still where it was, with the
   * same bytes.
   */
  public static boolean unchanged(SavedPlan.ConfigRef ref) {
    return ifUnchanged(ref, ReferencedFiles.CONFINED).isPresent();
  }

  /**
   * {@code ref}'s file loaded again, the tester lists read where {@code files} allows, when it (and
   * those lists) still has the bytes {@code ref} records; empty when it changed, is gone, or was
   * standard input. What is verified after an apply is then exactly what was found unchanged, read
   * once.
   */
  public static Optional<ConfigFile> ifUnchanged(SavedPlan.ConfigRef ref, ReferencedFiles files) {
    if (ref.path().equals(ConfigLoader.STDIN)) {
      return Optional.empty(); // what was read from standard input is gone
    }
    try {
      ConfigFile again = load(Path.of(ref.path()), files);
      return again.ref().sha256().equals(ref.sha256()) ? Optional.of(again) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
