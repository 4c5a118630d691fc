package dev.flightplan.render;

import dev.flightplan.config.Sha256;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.diag.SourcePos;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Diagnostics as GitHub Actions workflow commands, {@code ::error
 * file=F,line=L,col=C,title=flightplan::MESSAGE} (and {@code ::warning}), which the runner shows as
 * annotations on the lines of the pull request's diff. The runner reads them on standard output and
 * standard error alike; flightplan writes them to standard error, beside the diagnostics, so that a
 * plan document on standard output stays as it is.
 *
 * <p>Messages hold user text, and the runner acts on a line that starts with {@code ::} and on
 * {@code ##[command]} anywhere in a line. So every value is escaped as the runner unescapes it
 * ({@code %}, CR and LF in the message; also {@code :} and {@code ,} in properties), after the
 * terminal escapes of {@link TerminalText}: a value can neither end its property nor start a line.
 * The human-readable lines printed before the commands are fenced with {@code ::stop-commands::}
 * when they hold anything the runner would read as a command; the token that resumes is the SHA-256
 * of those lines, which they cannot contain, and keeps the output deterministic.
 */
public final class WorkflowAnnotations {
  private static final Pattern COMMAND_LINE = Pattern.compile("(?m)^\\s*::");
  private static final String TITLE = "flightplan";

  private final PrintWriter out;
  private final Optional<Path> workspace;

  /**
   * {@code workspace}: the repository's root (GITHUB_WORKSPACE), to which annotation paths are
   * relative.
   */
  public WorkflowAnnotations(PrintWriter out, Optional<Path> workspace) {
    this.out = out;
    this.workspace = workspace.map(w -> w.toAbsolutePath().normalize());
  }

  /** Prints {@code text} (whole lines) so that the runner reads no workflow command in it. */
  public void inert(String text) {
    if (!COMMAND_LINE.matcher(text).find() && !text.contains("##[")) {
      out.print(text);
    } else {
      String token = Sha256.hex(text);
      out.println("::stop-commands::" + token);
      out.print(text);
      out.println("::" + token + "::");
    }
    out.flush();
  }

  /** One workflow command per diagnostic, in the diagnostics' order. */
  public void render(Diagnostics diagnostics) {
    diagnostics.items().forEach(d -> out.println(command(d)));
    out.flush();
  }

  String command(Diagnostic d) {
    StringBuilder sb =
        new StringBuilder("::").append(d.isError() ? "error" : "warning").append(' ');
    SourcePos pos = d.pos();
    if (pos != null) {
      sb.append("file=").append(property(path(pos.file()))).append(',');
      if (pos.line() > 0) {
        sb.append("line=").append(pos.line()).append(',');
        if (pos.column() > 0) {
          sb.append("col=").append(pos.column()).append(',');
        }
      }
    }
    return sb.append("title=")
        .append(TITLE)
        .append("::")
        .append(data(TerminalText.escape(d.message())))
        .toString();
  }

  /**
   * The file as GitHub names it: relative to the workspace when inside it, with forward slashes.
   */
  String path(String file) {
    Path given;
    try {
      given = Path.of(file);
    } catch (java.nio.file.InvalidPathException e) {
      return file;
    }
    if (workspace.isPresent()) {
      Path absolute = given.toAbsolutePath().normalize();
      if (absolute.startsWith(workspace.get())) {
        given = workspace.get().relativize(absolute);
      }
    }
    return given.toString().replace(given.getFileSystem().getSeparator(), "/");
  }

  /** A message as the runner reads it back: {@code %}, CR and LF escaped, {@code %} first. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /**
   * A property value as the runner reads it back: {@code :} and {@code ,} escaped too, so it cannot
   * end early.
   */
  static String property(String text) {
    return data(TerminalText.escape(text)).replace(":", "%3A").replace(",", "%2C");
  }
}
