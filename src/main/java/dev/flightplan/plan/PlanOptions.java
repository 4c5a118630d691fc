package dev.flightplan.plan;

/**
 * How far a plan may go. {@code prune}: delete what the file owns but no longer lists. {@code
 * allowReplace}: replace objects whose create-only attributes changed, instead of refusing. {@code
 * batchSize}: the most testers one membership request carries. {@code invitationsOnly}: keep only
 * the invitation emails to testers the app already has (a nightly job that sends the reminders of
 * {@code invitations.resendAfterDays} and changes nothing else). {@code awaitBuilds}: {@code apply
 * --wait} will wait, so a build the file names by number that App Store Connect does not list yet
 * is pending (a warning) rather than an error (never in a saved plan: --wait applies a file).
 */
public record PlanOptions(
    boolean prune,
    boolean allowReplace,
    int batchSize,
    boolean invitationsOnly,
    boolean awaitBuilds) {
  /**
   * Apple states no limit for linkage arrays; 200 matches the largest page size, so a read page
   * maps to a write.
   */
  public static final int DEFAULT_BATCH_SIZE = 200;

  public static final PlanOptions DEFAULTS =
      new PlanOptions(false, false, DEFAULT_BATCH_SIZE, false, false);

  public PlanOptions(boolean prune, boolean allowReplace, int batchSize) {
    this(prune, allowReplace, batchSize, false, false);
  }

  public PlanOptions(boolean prune, boolean allowReplace, int batchSize, boolean invitationsOnly) {
    this(prune, allowReplace, batchSize, invitationsOnly, false);
  }

  public PlanOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1");
    }
  }

  public PlanOptions withPrune(boolean prune) {
    return new PlanOptions(prune, allowReplace, batchSize, invitationsOnly, awaitBuilds);
  }

  public PlanOptions withAllowReplace(boolean allowReplace) {
    return new PlanOptions(prune, allowReplace, batchSize, invitationsOnly, awaitBuilds);
  }

  public PlanOptions withInvitationsOnly(boolean invitationsOnly) {
    return new PlanOptions(prune, allowReplace, batchSize, invitationsOnly, awaitBuilds);
  }

  public PlanOptions withAwaitBuilds(boolean awaitBuilds) {
    return new PlanOptions(prune, allowReplace, batchSize, invitationsOnly, awaitBuilds);
  }
}
