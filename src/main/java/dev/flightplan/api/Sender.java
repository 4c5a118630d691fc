package dev.flightplan.api;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one logical request, repeating it as the retry rules of {@link AscClient} allow, and
 * returns the first 2xx response or throws the decoded failure. Records the rate limit and counts
 * requests on the way. Thread-safe.
 */
final class Sender {
  private final ClientOptions options;
  private final TokenSource tokens;
  private final Transport transport;
  private final RateBudget budget;
  private final AtomicLong requests = new AtomicLong();

  Sender(ClientOptions options, TokenSource tokens, Transport transport) {
    this.options = options;
    this.tokens = tokens;
    this.transport = transport;
    this.budget = new RateBudget(options.clock(), options.sleeper());
  }

  RateLimit rateLimit() {
    return budget.lastSeen();
  }

  RateBudget budget() {
    return budget;
  }

  long requestCount() {
    return requests.get();
  }

  /**
   * @param path the path for messages and logs (no query: it can hold e-mail addresses)
   * @param body the serialized JSON body, or null
   */
  Transport.Response send(String method, URI uri, String path, byte[] body) {
    if (options.readOnly() && !method.equals("GET")) {
      throw new ReadOnlyException(method, path);
    }
    RetryPolicy policy = options.retry();
    boolean idempotent = isIdempotent(method, uri);
    boolean reminted = false;
    int expiredOnTheWay = 0;
    // an earlier attempt may have been carried out although its answer was lost (5xx, or no answer
    // at all)
    boolean mayHaveHappened = false;
    int attempt = 1;
    while (true) {
      long ticket = waitForBudget(method, path, !mayHaveHappened);
      long started = System.nanoTime();
      TokenSource.Token token;
      Transport.Response response;
      try {
        token = tokens.token();
        response = transport.send(method, uri, headers(token.value()), body);
      } catch (java.util.concurrent.CancellationException e) {
        // HttpClient's answer when the thread is interrupted (apply is stopping) while it waits for
        // a pooled
        // connection (a deadline that cancels it is a timeout, see Transport.send): this attempt
        // never went out
        budget.unanswered();
        Thread.currentThread().interrupt();
        throw new StoppedException(
            method + " " + path + ": not sent, stopped while waiting for a connection",
            method,
            path,
            !mayHaveHappened,
            e);
      } catch (RuntimeException e) {
        // no answer to count (a token that cannot be signed, a client closed underneath): the
        // request is not in flight
        budget.unanswered();
        throw e;
      } catch (Transport.TooLargeException e) {
        // the same request would get the same answer: not retried; a write may have been carried
        // out
        budget.unanswered();
        requests.incrementAndGet();
        throw new UnexpectedResponseException(
            method
                + " "
                + path
                + ": "
                + e.getMessage()
                + (idempotent
                    ? ""
                    : "; the outcome is unknown: the request may have been carried out, read back before retrying"),
            e.status(),
            method,
            path,
            false,
            !idempotent);
      } catch (IOException e) {
        // a deadline passed (Transport.DeadlineExceededException) is a timeout like any other:
        // repeated when safe
        budget.unanswered();
        boolean neverSent = Transport.neverSent(e);
        if (!neverSent) {
          requests.incrementAndGet();
        }
        boolean safe = idempotent || neverSent;
        mayHaveHappened |= !neverSent;
        if (safe && attempt < policy.maxAttempts()) {
          pause(method, path, Transport.describe(e), attempt, policy.backoff(attempt, random()));
          attempt++;
          continue;
        }
        String message =
            method
                + " "
                + path
                + ": "
                + Transport.describe(e)
                + (safe
                    ? gaveUp(attempt)
                    : "; the outcome is unknown: the request may have reached the server, read back before retrying");
        throw new TransportException(message, method, path, safe, !safe, e);
      }
      requests.incrementAndGet();
      RateLimit seen = RateLimit.parse(response.header("X-Rate-Limit"));
      budget.answered(ticket, seen);
      int status = response.status();
      options
          .debugLog()
          .accept(
              method
                  + " "
                  + path
                  + " -> "
                  + status
                  + " in "
                  + (System.nanoTime() - started) / 1_000_000
                  + " ms"
                  + (seen.isKnown() ? ", " + seen : ""));
      if (status >= 200 && status < 300) {
        return response;
      }
      if (status == 404 && method.equals("DELETE") && mayHaveHappened) {
        // the attempt whose answer was lost deleted it: what was asked for holds
        options
            .debugLog()
            .accept(
                method
                    + " "
                    + path
                    + ": 404 after an attempt whose answer was lost; that attempt"
                    + " deleted it, so the delete is done");
        return new Transport.Response(204, "No Content", Map.of(), new byte[0]);
      }
      mayHaveHappened |= status >= 500;
      if (status == 401 && expiredOnTheWay < MAX_EXPIRED_ON_THE_WAY) {
        Instant now = options.clock().instant();
        if (token.expiredBy(now)) {
          // the clock passed the token's expiry while the request was on its way (the machine slept
          // or stalled, or
          // the clock was set forward): the 401 says nothing about the credentials, and the server
          // refused the
          // request before doing anything, so it is sent again with a new token; this does not use
          // up the one
          // repeat below, which tells rejected credentials from a token that merely expired
          tokens.invalidate(token);
          expiredOnTheWay++;
          options
              .debugLog()
              .accept(
                  method
                      + " "
                      + path
                      + ": 401 for a token that expired on the way (at "
                      + token.expiresAt()
                      + "; the clock now says "
                      + now
                      + "), minting a new token and sending it again");
          continue;
        }
      }
      if (status == 401 && !reminted) {
        tokens.invalidate(token);
        reminted = true;
        options
            .debugLog()
            .accept(method + " " + path + ": 401, minting a new token and trying once more");
        continue;
      }
      Duration retryAfter = retryAfter(response.header("Retry-After"));
      boolean retryable = status == 429 || (status >= 500 && idempotent);
      if (retryable && attempt < policy.maxAttempts()) {
        if (retryAfter != null && retryAfter.compareTo(policy.maxDelay()) > 0) {
          throw ErrorDecoder.decode(
              method,
              path,
              response,
              idempotent,
              retryAfter,
              "Retry-After "
                  + retryAfter.toSeconds()
                  + " s is longer than the client waits ("
                  + policy.maxDelay().toSeconds()
                  + " s); try again later");
        }
        Duration wait = retryAfter != null ? retryAfter : policy.backoff(attempt, random());
        String why =
            status
                + (retryAfter != null ? " with Retry-After " + retryAfter.toSeconds() + " s" : "");
        pause(method, path, why, attempt, wait);
        attempt++;
        continue;
      }
      String note =
          status == 401
              ? NOT_ACCEPTED
              : retryable && attempt > 1 ? "gave up after " + attempt + " attempts" : null;
      throw ErrorDecoder.decode(method, path, response, idempotent, retryAfter, note);
    }
  }

