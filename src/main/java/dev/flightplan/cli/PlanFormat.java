package dev.flightplan.cli;

/** The views {@code plan --format} offers; all three are rendered from the same plan. */
enum PlanFormat {
  /** For a terminal (the default). */
  TEXT,
  /** For a pull-request comment or an issue: personal data masked unless --show-personal-data. */
  MARKDOWN,
  /** For machines: the document {@code -o} saves (docs/plan-json.md). */
  JSON;

  /** The names as people type them (lower case), for the completion script and the help. */
  static final class Names extends LowerCaseNames {
    private static final long serialVersionUID = 1L;

    Names() {
      super(values());
    }
  }
}
