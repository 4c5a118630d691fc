package dev.flightplan.plan;

import java.time.Duration;
import java.util.Locale;

/**
 * The note a plan carries when applying it needs more requests than the API key has left this hour:
 * apply then paces itself to the rate limit, and says how long that takes at least; and how
 * flightplan writes durations.
 */
public final class BudgetNote {
  private BudgetNote() {}

  /**
   * @param writes the plan's API calls
   * @param reads the requests apply reads with (planning again to verify)
   * @param available requests the key has left this hour, less what is kept in reserve
   * @param limit the key's hourly allowance
   * @param atLeast the least time the writes and reads take when paced
   */
  public static Note.RateLimit of(
      long writes, long reads, long available, long limit, Duration atLeast) {
    return new Note.RateLimit(
        "applying this plan takes "
            + count(writes + reads)
            + " requests ("
            + count(writes)
            + " to apply, about "
            + count(reads)
            + " to read and verify), more than the "
            + count(available)
            + " the API key has left this hour (limit "
            + count(limit)
            + " an hour): apply paces itself to the limit and takes at least "
            + duration(atLeast));
  }

  /** 1 h 05 min, 3 min 20 s, 40 s. */
  public static String duration(Duration d) {
    long s = Math.max(0, (d.toMillis() + 999) / 1000);
    if (s >= 3600) {
      long minutes = (s + 59) / 60;
      return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return s + " s";
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
