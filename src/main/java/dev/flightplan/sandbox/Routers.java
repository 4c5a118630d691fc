package dev.flightplan.sandbox;

import com.sun.net.httpserver.Headers;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The routes of every endpoint over one state, one {@link Router} per base URI that links start
 * with, so that {@code self}, {@code next}, {@code related} and {@code Location} name the address
 * the client used (its {@code Host}): a client behind a port forward or a proxy keeps paging
 * through it. The routers of the last few bases are kept. Thread-safe.
 */
final class Routers {
  private static final int KEPT = 8;

  /**
   * A host name, IPv4 address or bracketed IPv6 address, and an optional port: nothing that could
   * end a URL.
   */
  private static final Pattern HOST =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?");

  private final Function<String, Router> build;
  private final Map<String, Router> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Router> eldest) {
          return size() > KEPT;
        }
      };

  Routers(Function<String, Router> build) {
    this.build = build;
  }

  /** The routes whose links start with {@code base}. */
  Router forBase(String base) {
    synchronized (recent) {
      return recent.computeIfAbsent(base, build);
    }
  }

  /**
   * The base URI of a request's links: {@code X-Forwarded-Proto} ({@code http} or {@code https},
   * default {@code http}) and the {@code Host} header as the client sent it; {@code fallback} (the
   * address the sandbox listens on) when the request has no usable Host.
   */
  static String base(Headers headers, String fallback) {
    String host = headers.getFirst("Host");
    if (host == null || !HOST.matcher(host.trim()).matches()) {
      return fallback;
    }
    String proto = headers.getFirst("X-Forwarded-Proto");
    String scheme =
        proto != null && proto.trim().toLowerCase(Locale.ROOT).equals("https") ? "https" : "http";
    return scheme + "://" + host.trim();
  }
}
