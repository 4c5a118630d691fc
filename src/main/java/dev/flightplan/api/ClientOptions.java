package dev.flightplan.api;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything about the client that is not a credential: where the API is, the world it runs in
 * (clock, sleeper), how it retries, where debug lines go and how it introduces itself. {@code
 * baseUrl} is an absolute http(s) URL; a trailing slash does not matter. {@code readOnly}: every
 * request but a GET is refused before it is sent. {@code limits}: the deadline and response size
 * cap of one exchange.
 */
public record ClientOptions(
    URI baseUrl,
    Clock clock,
    RetryPolicy retry,
    Sleeper sleeper,
    Consumer<String> debugLog,
    String userAgent,
    boolean readOnly,
    ExchangeLimits limits) {
  public static final URI APPLE = URI.create("https://api.appstoreconnect.apple.com");

  /** A client that may write. */
  public ClientOptions(
      URI baseUrl,
      Clock clock,
      RetryPolicy retry,
      Sleeper sleeper,
      Consumer<String> debugLog,
      String userAgent) {
    this(baseUrl, clock, retry, sleeper, debugLog, userAgent, false, ExchangeLimits.DEFAULTS);
  }

  public ClientOptions {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(debugLog, "debugLog");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(limits, "limits");
    String scheme = baseUrl.getScheme();
    if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
        || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "the API URL must be an absolute http(s) URL, got " + baseUrl);
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the API URL must not have a query or fragment, got " + baseUrl);
    }
  }

  /**
   * System clock, {@link RetryPolicy#defaults()}, real sleeps, no debug output, {@code
   * flightplan/<version>}.
   */
  public static ClientOptions defaults(URI baseUrl) {
    return new ClientOptions(
        baseUrl,
        Clock.systemUTC(),
        RetryPolicy.defaults(),
        Sleeper.system(),
        line -> {},
        defaultUserAgent());
  }

  public ClientOptions withRetry(RetryPolicy retry) {
    return new ClientOptions(baseUrl, clock, retry, sleeper, debugLog, userAgent, readOnly, limits);
  }

  public ClientOptions withSleeper(Sleeper sleeper) {
    return new ClientOptions(baseUrl, clock, retry, sleeper, debugLog, userAgent, readOnly, limits);
  }

  public ClientOptions withClock(Clock clock) {
    return new ClientOptions(baseUrl, clock, retry, sleeper, debugLog, userAgent, readOnly, limits);
  }

  public ClientOptions withDebugLog(Consumer<String> debugLog) {
    return new ClientOptions(baseUrl, clock, retry, sleeper, debugLog, userAgent, readOnly, limits);
  }

  /**
   * A client that refuses every write before sending it (plan works, apply fails at its first
   * request).
   */
  public ClientOptions withReadOnly(boolean readOnly) {
    return new ClientOptions(baseUrl, clock, retry, sleeper, debugLog, userAgent, readOnly, limits);
  }

  /**
   * The deadline and response size cap of every exchange ({@link ExchangeLimits#DEFAULTS} unless
   * set).
   */
  public ClientOptions withLimits(ExchangeLimits limits) {
    return new ClientOptions(baseUrl, clock, retry, sleeper, debugLog, userAgent, readOnly, limits);
  }

  public ClientOptions withUserAgent(String userAgent) {
    return new ClientOptions(baseUrl, clock, retry, sleeper, debugLog, userAgent, readOnly, limits);
  }

  /**
   * {@code flightplan/<version>}, the version from the jar manifest ({@code dev} when run from
   * classes).
   */
  public static String defaultUserAgent() {
    String version = ClientOptions.class.getPackage().getImplementationVersion();
    return "flightplan/" + (version == null || version.isBlank() ? "dev" : version);
  }
}
