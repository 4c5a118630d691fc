package dev.flightplan.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** URI helpers: lenient parsing of links as servers write them, and origin comparison. */
final class Urls {
  private static final String ALLOWED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=%";

  private Urls() {}

  /**
   * Parses a URL or path, percent-encoding characters {@link URI} rejects (brackets in {@code
   * filter[apps]}, spaces) so that a link is followed as written; existing escapes are kept.
   */
  static URI parse(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      StringBuilder out = new StringBuilder();
      for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xff;
        if (c < 0x80 && ALLOWED.indexOf(c) >= 0) {
          out.append((char) c);
        } else {
          out.append('%').append(String.format(Locale.ROOT, "%02X", c));
        }
      }
      try {
        return new URI(out.toString());
      } catch (URISyntaxException again) {
        throw new IllegalArgumentException("not a usable URL: " + again.getReason());
      }
    }
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  static String origin(URI u) {
    return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme())
        ? 443
        : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
  }
}
