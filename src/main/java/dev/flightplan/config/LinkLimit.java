package dev.flightplan.config;

/**
 * The limit of a public link as the file states it: at most {@code max} testers (1 to 10,000), or
 * none ({@code max} null, {@code limit: none}). A file that leaves the limit alone leaves the key
 * out, and has no LinkLimit at all.
 */
public record LinkLimit(Integer max) {
  /** {@code limit: none}: anyone with the link may join, up to App Store Connect's own cap. */
  public static final LinkLimit NONE = new LinkLimit(null);

  /** The word the file uses for no limit. */
  public static final String NONE_WORD = "none";

  public LinkLimit {
    if (max != null && (max < 1 || max > 10_000)) {
      throw new IllegalArgumentException("a public link limit is 1 to 10000, got " + max);
    }
  }

  public static LinkLimit of(int max) {
    return new LinkLimit(max);
  }

  public boolean none() {
    return max == null;
  }

  /** The limit as plans and files show it: the number, or {@code none}. */
  public Object shown() {
    return max == null ? NONE_WORD : max;
  }
}
