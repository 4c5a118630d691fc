package dev.flightplan.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which faults a {@link SandboxServer} injects, parsed from a comma-separated spec such as {@code
 * seed=7,5xx=0.1,429=0.05,reset=0.02,slow=0.01:2s,revoke=once,lag=500ms}:
 *
 * <ul>
 *   <li>{@code 5xx=R}: a share R (0 to 1) of requests answer 500 {@code UNEXPECTED_ERROR} or 503
 *       {@code SERVICE_UNAVAILABLE};
 *   <li>{@code 429=R}: a share answer 429 {@code RATE_LIMIT_EXCEEDED} (nothing is done);
 *   <li>{@code reset=R}: a share get no answer at all: the connection is closed;
 *   <li>{@code lost=P}: of the 5xx and resets that hit a write, the share P (default 0.5) that
 *       strike after the change was made, so that the client cannot know whether it happened;
 *   <li>{@code slow=R[:DURATION]}: a share are answered only after DURATION (default 2s);
 *   <li>{@code revoke=N|once}: the token of the N-th authenticated request is revoked early: that
 *       request and every later one carrying the same, unexpired token answer 401; {@code once}
 *       picks N from the seed, within the first 100 requests;
 *   <li>{@code lag=DURATION}: reads trail writes by DURATION (as App Store Connect's relationship
 *       reads do), and the deletes the API may complete later answer 202;
 *   <li>{@code seed=N}: the seed of every choice, so that a run can be replayed (default: a random
 *       one, which {@link #toString()} shows).
 * </ul>
 *
 * Whether a request is hit depends only on the seed, its method and path template, and how many
 * requests with the same method and template came before it: a client that sends the same requests
 * in the same order meets the same faults. 5xx, 429 and resets add up to at most 1. {@code none} or
 * an empty spec injects nothing.
 */
public record FaultSpec(
    long seed,
    double serverErrors,
    double rateLimited,
    double resets,
    double lost,
    double slow,
    Duration slowBy,
    long revokeAt,
    Duration lag) {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
  private static final Duration DEFAULT_SLOW = Duration.ofSeconds(2);

  /** {@code revoke=once} picks a request within this many. */
  static final int REVOKE_ONCE_WITHIN = 100;

  public FaultSpec {
    Objects.requireNonNull(slowBy, "slowBy");
    Objects.requireNonNull(lag, "lag");
    for (double rate : new double[] {serverErrors, rateLimited, resets, lost, slow}) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("a rate must be between 0 and 1, got " + rate);
      }
    }
    if (serverErrors + rateLimited + resets > 1 + 1e-9) {
      throw new IllegalArgumentException("5xx, 429 and reset rates add up to more than 1");
    }
    if (revokeAt < 0 || slowBy.isNegative() || lag.isNegative()) {
      throw new IllegalArgumentException("revoke, slow and lag must not be negative");
    }
  }

  /** No faults at all. */
  public static FaultSpec none() {
    return new FaultSpec(0, 0, 0, 0, 0.5, 0, DEFAULT_SLOW, 0, Duration.ZERO);
  }

  /** True when this spec injects anything. */
  public boolean active() {
    return serverErrors > 0
        || rateLimited > 0
        || resets > 0
        || slow > 0
        || revokeAt > 0
        || !lag.isZero();
  }

  /**
   * Parses a spec; the message of the IllegalArgumentException says which part is wrong and how to
   * write it.
   */
  public static FaultSpec parse(String spec) {
    String text = spec == null ? "" : spec.strip();
    if (text.isEmpty() || text.equalsIgnoreCase("none")) {
      return none();
    }
    Long seed = null;
    double serverErrors = 0;
    double rateLimited = 0;
    double resets = 0;
    double lost = 0.5;
    double slow = 0;
    Duration slowBy = DEFAULT_SLOW;
    String revoke = null;
    Duration lag = Duration.ZERO;
    for (String part : text.split(",")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("fault \"" + p + "\" is not NAME=VALUE; " + SYNTAX);
      }
      String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = p.substring(eq + 1).strip();
      switch (name) {
        case "seed" -> seed = number(name, value);
        case "5xx" -> serverErrors = rate(name, value);
        case "429" -> rateLimited = rate(name, value);
        case "reset" -> resets = rate(name, value);
        case "lost" -> lost = rate(name, value);
        case "slow" -> {
          int colon = value.indexOf(':');
          slow = rate(name, colon < 0 ? value : value.substring(0, colon));
          if (colon >= 0) {
            slowBy = duration(name, value.substring(colon + 1));
          }
        }
        case "revoke" -> revoke = value;
        case "lag" -> lag = duration(name, value);
        default -> throw new IllegalArgumentException("unknown fault \"" + name + "\"; " + SYNTAX);
      }
    }
    long s = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    long revokeAt = 0;
    if (revoke != null) {
      if (revoke.equalsIgnoreCase("once")) {
        revokeAt =
            1 + Math.floorMod(FaultInjector.mix(s, "revoke".hashCode(), 0), REVOKE_ONCE_WITHIN);
      } else {
        revokeAt = number("revoke", revoke);
        if (revokeAt < 1) {
          throw new IllegalArgumentException(
              "revoke must be once or a request number from 1, got " + revoke);
        }
      }
    }
    try {
      return new FaultSpec(s, serverErrors, rateLimited, resets, lost, slow, slowBy, revokeAt, lag);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + "; " + SYNTAX);
    }
  }

  static final String SYNTAX =
      "write faults as seed=N,5xx=RATE,429=RATE,reset=RATE,lost=RATE,slow=RATE[:DURATION],revoke=once|N,lag=DURATION"
          + " (rates from 0 to 1, durations like 500ms or 2s)";

  /**
   * The canonical spec, seed included, so that a run can be replayed with exactly the same faults.
   */
  @Override
  public String toString() {
    if (!active()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    parts.add("seed=" + seed);
    if (serverErrors > 0) {
      parts.add("5xx=" + serverErrors);
    }
    if (rateLimited > 0) {
      parts.add("429=" + rateLimited);
    }
    if (resets > 0) {
      parts.add("reset=" + resets);
    }
    if (serverErrors > 0 || resets > 0) {
      parts.add("lost=" + lost);
    }
    if (slow > 0) {
      parts.add("slow=" + slow + ":" + slowBy.toMillis() + "ms");
    }
    if (revokeAt > 0) {
      parts.add("revoke=" + revokeAt);
    }
    if (!lag.isZero()) {
      parts.add("lag=" + lag.toMillis() + "ms");
    }
    return String.join(",", parts);
  }

  private static double rate(String name, String value) {
    try {
      double d = Double.parseDouble(value);
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a rate from 0 to 1, such as 0.05; got \"" + value + "\"");
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got \"" + value + "\"");
    }
  }

  private static Duration duration(String name, String value) {
    Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          name + " must be a duration such as 500ms, 2s or 1m; got \"" + value + "\"");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }
}
