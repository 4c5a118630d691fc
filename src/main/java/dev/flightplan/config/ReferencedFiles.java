package dev.flightplan.config;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where the files a desired-state file names may be ({@code - file: testers.csv}, {@code { file:
 * demo-password.txt }}): inside the directory tree of the desired-state file, with symbolic links
 * resolved, unless the user allowed files outside it ({@code --allow-outside-files}). For a
 * desired-state file read from standard input ({@link ConfigLoader#STDIN}) that directory is the
 * working directory. A file a reviewed change names can then not read, or echo in an error, what
 * lies elsewhere on the machine (a CI runner's secrets, {@code /etc}). They are read as {@link
 * RegularFiles} reads: regular files only, up to a size cap.
 */
public record ReferencedFiles(boolean outsideAllowed) {
  /** Files inside the desired-state file's directory tree only: the default. */
  public static final ReferencedFiles CONFINED = new ReferencedFiles(false);

  /** The option that allows files outside, as messages name it. */
  public static final String ALLOW_OUTSIDE = "--allow-outside-files";

  /**
   * A named file's bytes, or (bytes null) why it was not read: a reason to follow "cannot read X: "
   * and a hint.
   */
  public record Read(byte[] bytes, String reason, String hint) {
    static Read refused(String reason, String hint) {
      return new Read(null, reason, hint);
    }

    public boolean ok() {
      return bytes != null;
    }
  }

  /**
   * The directory the files {@code configFile} names are relative to: its own, or for standard
   * input the working one.
   */
  static Path directory(String configFile) {
    if (configFile.equals(ConfigLoader.STDIN)) {
      return Path.of("").toAbsolutePath();
    }
    return Path.of(configFile).toAbsolutePath().getParent();
  }

  /** That directory, as messages name it. */
  static String directoryName(String configFile) {
    return configFile.equals(ConfigLoader.STDIN)
        ? "the working directory, since the desired-state file is standard input"
        : "the directory of " + configFile;
  }

  /** The hint of a named file that is not there. */
  public static String relativeTo(String configFile) {
    return "the path is relative to " + directoryName(configFile);
  }

  /**
   * Reads {@code reference}, a path relative to the directory of {@code configFile} (or absolute),
   * at most {@code maxBytes} of it.
   */
  public Read read(String configFile, String reference, int maxBytes) {
    Path dir = directory(configFile);
    Path target;
    Path real;
    try {
      target = dir.resolve(reference);
      real = target.toRealPath();
    } catch (InvalidPathException e) {
      return Read.refused("it is not a valid path", null);
    } catch (IOException e) {
      return Read.refused(RegularFiles.reason(e), relativeTo(configFile));
    }
    if (!outsideAllowed) {
      Path root;
      try {
        root = dir.toRealPath();
      } catch (IOException e) {
        return Read.refused(RegularFiles.reason(e), null);
      }
      if (!real.startsWith(root)) {
        String resolved = real.equals(target.normalize()) ? "" : " (it resolves to " + real + ")";
        return Read.refused(
            "it is outside " + root + ", " + directoryName(configFile) + resolved,
            "a desired-state file may name only files in its own directory or below it; move the file there, or pass "
                + ALLOW_OUTSIDE
                + " to read it where it is");
      }
    }
    try {
      return new Read(RegularFiles.read(real, maxBytes), null, null);
    } catch (IOException e) {
      return Read.refused(RegularFiles.reason(e), null);
    }
  }
}
