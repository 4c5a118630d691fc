package dev.flightplan.diag;

import java.util.Objects;

/**
 * One problem found in the user's input or plan: a severity, a one-line summary, an optional hint
 * on how to fix it, and the position it concerns (null when it concerns no file position).
 */
public record Diagnostic(Severity severity, String summary, String hint, SourcePos pos) {
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
  }

  public static Diagnostic error(SourcePos pos, String summary) {
    return new Diagnostic(Severity.ERROR, summary, null, pos);
  }

  public static Diagnostic error(SourcePos pos, String summary, String hint) {
    return new Diagnostic(Severity.ERROR, summary, hint, pos);
  }

  public static Diagnostic warning(SourcePos pos, String summary, String hint) {
    return new Diagnostic(Severity.WARNING, summary, hint, pos);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error: summary (hint)}: the form editors and CI logs link to. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    if (pos != null) {
      sb.append(pos).append(": ");
    }
    return sb.append(severity.label()).append(": ").append(message()).toString();
  }

  /** {@code summary (hint)}: what is wrong and how to fix it, without the position and severity. */
  public String message() {
    return hint == null || hint.isBlank() ? summary : summary + " (" + hint + ")";
  }
}
