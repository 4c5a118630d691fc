package dev.flightplan.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one HTTP request into one answer, in Apple's order: injected latency, authentication (401), rate limit
 * (429), routing (404/405), query parameters (400), then the endpoint under the state lock; a successful change
 * is persisted before the answer leaves. Every answer carries {@code X-Rate-Limit}.
 */
final class Dispatcher {
  /** Everything about one answered request: what to send, what to count, and what listeners see. */
  record Answer(int status, Map<String, List<String>> headers, byte[] body, String countKey, Exchange exchange) {}

  private final Duration latency;
  private final SandboxState state;
  private final StateStore store;
  private final ObjectMapper mapper;
  private final TokenVerifier tokens;
  private final RateLimiter rateLimiter;
  private final Router router;
  private final String baseUri;

  Dispatcher(SandboxOptions options, SandboxState state, StateStore store, Ids ids, ObjectMapper mapper,
      KeyMaterial key, String baseUri) {
    this.latency = options.latency();
    this.state = state;
    this.store = store;
    this.mapper = mapper;
    this.tokens = new TokenVerifier(key.keyId(), key.issuerId(), key.publicKey(), options.clock());
    this.rateLimiter = new RateLimiter(options.hourlyLimit(), options.clock());
    this.baseUri = baseUri;
    BuildRules rules = new BuildRules(state);
    BuildOperations buildOperations = new BuildOperations(state, rules);
    Operations operations = new Operations(state, options.clock(), ids, rules, buildOperations);
    InfoOperations info = new InfoOperations(state, ids);
    ReviewOperations review = new ReviewOperations(state, options.clock(), ids);
    Views views = new Views(state, new Resources(baseUri));
    Bodies bodies = new Bodies(mapper);
    List<Route> routes = new ArrayList<>();
    routes.addAll(new AppEndpoints(state, views).routes());
    routes.addAll(new GroupEndpoints(state, operations, views, bodies).routes());
    routes.addAll(new MembershipEndpoints(state, operations, views, bodies).routes());
    routes.addAll(new TesterEndpoints(state, operations, views, bodies).routes());
    routes.addAll(new BuildEndpoints(state, buildOperations, views, bodies).routes());
    routes.addAll(new PreReleaseEndpoints(state, views).routes());
    routes.addAll(new AssignmentEndpoints(state, buildOperations, views, bodies).routes());
    routes.addAll(new CriteriaEndpoints(state, new CriteriaOperations(state, options.clock()), rules, views, bodies)
        .routes());
    routes.addAll(new ClipEndpoints(state, new ClipOperations(state, ids), views, bodies).routes());
    routes.addAll(new AppLocalizationEndpoints(state, info, views, bodies).routes());
    routes.addAll(new AppSingletonEndpoints(state, info, views, bodies).routes());
    routes.addAll(new BuildInfoEndpoints(state, info, buildOperations, review, views, bodies).routes());
    routes.addAll(new ReviewEndpoints(state, review, views, bodies).routes());
    this.router = new Router(routes);
  }

  Answer answer(HttpExchange exchange, byte[] requestBytes) {
    String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
    String path = exchange.getRequestURI().getPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String requestBody = requestBytes.length == 0 ? null : new String(requestBytes, StandardCharsets.UTF_8);
    String template = Request.template(path);
    pause();
    Response response;
    long remaining = rateLimiter.remaining();
    try {
      tokens.verify(exchange.getRequestHeaders().getFirst("Authorization"));
      remaining = rateLimiter.acquire();
      Route route = router.find(method, template);
      Query query = Query.parse(rawQuery);
      route.query().validate(query);
      Request request = new Request(method, path, template, Request.idOf(path), query, requestBody, baseUri);
      synchronized (state) {
        response = route.handler().handle(request);
        if (store != null && !method.equals("GET") && response.status() < 300) {
          store.save(state);
        }
      }
    } catch (ApiException e) {
      response = new Response(e.status(), Documents.error(e, UUID.randomUUID().toString()), null);
    } catch (RuntimeException e) {
      ApiException unexpected = ApiException.unexpected("The sandbox failed: " + e);
      response = new Response(500, Documents.error(unexpected, UUID.randomUUID().toString()), null);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Rate-Limit", List.of(RateLimiter.header(rateLimiter.limit(), remaining)));
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
    Exchange seen = new Exchange(method, path, rawQuery, exchange.getRequestHeaders(), requestBody,
        response.status(), headers, responseBody);
    return new Answer(response.status(), headers, body, method + " " + template, seen);
  }

  private String write(Response response) {
    try {
      return mapper.writeValueAsString(response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  private void pause() {
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
