package dev.flightplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build of flightplan is: its version and the git commit it was built from ({@code
 * "unknown"} for a build without git, such as one from a source archive), and whether that checkout
 * had uncommitted changes. The build writes them into {@code build.properties} beside this class
 * (pom.xml).
 */
public record BuildInfo(String version, String commit, boolean dirty) {
  static final String UNKNOWN = "unknown";
  private static final String RESOURCE = "build.properties";

  /**
   * This build's, from the resource; "dev" and "unknown" where it is missing or unfilled (run from
   * an IDE).
   */
  public static BuildInfo current() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
    }
    return of(p);
  }

  /**
   * From the properties the build wrote; a value the build could not fill in (no git) reads as
   * unknown.
   */
  static BuildInfo of(Properties p) {
    return new BuildInfo(
        filled(p, "version", "dev"),
        filled(p, "commit", UNKNOWN),
        "true".equals(p.getProperty("dirty")));
  }

  /**
   * The first 12 characters of the commit, as git abbreviates, with "-dirty" for uncommitted
   * changes.
   */
  public String shortCommit() {
    String c = commit.matches("[0-9a-f]{40}") ? commit.substring(0, 12) : commit;
    return dirty ? c + "-dirty" : c;
  }

  private static String filled(Properties p, String key, String otherwise) {
    String v = p.getProperty(key);
    return v == null || v.isBlank() || v.startsWith("${") ? otherwise : v;
  }
}
