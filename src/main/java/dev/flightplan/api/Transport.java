package dev.flightplan.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP exchange at a time per caller, over a pool shared by all callers: Apache HttpClient 5 classic, no
 * automatic retries (the client owns retry policy and request counting), no redirects (a redirect could carry the
 * token to another host), no cookies. Thread-safe.
 */
final class Transport implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
  static final Duration POOL_TIMEOUT = Duration.ofSeconds(60);
  static final int MAX_CONNECTIONS = 16;

  private static final ContentType JSON = ContentType.create("application/json");

  /** A received response: header names lower-cased (the last value wins), body fully read. */
  record Response(int status, String reason, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final CloseableHttpClient http;

  Transport() {
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
            .setSocketTimeout(Timeout.of(RESPONSE_TIMEOUT))
            // re-check pooled connections idle for a while, so a POST is not sent down a connection the server closed
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .build();
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(connection)
                    .setMaxConnTotal(MAX_CONNECTIONS)
                    .setMaxConnPerRoute(MAX_CONNECTIONS)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(Timeout.of(POOL_TIMEOUT))
                    .setResponseTimeout(Timeout.of(RESPONSE_TIMEOUT))
                    .build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
  }

  Response send(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
    ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(uri);
    headers.forEach(request::addHeader);
    if (body != null) {
      request.setEntity(new ByteArrayEntity(body, JSON));
    }
    return http.execute(
        request.build(),
        response -> {
          Map<String, String> received = new TreeMap<>();
          for (Header h : response.getHeaders()) {
            received.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
          }
          byte[] bytes = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
          return new Response(response.getCode(), response.getReasonPhrase(), received, bytes);
        });
  }

  /** True when the failure happened before the request could reach the server, so repeating it is always safe. */
  static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof ConnectTimeoutException
        || e instanceof UnknownHostException
        || e instanceof ConnectionRequestTimeoutException;
  }

  /** A short description of an I/O failure for messages: its kind and the library's message. */
  static String describe(IOException e) {
    String kind =
        e instanceof ConnectException ? "connection refused"
            : e instanceof ConnectTimeoutException ? "connect timed out"
            : e instanceof UnknownHostException ? "unknown host"
            : e instanceof ConnectionRequestTimeoutException ? "no free connection in the pool"
            : e instanceof InterruptedIOException ? "timed out"
            : "I/O error";
    String msg = e.getMessage();
    return kind + " (" + e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg) + ")";
  }

  @Override
  public void close() {
    http.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
  }
}
