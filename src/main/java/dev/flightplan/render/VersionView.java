package dev.flightplan.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * What {@code flightplan version} prints: one line a person reads, or a JSON object a script reads.
 */
public final class VersionView {
  private final PrintWriter out;

  public VersionView(PrintWriter out) {
    this.out = out;
  }

  /**
   * {@code flightplan 1.2.0 (commit 3f2a9c1d0b7e)} and the Java it runs on; the first line is also
   * {@code --version}.
   */
  public void text(String version, String shortCommit, String java, String platform) {
    out.println(line(version, shortCommit));
    out.println("Java " + java + " on " + platform);
  }

  /** The first line of {@link #text}. */
  public static String line(String version, String shortCommit) {
    return "flightplan " + version + " (commit " + shortCommit + ")";
  }

  public void json(String version, String commit, boolean dirty, String java, String platform) {
    out.print(Json.object(version, commit, dirty, java, platform));
    out.flush();
  }

  /**
   * The JSON form, in a class of its own: the JVM's verifier loads the Jackson types a method uses
   * when it loads the class declaring it, so {@code --version}, which prints {@link #line}, would
   * load Jackson for this (LazyStartTest).
   */
  private static final class Json {
    private Json() {}

    static String object(
        String version, String commit, boolean dirty, String java, String platform) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("version", version);
      o.put("commit", commit);
      o.put("dirty", dirty);
      o.put("java", java);
      o.put("platform", platform);
      return JsonText.write(o);
    }
  }
}
