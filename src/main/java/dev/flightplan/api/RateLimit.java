package dev.flightplan.api;

import java.util.OptionalLong;

/**
 * The hourly allowance of the API key as the last {@code X-Rate-Limit} header stated it ({@code
 * user-hour-lim:3600;user-hour-rem:3599;}). Either value is empty when unknown: header missing or
 * unreadable.
 */
public record RateLimit(OptionalLong hourLimit, OptionalLong hourRemaining) {
  private static final RateLimit UNKNOWN =
      new RateLimit(OptionalLong.empty(), OptionalLong.empty());

  public RateLimit {
    hourLimit = hourLimit == null ? OptionalLong.empty() : hourLimit;
    hourRemaining = hourRemaining == null ? OptionalLong.empty() : hourRemaining;
  }

  public static RateLimit unknown() {
    return UNKNOWN;
  }

  /**
   * Reads the header leniently: unknown keys and malformed parts are ignored, never an exception.
   */
  public static RateLimit parse(String header) {
    if (header == null) {
      return UNKNOWN;
    }
    OptionalLong lim = OptionalLong.empty();
    OptionalLong rem = OptionalLong.empty();
    for (String part : header.split(";")) {
      int colon = part.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = part.substring(0, colon).trim();
      OptionalLong value = nonNegative(part.substring(colon + 1).trim());
      if (key.equalsIgnoreCase("user-hour-lim")) {
        lim = value;
      } else if (key.equalsIgnoreCase("user-hour-rem")) {
        rem = value;
      }
    }
    return new RateLimit(lim, rem);
  }

  /** True when at least one of the two values is known. */
  public boolean isKnown() {
    return hourLimit.isPresent() || hourRemaining.isPresent();
  }

  private static OptionalLong nonNegative(String s) {
    try {
      long v = Long.parseLong(s);
      return v >= 0 ? OptionalLong.of(v) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public String toString() {
    return "RateLimit[remaining " + show(hourRemaining) + " of " + show(hourLimit) + " this hour]";
  }

  private static String show(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "?";
  }
}
