package dev.flightplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every exchange has an overall deadline and a response size cap: a server that sends a byte now
 * and then (never meeting the socket timeout) is cut off at the deadline, and a body over the cap
 * is refused by its Content-Length or, sent in chunks, as soon as it passes the cap, without
 * reading the rest. The servers here speak raw HTTP/1.1 on 127.0.0.1, as only a socket can
 * misbehave this way. Without the limits each of these tests would hang.
 */
@Timeout(60)
class ExchangeLimitsTest {
  private static final ExchangeLimits SMALL = new ExchangeLimits(Duration.ofMillis(500), 1024);
  private static final byte[] PAGE = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);

  /** What the server does once it has read a request: writes to the client's socket. */
  interface Script {
    void answer(OutputStream out) throws IOException, InterruptedException;
  }

  /** Answers every connection with {@code script}; counts the requests. */
  static final class RawServer implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    RawServer(Script script) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      threads.submit(
          () -> {
            while (!socket.isClosed()) {
              Socket s = socket.accept();
              threads.submit(
                  () -> {
                    try (s) {
                      readRequest(s.getInputStream());
                      requests.incrementAndGet();
                      script.answer(s.getOutputStream());
                    } catch (IOException | InterruptedException e) {
                      // the client hung up, as it should
                    }
                    return null;
                  });
            }
            return null;
          });
    }

    URI base() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** The head and, when it announces one, the body of one request. */
    private static void readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed");
        }
        head.write(b);
      }
      for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          in.readNBytes(Integer.parseInt(line.substring(15).trim()));
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      threads.shutdownNow();
    }
  }

  private static AscClient client(RawServer server, int attempts) {
    return AscClient.create(
        TestKeys.credentials(),
        ClientOptions.defaults(server.base())
            .withRetry(new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(1), 0))
            .withSleeper(d -> {})
            .withLimits(SMALL));
  }

  private static void head(OutputStream out, String headers) throws IOException {
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + headers + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /**
   * 200 with a body within the cap, one byte every 50 ms: each read is quick, the whole takes 50 s.
   */
  private static final Script TRICKLE =
      out -> {
        head(out, "Content-Length: 1000\r\n");
        for (int i = 0; i < 1000; i++) {
          out.write(' ');
          out.flush();
          Thread.sleep(50);
        }
      };

  @Test
  void aServerThatTricklesItsAnswerMeetsTheDeadlineAndAReadIsTriedAgain() throws IOException {
    try (RawServer server = new RawServer(TRICKLE);
        AscClient client = client(server, 3)) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> client.get("/v1/apps"))
          .isInstanceOf(TransportException.class)
          .hasMessage(
              "GET /v1/apps: no complete answer within 500 ms, the deadline of one exchange; gave up after 3 attempts");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
      assertThat(server.requests.get()).isEqualTo(3);
    }
  }

  @Test
  void aCreatePastTheDeadlineIsNotRepeatedAndItsOutcomeIsUnknown() throws IOException {
    try (RawServer server = new RawServer(TRICKLE);
        AscClient client = client(server, 3)) {
      assertThatThrownBy(() -> client.post("/v1/betaGroups", Json.NODES.objectNode()))
          .isInstanceOfSatisfying(
              TransportException.class,
              e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.outcomeUnknown()).isTrue();
              })
          .hasMessageContaining(
              "POST /v1/betaGroups: no complete answer within 500 ms, the deadline of one exchange");
      assertThat(server.requests.get()).isEqualTo(1);
    }
  }

  @Test
  void aBodyAnnouncedOverTheCapIsRefusedWithoutReadingIt() throws IOException {
    // announces 10 GB and sends nothing: reading it would wait forever
    try (RawServer server =
            new RawServer(
                out -> {
                  head(out, "Content-Length: 10000000000\r\n");
                  Thread.sleep(60_000);
                });
        AscClient client = client(server, 3)) {
      assertThatThrownBy(() -> client.get("/v1/apps"))
          .isInstanceOfSatisfying(
              UnexpectedResponseException.class,
              e -> {
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.retryable()).isFalse();
                assertThat(e.outcomeUnknown()).isFalse();
              })
          .hasMessage(
              "GET /v1/apps: the answer (200) is larger than 1,024 bytes, the most the client reads of one"
                  + " response (Content-Length 10,000,000,000); it was not read");
      assertThat(server.requests.get())
          .as("the same request would get the same answer")
          .isEqualTo(1);
    }
  }

  @Test
  void anEndlessChunkedBodyIsCutOffAtTheCap() throws IOException {
    try (RawServer server =
            new RawServer(
                out -> {
                  head(out, "Transfer-Encoding: chunked\r\n");
                  byte[] chunk =
                      ("200\r\n" + " ".repeat(0x200) + "\r\n")
                          .getBytes(StandardCharsets.ISO_8859_1);
                  while (true) {
                    out.write(chunk);
                    out.flush();
                  }
                });
        AscClient client = client(server, 3)) {
      assertThatThrownBy(() -> client.post("/v1/betaGroups", Json.NODES.objectNode()))
          .isInstanceOfSatisfying(
              UnexpectedResponseException.class, e -> assertThat(e.outcomeUnknown()).isTrue())
          .hasMessage(
              "POST /v1/betaGroups: the answer (200) is larger than 1,024 bytes, the most the client reads of"
                  + " one response; it was not read; the outcome is unknown: the request may have been carried out, read"
                  + " back before retrying");
    }
  }

  @Test
  void aBodyWithinTheCapIsReadWhole() throws IOException {
    try (RawServer server =
            new RawServer(
                out -> {
                  head(out, "Content-Length: " + PAGE.length + "\r\nConnection: close\r\n");
                  out.write(PAGE);
                });
        AscClient client = client(server, 1)) {
      assertThat(client.get("/v1/apps").data()).isEmpty();
    }
  }

  @Test
  void theDefaultsAreNamedInOnePlace() {
    assertThat(ExchangeLimits.DEFAULTS.maxResponseBytes()).isEqualTo(128L * 1024 * 1024);
    assertThat(ExchangeLimits.DEFAULTS.describeCap()).isEqualTo("128 MiB");
    assertThat(ExchangeLimits.DEFAULTS.describeDeadline()).isEqualTo("2 min");
    assertThat(ClientOptions.defaults(URI.create("https://example.com")).limits())
        .isEqualTo(ExchangeLimits.DEFAULTS);
  }
}
