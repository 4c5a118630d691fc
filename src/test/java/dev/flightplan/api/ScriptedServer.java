package dev.flightplan.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A scripted App Store Connect stand-in on 127.0.0.1: answers each request with the next queued
 * {@link Reply} and records what it received. An unscripted request gets a 418 so the test fails
 * loudly.
 */
final class ScriptedServer implements AutoCloseable {
  /** A request as received: method, raw path and query, headers (lower-cased names), body. */
  record Recorded(String method, String uri, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String token() {
      String auth = header("Authorization");
      return auth == null ? null : auth.substring("Bearer ".length());
    }
  }

  /** One scripted answer; {@link #drop()} closes the connection without answering. */
  record Reply(int status, Map<String, String> headers, String body, boolean dropConnection) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, false);
    }

    static Reply ok(String body) {
      return json(200, body);
    }

    static Reply empty(int status) {
      return new Reply(status, Map.of(), "", false);
    }

    static Reply text(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "text/html"), body, false);
    }

    static Reply error(int status, String code, String detail) {
      return json(
          status,
          "{\"errors\":[{\"status\":\""
              + status
              + "\",\"code\":\""
              + code
              + "\",\"title\":\"t\",\"detail\":\""
              + detail
              + "\"}]}");
    }

    static Reply drop() {
      return new Reply(0, Map.of(), "", true);
    }

    Reply header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, dropConnection);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
  private final List<Recorded> received = new ArrayList<>();
  private volatile Consumer<Recorded> onRequest = r -> {};

  ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** An absolute URL on this server, e.g. for a {@code links.next}. */
  String url(String pathAndQuery) {
    return baseUrl() + pathAndQuery;
  }

  ScriptedServer enqueue(Reply... more) {
    replies.addAll(List.of(more));
    return this;
  }

  /**
   * Runs {@code hook} on each request as it arrives, before it is answered (e.g. to move a clock
   * meanwhile).
   */
  ScriptedServer onRequest(Consumer<Recorded> hook) {
    this.onRequest = hook;
    return this;
  }

  synchronized List<Recorded> requests() {
    return List.copyOf(received);
  }

  int pending() {
    return replies.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Recorded request =
        new Recorded(
            exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
    synchronized (this) {
      received.add(request);
    }
    onRequest.accept(request);
    Reply reply = replies.poll();
    if (reply == null) {
      reply = Reply.text(418, "no reply scripted for " + request.method() + " " + request.uri());
    }
    if (reply.dropConnection()) {
      // the JDK server closes the connection when a handler throws: the client sees no response at
      // all
      throw new IOException("scripted connection drop");
    }
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