  /**
   * How often one request is sent again because its token expired while it was on its way. Each
   * such repeat needs the clock to have passed the token's expiry during the exchange (minutes at
   * least), so this only bounds a clock that keeps jumping.
   */
  static final int MAX_EXPIRED_ON_THE_WAY = 5;

  static final String NOT_ACCEPTED =
      "rejected again after minting a new token: App Store Connect does not accept these credentials. Check that the"
          + " key id ("
          + Credentials.ENV_KEY_ID
          + " or "
          + Credentials.FLAG_KEY_ID
          + "), the issuer id ("
          + Credentials.ENV_ISSUER_ID
          + " or "
          + Credentials.FLAG_ISSUER_ID
          + ") and the private key belong to the same"
          + " API key, that the key has not been revoked, and that this machine's clock is right";

  /**
   * GET, PATCH, DELETE, and POST to a linkage endpoint (adding a member twice is harmless) may be
   * repeated.
   */
  static boolean isIdempotent(String method, URI uri) {
    return !method.equals("POST") || uri.getRawPath().contains("/relationships/");
  }

  private Map<String, String> headers(String token) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", "Bearer " + token);
    h.put("Accept", "application/json");
    h.put("User-Agent", options.userAgent());
    return h;
  }

  /**
   * Paces the request to the key's hourly allowance (see {@link RateBudget}); waiting is logged. An
   * interrupted wait (apply is stopping) sends nothing: {@code neverSent} says whether no earlier
   * attempt can have taken effect.
   */
  private long waitForBudget(String method, String path, boolean neverSent) {
    long before = budget.pauses();
    long ticket;
    try {
      ticket = budget.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoppedException(
          method + " " + path + ": not sent, stopped while waiting for the rate limit",
          method,
          path,
          neverSent,
          e);
    }
    if (budget.pauses() != before) {
      options
          .debugLog()
          .accept(
              "paced "
                  + method
                  + " "
                  + path
                  + ": the hourly budget is nearly spent ("
                  + budget.lastSeen()
                  + "), waited for it");
    }
    return ticket;
  }

  private void pause(String method, String path, String why, int attempt, Duration wait) {
    options
        .debugLog()
        .accept(
            "retry "
                + method
                + " "
                + path
                + ": "
                + why
                + "; attempt "
                + attempt
                + " of "
                + options.retry().maxAttempts()
                + " failed, waiting "
                + wait.toMillis()
                + " ms");
    try {
      options.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(
          method + " " + path + ": interrupted while waiting to retry",
          method,
          path,
          false,
          false,
          e);
    }
  }

  private static String gaveUp(int attempts) {
    return attempts > 1 ? "; gave up after " + attempts + " attempts" : "";
  }

  private static double random() {
    return ThreadLocalRandom.current().nextDouble();
  }

  /**
   * {@code Retry-After} as delta-seconds or an HTTP date (against the injected clock); null when
   * absent or bad.
   */
  private Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(options.clock().instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
