package dev.flightplan.cli;

/** The reports {@code apply --format} offers. */
enum ApplyFormat {
  /** For people: progress and the report on standard output (the default). */
  TEXT,
  /**
   * For pipelines: the JSON report (docs/apply-json.md) alone on standard output, the rest on
   * standard error.
   */
  JSON;

  /** The names as people type them (lower case), for the completion script and the help. */
  static final class Names extends LowerCaseNames {
    private static final long serialVersionUID = 1L;

    Names() {
      super(values());
    }
  }
}
