package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * An in-memory App Store Connect API for the TestFlight endpoints, served over real HTTP: JWT
 * checks, rate limit, JSON:API documents, paging, errors and TestFlight rules as described in the
 * package documentation. Optionally persisted to a state file, with its API key kept beside it.
 * Safe for concurrent requests.
 */
public final class SandboxServer implements AutoCloseable {
  private static final int THREADS = 4;

  private final HttpServer http;
  private final ExecutorService executor;
  private final URI baseUri;
  private final KeyMaterial key;
  private final Dispatcher dispatcher;
  private final SandboxAdmin admin;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();
  private final List<Consumer<Exchange>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private SandboxServer(
      HttpServer http,
      ExecutorService executor,
      URI baseUri,
      KeyMaterial key,
      Dispatcher dispatcher,
      SandboxAdmin admin) {
    this.http = http;
    this.executor = executor;
    this.baseUri = baseUri;
    this.key = key;
    this.dispatcher = dispatcher;
    this.admin = admin;
  }

  /** Loads or seeds the state, loads or creates the key, and starts listening. */
  public static SandboxServer start(SandboxOptions options) throws IOException {
    ObjectMapper mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    Ids ids = new Ids(new SecureRandom());
    StateStore store = null;
    SandboxState state;
    KeyMaterial key;
    if (options.stateFile() != null) {
      Path stateFile = options.stateFile().toAbsolutePath();
      Files.createDirectories(stateFile.getParent());
      store = new StateStore(stateFile, mapper, System.getProperty(StateStore.PAUSE_PROPERTY));
      key = KeyMaterial.loadOrCreate(stateFile.getParent(), ids, mapper);
      if (store.exists()) {
        state = store.load();
      } else {
        state = Seed.load(options.seedFile(), mapper, options.clock());
        store.create(state);
      }
    } else {
      key = KeyMaterial.generate(ids);
      state = Seed.load(options.seedFile(), mapper, options.clock());
    }
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK, which
    // costs about 40 ms per request. The JDK reads this property once, when its first server
    // starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // from here on the state is loaded (and, file-backed, locked): a failure to start gives it back
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 0);
      ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
      http.setExecutor(executor);
      InetSocketAddress address = http.getAddress();
      String host = address.getAddress().getHostAddress();
      URI baseUri =
          URI.create(
              "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
      SandboxAdmin admin =
          new SandboxAdmin(
              state, store, new SandboxClock(options.clock(), state.clockOffset()), ids);
      Dispatcher dispatcher =
          new Dispatcher(options, state, store, ids, mapper, key, baseUri.toString(), admin);
      SandboxServer started = new SandboxServer(http, executor, baseUri, key, dispatcher, admin);
      http.createContext("/", started::handle);
      http.start();
      return started;
    } catch (IOException | RuntimeException e) {
      if (store != null) {
        try {
          store.close(state);
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
      }
      throw e;
    }
  }

  public URI baseUri() {
    return baseUri;
  }

  public SandboxCredentials credentials() {
    return key.credentials();
  }

  /** What Apple's reviewers and emails do, for tests; never reachable over HTTP. */
  public SandboxAdmin admin() {
    return admin;
  }

  /** Requests answered so far, by {@code METHOD /path/{id}/template}, sorted by key. */
  public Map<String, Long> requestCounts() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  public long totalRequests() {
    return total.get();
  }

  /**
   * Makes the next request {@code request} ({@code "POST /v1/betaGroups"}, ids as {@code {id}})
   * meet {@code fault}: {@code 5xx}, {@code 5xx-after} (the change is made, then 5xx), {@code 429},
   * {@code reset}, {@code reset-after} (the change is made, then the connection closes unanswered),
   * {@code 403} (Apple's {@code FORBIDDEN_ERROR}, as for a key whose role does not allow the
   * request), {@code garbled-after} (the change is made, then the answer keeps its 2xx status but
   * its body is JSON that is no JSON:API document) or {@code slow} (answered normally, after the
   * spec's slow duration, 2 s unless it says otherwise). For tests that fail or hold back one
   * request on demand.
   */
  public void failNext(String request, String fault) {
    FaultInjector.Fault f =
        switch (fault) {
          case "5xx" -> FaultInjector.Fault.SERVER_ERROR;
          case "5xx-after" -> FaultInjector.Fault.SERVER_ERROR_AFTER;
          case "429" -> FaultInjector.Fault.RATE_LIMITED;
          case "reset" -> FaultInjector.Fault.RESET;
          case "reset-after" -> FaultInjector.Fault.RESET_AFTER;
          case "403" -> FaultInjector.Fault.FORBIDDEN;
          case "slow" -> FaultInjector.Fault.SLOW;
          case "garbled-after" -> FaultInjector.Fault.GARBLED_AFTER;
          default -> throw new IllegalArgumentException("unknown fault " + fault);
        };
    dispatcher.faults().failNext(request, f);
  }

  /**
   * The faults this sandbox injects (see {@link FaultSpec}); its {@code toString()} replays them.
   */
  public FaultSpec faults() {
    return dispatcher.faults().spec();
  }

  /**
   * How many faults of each kind were injected so far ({@code 5xx}, {@code 5xx-after} as {@code
   * server_error_after}, {@code rate_limited}, {@code reset}, {@code reset_after}, {@code slow},
   * {@code revoked}), sorted by name.
   */
  public Map<String, Long> faultsInjected() {
    return dispatcher.faults().injected();
  }

  /**
   * Registers a listener called once for every exchange. It runs when the response is final and
   * before its bytes go out, so a client that has received a response can rely on the listener
   * having seen it; a listener that throws does not change the response.
   */
  public void addListener(Consumer<Exchange> listener) {
    listeners.add(listener);
  }

  /**
   * Stops listening and, for a file-backed sandbox, folds the journal into the state file;
   * idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      http.stop(0);
      executor.shutdownNow();
      dispatcher.close();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      // the dispatcher reads the body itself: only once the caller is authenticated, and only up to
      // a cap
      Dispatcher.Answer answer = dispatcher.answer(exchange);
      counts.computeIfAbsent(answer.countKey(), k -> new LongAdder()).increment();
      total.incrementAndGet();
      if (answer.drop()) {
        // an injected reset: closing the exchange before any header is sent closes the connection
        // unanswered
        return;
      }
      for (Consumer<Exchange> listener : listeners) {
        try {
          listener.accept(answer.exchange());
        } catch (RuntimeException e) {
          // a broken listener is the caller's bug; the client still gets its answer
        }
      }
      answer
          .headers()
          .forEach(
              (name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
      byte[] body = answer.body();
      exchange.sendResponseHeaders(answer.status(), body == null ? -1 : body.length);
      if (body != null) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "asc-sandbox-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
