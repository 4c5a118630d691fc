package dev.flightplan.cli;

/** The exit codes flightplan documents; scripts and CI depend on them. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int ERROR = 1;

  /** Only with {@code plan --detailed-exitcode}: the plan has changes. */
  public static final int CHANGES = 2;

  /** Bad command line (sysexits' EX_USAGE). */
  public static final int USAGE = 64;

  private ExitCodes() {}
}
