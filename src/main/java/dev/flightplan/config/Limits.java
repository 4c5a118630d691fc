package dev.flightplan.config;

/**
 * The most flightplan reads, in one place (README, "Reliability", documents each): input past a
 * limit is refused with a clear error before it can take minutes or gigabytes, and the limits sit
 * well above what the largest real app needs.
 */
public final class Limits {
  private Limits() {}

  /**
   * Bytes of a desired-state file, comments included; also of each tester list it includes, of
   * those lists together, and of the invitation log. 100,000 testers written out (email, names and
   * one group each) take 10.4 MB in flow style and 12.5 MB in block style: this leaves room for
   * more groups and builds per tester.
   */
  public static final int MAX_FILE_BYTES = 32 * 1024 * 1024;

  /**
   * Bytes of a saved plan ({@code plan -o}): it holds each request in full, about 700 bytes a
   * tester created, so a plan that adds 100,000 testers takes about 90 MB.
   */
  public static final int MAX_PLAN_BYTES = 256 * 1024 * 1024;

  /** Bytes of a secret's file (the demo account password). */
  public static final int MAX_SECRET_BYTES = 64 * 1024;

  /**
   * Values that YAML aliases ({@code *name}) and merge keys ({@code <<}) may repeat, in all: each
   * use counts every value it repeats. A few aliases nested in one another could otherwise repeat
   * billions (a "billion laughs").
   */
  public static final int MAX_ALIAS_VALUES = 1_000_000;

  /**
   * Characters of text that aliases may repeat, in all (an alias of a long string, used many
   * times).
   */
  public static final long MAX_ALIAS_CHARS = MAX_FILE_BYTES;

  /**
   * Characters of a number as written, and digits before its decimal point; no setting takes a
   * larger one.
   */
  public static final int MAX_NUMBER_DIGITS = 40;

  /** {@code 32 MiB}, {@code 64 KiB}, {@code 40.5 MiB}: a size in bytes, as messages name it. */
  public static String bytes(long n) {
    if (n >= 1024 * 1024) {
      return oneDecimal(n / (1024.0 * 1024)) + " MiB";
    }
    return n >= 1024 ? oneDecimal(n / 1024.0) + " KiB" : n + " bytes";
  }

  private static String oneDecimal(double value) {
    String s = String.format(java.util.Locale.ROOT, "%.1f", value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
