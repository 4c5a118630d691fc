package dev.flightplan.plan;

/** The closed set of things a plan can do to an object. */
public enum ActionKind {
  CREATE("+", "to add"),
  UPDATE("~", "to change"),
  REPLACE("-/+", "to replace"),
  DELETE("-", "to destroy"),
  /**
   * A one-off request that is not state (an invitation, a notification): sent once, when the plan
   * calls for it.
   */
  SEND(">", "to send");

  private final String symbol;
  private final String summaryLabel;

  ActionKind(String symbol, String summaryLabel) {
    this.symbol = symbol;
    this.summaryLabel = summaryLabel;
  }

  public String symbol() {
    return symbol;
  }

  public String summaryLabel() {
    return summaryLabel;
  }
}
