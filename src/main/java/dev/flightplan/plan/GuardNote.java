package dev.flightplan.plan;

/**
 * The note a plan carries when {@code apply} would refuse it under its guards ({@code --max-deletes}, {@code
 * --allow-empty-groups}): one per reason, so that a reviewer learns it from the plan, not from a failed apply. Views
 * recognise it by its prefix to show it as a warning.
 */
public final class GuardNote {
  public static final String PREFIX = "apply would refuse this plan: ";

  private GuardNote() {}

  public static String of(String reason) {
    return PREFIX + reason;
  }

  public static boolean is(String note) {
    return note.startsWith(PREFIX);
  }

  /** Notes views show as warnings: the guard refusals and the rate limit. */
  public static boolean isWarning(String note) {
    return is(note) || BudgetNote.is(note);
  }

  /** A warning note without its prefix, capitalised for a line of its own. */
  public static String warningText(String note) {
    return BudgetNote.is(note) ? note.substring(BudgetNote.PREFIX.length()) : note.substring(0, 1).toUpperCase() + note.substring(1);
  }
}
