package dev.flightplan.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP exchange at a time per caller, over a pool shared by all callers: Apache HttpClient 5
 * classic, no automatic retries (the client owns retry policy and request counting), no redirects
 * (a redirect could carry the token to another host), no cookies. Each exchange keeps to its {@link
 * ExchangeLimits}: past the deadline it is aborted ({@link DeadlineExceededException}), and a body
 * over the cap is refused by its Content-Length or as soon as the cap is passed, without reading
 * the rest ({@link TooLargeException}). Thread-safe.
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

  /** The exchange did not end within its deadline and was aborted. */
  static final class DeadlineExceededException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    DeadlineExceededException(ExchangeLimits limits, IOException cause) {
      super(
          "no complete answer within "
              + limits.describeDeadline()
              + ", the deadline of one exchange");
      initCause(cause);
    }
  }

  /** The server answered with a body larger than the client reads; the rest of it was not read. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    TooLargeException(int status, long declared, ExchangeLimits limits) {
      super(
          "the answer ("
              + status
              + ") is larger than "
              + limits.describeCap()
              + ", the most the client reads of"
              + " one response"
              + (declared > 0
                  ? String.format(java.util.Locale.ROOT, " (Content-Length %,d)", declared)
                  : "")
              + "; it was not read");
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  private final CloseableHttpClient http;
  private final ExchangeLimits limits;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "asc-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  Transport(ExchangeLimits limits) {
    this.limits = limits;
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
            .setSocketTimeout(Timeout.of(RESPONSE_TIMEOUT))
            // re-check pooled connections idle for a while, so a POST is not sent down a connection
            // the server closed
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

  Response send(String method, URI uri, Map<String, String> headers, byte[] body)
      throws IOException {
    HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
    headers.forEach(request::addHeader);
    if (body != null) {
      request.setEntity(new ByteArrayEntity(body, JSON));
    }
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> deadline;
    try {
      // aborting closes the connection, which ends a read however slowly the server is sending
      deadline =
          deadlines.schedule(
              () -> {
                late.set(true);
                request.cancel();
              },
              limits.deadline().toNanos(),
              TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the client is closed", e);
    }
    try {
      return http.execute(
          request,
          response -> {
            Map<String, String> received = new TreeMap<>();
            for (Header h : response.getHeaders()) {
              received.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            byte[] bytes =
                response.getEntity() == null
                    ? new byte[0]
                    : read(request, response.getCode(), response.getEntity());
            return new Response(response.getCode(), response.getReasonPhrase(), received, bytes);
          });
    } catch (TooLargeException e) {
      throw e;
    } catch (java.util.concurrent.CancellationException e) {
      // the deadline cancelled the request while it waited for a pooled connection: a timeout like
      // any other;
      // otherwise the thread was interrupted (apply is stopping), which the sender reports as
      // stopped
      if (late.get()) {
        throw new DeadlineExceededException(limits, new IOException(e));
      }
      throw e;
    } catch (IOException e) {
      throw late.get() ? new DeadlineExceededException(limits, e) : e;
    } finally {
      deadline.cancel(false);
    }
  }

  /**
   * The body, up to the cap; past it the exchange is aborted, so that closing it does not read the
   * rest.
   */
  private byte[] read(HttpUriRequestBase request, int status, HttpEntity entity)
      throws IOException {
    long declared = entity.getContentLength();
    if (declared > limits.maxResponseBytes()) {
      request.cancel();
      throw new TooLargeException(status, declared, limits);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    byte[] buffer = new byte[64 * 1024];
    InputStream in = entity.getContent();
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      if (out.size() + (long) n > limits.maxResponseBytes()) {
        request.cancel();
        throw new TooLargeException(status, declared, limits);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * True when the failure happened before the request could reach the server, so repeating it is
   * always safe.
   */
  static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof ConnectTimeoutException
        || e instanceof UnknownHostException
        || e instanceof ConnectionRequestTimeoutException;
  }

  /** A short description of an I/O failure for messages: its kind and the library's message. */
  static String describe(IOException e) {
    if (e instanceof DeadlineExceededException || e instanceof TooLargeException) {
      return e.getMessage();
    }
    String kind =
        e instanceof ConnectException
            ? "connection refused"
            : e instanceof ConnectTimeoutException
                ? "connect timed out"
                : e instanceof UnknownHostException
                    ? "unknown host"
                    : e instanceof ConnectionRequestTimeoutException
                        ? "no free connection in the pool"
                        : e instanceof InterruptedIOException ? "timed out" : "I/O error";
    String msg = e.getMessage();
    return kind + " (" + e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg) + ")";
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    http.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
  }
}
