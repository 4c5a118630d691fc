package dev.flightplan.render;

import dev.flightplan.plan.Plan;

/**
 * How much of a plan the text and Markdown views show: every change ({@link #FULL}), a summary per
 * app, kind and group ({@link #COMPACT}), or the summary only for plans of more than {@link
 * #COMPACT_ABOVE} changes ({@link #AUTO}, the default). The JSON view always holds every change.
 */
public enum PlanDetail {
  AUTO,
  COMPACT,
  FULL;

  /**
   * Above this many changes, {@link #AUTO} summarises: beyond it, a list of every change is read by
   * no one.
   */
  public static final int COMPACT_ABOVE = 200;

  /** Whether {@code plan} is shown as a summary. */
  public boolean compact(Plan plan) {
    return switch (this) {
      case AUTO -> plan.actions().size() > COMPACT_ABOVE;
      case COMPACT -> plan.hasChanges();
      case FULL -> false;
    };
  }
}
