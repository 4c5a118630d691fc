package dev.flightplan.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The most one HTTP exchange may take: {@code deadline}, from sending the request to the last byte
 * of the answer (on top of the connect timeout and of the socket timeout between two reads, which a
 * server sending a byte now and then never meets), and {@code maxResponseBytes}, the most of one
 * response body the client reads into memory. An exchange past either is ended, and fails with a
 * message that says which limit it met.
 */
public record ExchangeLimits(Duration deadline, long maxResponseBytes) {
  /**
   * 128 MiB, above the largest page the client asks for: a page of 200 builds (state/BuildReader),
   * which includes each build's groups, individual testers and What-to-Test texts. Measured on the
   * sandbox, such a page with 49 groups per build is 1.26 MB, and each What-to-Test text of 4,000
   * characters in a 3-byte script adds 12.3 KB per build; with all 39 locales filled that is 97 MB,
   * and 50 individual testers per build add about 2 MB more. The deadline, 2 minutes, reads a page
   * at the cap at about 1 MB/s; App Store Connect answers in seconds.
   */
  public static final ExchangeLimits DEFAULTS =
      new ExchangeLimits(Duration.ofMinutes(2), 128L << 20);

  public ExchangeLimits {
    Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the deadline must be positive, got " + deadline);
    }
    if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be within 1 .. 2^31 - 9, got " + maxResponseBytes);
    }
  }

  /** The cap in words, for messages: {@code 128 MiB}, {@code 1,024 bytes}. */
  String describeCap() {
    return maxResponseBytes % (1L << 20) == 0
        ? (maxResponseBytes >> 20) + " MiB"
        : String.format(java.util.Locale.ROOT, "%,d bytes", maxResponseBytes);
  }

  /** The deadline in words, for messages: {@code 2 min}, {@code 300 ms}. */
  String describeDeadline() {
    long ms = deadline.toMillis();
    return ms % 60_000 == 0 ? ms / 60_000 + " min" : ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
