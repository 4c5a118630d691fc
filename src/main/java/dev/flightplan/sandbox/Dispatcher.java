package dev.flightplan.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one HTTP request into one answer, in Apple's order: injected latency, authentication (401,
 * before the body is read), the body (413 over {@link #MAX_BODY}, before it is buffered), rate
 * limit (429), routing (404/405), query parameters (400), then the endpoint under the state lock; a
 * successful change is persisted before the answer leaves. Every answer carries {@code
 * X-Rate-Limit}. Injected faults (see {@link FaultSpec}) strike after authentication: a 429 before
 * the rate limit counts the request, a 5xx or a dropped connection before the endpoint runs or, for
 * a share of writes, after it made its change; an injected answer carries {@code X-Sandbox-Fault}.
 */
final class Dispatcher {
  /**
   * Everything about one answered request: what to send, what to count, and what listeners see.
   * {@code drop}: send nothing and close the connection (an injected reset); listeners then see
   * nothing.
   */
  record Answer(
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      String countKey,
      Exchange exchange,
      boolean drop) {}

  /** Deletes the API may complete later (202 in the spec); with a read lag they answer 202. */
  private static final java.util.Set<String> ASYNC_DELETES =
      java.util.Set.of(
          "DELETE /v1/betaTesters/{id}",
          "DELETE /v1/betaTesters/{id}/relationships/apps",
          "DELETE /v1/apps/{id}/relationships/betaTesters");

  private final Duration latency;
  private final SandboxState state;
  private final StateStore store;
  private final ObjectMapper mapper;
  private final TokenVerifier tokens;
  private final RateLimiter rateLimiter;
  private final Routers routers;
  private final String baseUri;
  private final FaultInjector faults;

  /** Numbers arrivals and answers in the order they happen (see {@link Exchange#received()}). */
  private final java.util.concurrent.atomic.AtomicLong events =
      new java.util.concurrent.atomic.AtomicLong();

  private final ReadLag lag;

  Dispatcher(
      SandboxOptions options,
      SandboxState state,
      StateStore store,
      Ids ids,
      ObjectMapper mapper,
      KeyMaterial key,
      String baseUri,
      SandboxAdmin admin) {
    this.latency = options.latency();
    this.state = state;
    this.store = store;
    this.mapper = mapper;
    this.tokens = new TokenVerifier(key.keyId(), key.issuerId(), key.publicKey(), options.clock());
    this.rateLimiter = new RateLimiter(options.hourlyLimit(), options.clock());
    this.baseUri = baseUri;
    this.faults = new FaultInjector(options.faults());
    Clock testFlight = admin.clock();
    this.routers =
        new Routers(base -> Endpoints.router(state, testFlight, ids, mapper, admin, base));
    this.lag =
        options.faults().lag().isZero()
            ? null
            : new ReadLag(
                options.faults().lag(),
                options.clock(),
                copy ->
                    new Routers(
                        base -> Endpoints.router(copy, testFlight, ids, mapper, admin, base)));
  }

  /** The most of a request body the sandbox reads: far above the largest body flightplan sends. */
  static final int MAX_BODY = 1 << 20;

  Answer answer(HttpExchange exchange) {
    long received = events.incrementAndGet();
    String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
    String path = exchange.getRequestURI().getPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String requestBody = null;
    String template = Request.template(path);
    pause(latency);
    // the admin endpoints stand for the user, not for Apple: no faults, and they cost no requests
    // of the budget
    boolean adminCall = path.startsWith("/sandbox/");
    FaultInjector.Decision decision =
        adminCall ? FaultInjector.Decision.NONE : faults.decide(method, template);
    FaultInjector.Fault fault = decision.fault();
    if (decision.slow()) {
      pause(faults.spec().slowBy());
    }
    Response response;
    String injected = null;
    long remaining = rateLimiter.remaining();
    try {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      tokens.verify(authorization);
      if (!adminCall && faults.revoked(authorization)) {
        injected = "revoked";
        throw ApiException.notAuthorized();
      }
      // only now, for a caller that may send one, and never more of it than the cap
      requestBody = body(exchange);
      if (fault == FaultInjector.Fault.RATE_LIMITED) {
        injected = "429";
        throw ApiException.rateLimited();
      }
      remaining = adminCall ? remaining : rateLimiter.acquire();
      if (fault == FaultInjector.Fault.FORBIDDEN) {
        injected = "403";
        throw ApiException.forbidden();
      }
      if (fault == FaultInjector.Fault.SERVER_ERROR) {
        injected = "5xx";
        throw serverError(method, template);
      }
      if (fault == FaultInjector.Fault.RESET) {
        return dropped(method, template);
      }
      String base = Routers.base(exchange.getRequestHeaders(), baseUri);
      Route route = routers.forBase(base).find(method, template);
      Query query = Query.parse(rawQuery);
      route.query().validate(query);
      Request request =
          new Request(method, path, template, Request.idOf(path), query, requestBody, base);
      ReadLag.View lagging = lag != null && method.equals("GET") ? lag.forRead() : null;
      if (lagging != null) {
        synchronized (lagging.state()) {
          response =
              lagging.routers().forBase(base).find(method, template).handler().handle(request);
        }
      } else {
        response = handle(route, request, method);
      }
      if (lag != null
          && response.status() == 204
          && ASYNC_DELETES.contains(method + " " + template)) {
        response = new Response(202, null, null);
      }
      if (response.status() < 300 && fault == FaultInjector.Fault.SERVER_ERROR_AFTER) {
        injected = "5xx-after";
        throw serverError(method, template);
      }
      if (response.status() < 300 && fault == FaultInjector.Fault.RESET_AFTER) {
        return dropped(method, template);
      }
      if (response.status() < 300 && fault == FaultInjector.Fault.GARBLED_AFTER) {
        injected = "garbled-after";
        response =
            new Response(response.status(), mapper.createObjectNode().put("garbled", true), null);
      }
    } catch (ApiException e) {
      response = new Response(e.status(), Documents.error(e, UUID.randomUUID().toString()), null);
    } catch (UncheckedIOException e) {
      // the client went away while sending its body: there is nobody to answer
      return dropped(method, template);
    } catch (RuntimeException e) {
      ApiException unexpected = ApiException.unexpected("The sandbox failed: " + e);
      response = new Response(500, Documents.error(unexpected, UUID.randomUUID().toString()), null);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Rate-Limit", List.of(RateLimiter.header(rateLimiter.limit(), remaining)));
    if (injected != null) {
      headers.put(FAULT_HEADER, List.of(injected));
    }
    byte[] body = null;
    String responseBody = null;
    if (response.body() != null) {
      headers.put("Content-Type", List.of("application/json"));
      responseBody = write(response);
      body = responseBody.getBytes(StandardCharsets.UTF_8);
    }
    if (response.location() != null) {
      headers.put("Location", List.of(response.location()));
    }
    Exchange seen =
        new Exchange(
            method,
            path,
            rawQuery,
            exchange.getRequestHeaders(),
            requestBody,
            response.status(),
            headers,
            responseBody,
            received,
            events.incrementAndGet());
    return new Answer(response.status(), headers, body, method + " " + template, seen, false);
  }

  /**
   * The response header that marks an injected fault: {@code 5xx}, {@code 5xx-after}, {@code 429},
   * {@code revoked}, {@code 403} or {@code garbled-after}.
   */
  static final String FAULT_HEADER = "X-Sandbox-Fault";

  FaultInjector faults() {
    return faults;
  }

  /**
   * The request body (null when empty), or the 413 when its Content-Length or its bytes pass {@link
   * #MAX_BODY}.
   */
  private static String body(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      if (declared != null && Long.parseLong(declared.trim()) > MAX_BODY) {
        throw ApiException.tooLarge(MAX_BODY);
      }
    } catch (NumberFormatException e) {
      // the JDK server refuses a malformed Content-Length before the exchange gets here
    }
    byte[] bytes;
    try {
      bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_BODY) {
      throw ApiException.tooLarge(MAX_BODY);
    }
    return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private Response handle(Route route, Request request, String method) {
    synchronized (state) {
      boolean write = !method.equals("GET");
      if (write && lag != null) {
        lag.beforeWrite(state);
      }
      Response response;
      try {
        response = route.handler().handle(request);
      } finally {
        if (write && store != null) {
          store.commit(state); // whatever the write changed, even one that failed half way
        }
      }
      if (write && response.status() < 300 && lag != null) {
        lag.afterWrite(state);
      }
      return response;
    }
  }

  /** Persists the state for the last time, if it is file-backed. */
  void close() {
    if (store != null) {
      synchronized (state) {
        store.close(state);
      }
    }
  }

  private static Answer dropped(String method, String template) {
    return new Answer(0, Map.of(), null, method + " " + template, null, true);
  }

  /** Apple's 5xx: mostly 500, sometimes 503 while a service is down. */
  private static ApiException serverError(String method, String template) {
    return (method + template).length() % 3 == 0
        ? ApiException.unavailable()
        : ApiException.unexpected(
            "An unexpected error occurred on the server side. If this issue continues, contact us.");
  }

  private String write(Response response) {
    try {
      return mapper.writeValueAsString(response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  private static void pause(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
