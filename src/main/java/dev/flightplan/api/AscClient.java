package dev.flightplan.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The App Store Connect API client: signs every request with a cached ES256 token, sends it over a
 * pooled connection, retries what is safe to retry, decodes errors into {@link ApiException}s and
 * follows paging. Thread-safe: one instance serves concurrent requests. Paths are relative to
 * {@link ClientOptions#baseUrl()}.
 *
 * <p>Retry rules: a 401 re-mints the token and repeats the request once. A 401 for a token that had
 * expired by the client's clock when the answer came (the clock passed its expiry while the request
 * was on its way: the machine slept, or the clock jumped) is repeated with a new token without
 * using up that once, up to {@link Sender#MAX_EXPIRED_ON_THE_WAY} times; the server refused it
 * before doing anything. A 429 is always repeated (the server refused it, so nothing happened),
 * waiting {@code Retry-After} when given and exponential backoff otherwise. A 5xx or an I/O failure
 * is repeated only when the request is idempotent: GET, PATCH, DELETE, and POST to a {@code
 * /relationships/} endpoint; for a create-POST the outcome is unknown and the exception says so. A
 * failure to connect at all is repeated for every method, since the request never left. Other 4xx
 * are never repeated. A DELETE repeated after an attempt whose answer was lost, and then answered
 * 404, was done by that attempt: it succeeds. A read-only client ({@link ClientOptions#readOnly()})
 * refuses every write before sending it. Every retry is written to the debug log with its reason
 * and wait.
 *
 * <p>Pacing: every request first asks the {@link RateBudget} kept from {@code X-Rate-Limit}, which
 * waits (through the injected {@link Sleeper}) while the key's hourly allowance is nearly spent; so
 * long jobs slow down instead of collecting 429s, and the 429 retry above stays the last resort.
 */
public final class AscClient implements AutoCloseable {
  private final URI base;
  private final String basePrefix;
  private final TokenSource tokens;
  private final Transport transport;
  private final Sender sender;
  private final ClientOptions options;

  /**
   * What a write was answered: its 2xx status (202: accepted, completes later) and the document, if
   * any.
   */
  public record Answer(int status, Optional<Document> document) {}

  private AscClient(Credentials credentials, ClientOptions options) {
    this.options = options;
    String url = options.baseUrl().toString().replaceAll("/+$", "");
    this.base = URI.create(url);
    this.basePrefix = base.getRawPath() == null ? "" : base.getRawPath();
    this.tokens = new TokenSource(credentials, options.clock());
    this.transport = new Transport(options.limits());
    this.sender = new Sender(options, tokens, transport);
  }

  /**
   * A client for these credentials and options.
   *
   * @throws IllegalArgumentException when the private key is not a PKCS#8 P-256 key (the message
   *     does not quote it)
   */
  public static AscClient create(Credentials credentials, ClientOptions options) {
    return new AscClient(credentials, options);
  }

  /**
   * One GET, e.g. {@code get(Query.of("/v1/apps").param("filter[bundleId]", List.of("a",
   * "b")).build())}.
   */
  public Document get(String pathAndQuery) {
    return get(target("GET", pathAndQuery));
  }

  /**
   * Every page of a collection: follows the document-level {@code links.next} as given until there
   * is none. When the pages state {@code meta.paging.total}, the resources received must add up to
   * it, or this throws {@link UnexpectedResponseException} (retryable: the collection changed while
   * being read). Holds every page at once: for collections that may be large, {@link #forEachPage}
   * keeps one page at a time.
   */
  public List<Document> getAll(String pathAndQuery) {
    List<Document> pages = new ArrayList<>();
    forEachPage(pathAndQuery, pages::add);
    return List.copyOf(pages);
  }

  /**
   * Every page of a collection, handed to {@code onPage} as it arrives and then let go, so that a
   * caller turning pages into records keeps only the records: 100,000 testers held as JSON trees
   * took 857 MB, as records a tenth of that. Paging and the {@code meta.paging.total} check are
   * those of {@link #getAll}; the check comes after the last page, so {@code onPage} may have seen
   * pages of a read that then fails.
   */
  public void forEachPage(String pathAndQuery, Consumer<Document> onPage) {
    URI first = target("GET", pathAndQuery);
    URI uri = first;
    Set<URI> seen = new HashSet<>();
    int pages = 0;
    int received = 0;
    List<Integer> totals = new ArrayList<>();
    while (true) {
      if (!seen.add(uri)) {
        throw new UnexpectedResponseException(
            "GET "
                + displayPath(uri)
                + ": links.next points back to a page already read; stopping a paging loop",
            0,
            "GET",
            displayPath(uri),
            false);
      }
      Document page = get(uri);
      pages++;
      received += page.data().size();
      totals.add(page.total().isPresent() ? page.total().getAsInt() : null);
      Optional<String> next = page.nextLink();
      onPage.accept(page);
      if (next.isEmpty()) {
        break;
      }
      uri = sameOrigin("GET", uri, uri.resolve(Urls.parse(next.get())));
    }
    checkTotal(displayPath(first), pages, received, totals);
  }

  /**
   * A write by method: {@code POST}, {@code PATCH} or {@code DELETE} (a relationship DELETE carries
   * a linkage body), with the status it was answered, so that a caller can tell 202 (accepted,
   * completes later) from 204.
   */
  public Answer write(String method, String path, JsonNode bodyOrNull) {
    if (method.equals("GET")) {
      throw new IllegalArgumentException("write() sends POST, PATCH or DELETE, not GET");
    }
    return send(method, target(method, path), bodyOrNull);
  }

  /** The options this client was made with: its clock, sleeper, retry policy and debug log. */
  public ClientOptions options() {
    return options;
  }

  /** POST: a create answers 201 with the new resource; a relationship POST answers 204 (empty). */
  public Optional<Document> post(String path, JsonNode body) {
    return send("POST", target("POST", path), body).document();
  }

  /**
   * PATCH: an update answers 200 with the resource; a to-one relationship PATCH answers 204
   * (empty).
   */
  public Optional<Document> patch(String path, JsonNode body) {
    return send("PATCH", target("PATCH", path), body).document();
  }

  /**
   * DELETE, with a linkage body for relationship endpoints. 200, 202 (completes later) and 204 are
   * success.
   */
  public void delete(String path, JsonNode bodyOrNull) {
    send("DELETE", target("DELETE", path), bodyOrNull);
  }

  /** The last {@code X-Rate-Limit} seen on any response; unknown until one carried the header. */
  public RateLimit rateLimit() {
    return sender.rateLimit();
  }

  /**
   * The key's hourly allowance as this client sees it, and the pacing that keeps requests within
   * it.
   */
  public RateBudget rateBudget() {
    return sender.budget();
  }

  /**
   * HTTP requests that reached the wire, retries included (a refused connection does not count).
   */
  public long requestCount() {
    return sender.requestCount();
  }

  /** How many tokens this client has minted; one per 13 minutes of use, plus one per 401. */
  long tokensMinted() {
    return tokens.minted();
  }

  @Override
  public void close() {
    transport.close();
  }

  private Document get(URI uri) {
    return send("GET", uri, null).document().orElseGet(() -> new Document(Json.NODES.objectNode()));
  }

  private Answer send(String method, URI uri, JsonNode body) {
    String path = displayPath(uri);
    byte[] bytes = body == null ? null : serialize(body);
    Transport.Response response = sender.send(method, uri, path, bytes);
    if (response.body().length == 0) {
      return new Answer(response.status(), Optional.empty());
    }
    try {
      return new Answer(
          response.status(), Optional.of(new Document(Json.MAPPER.readTree(response.body()))));
    } catch (IOException e) {
      throw new UnexpectedResponseException(
          method
              + " "
              + path
              + ": "
              + response.status()
              + " with a body that is not JSON: "
              + ErrorDecoder.excerpt(response.body()),
          response.status(),
          method,
          path,
          false);
    }
  }

  private static void checkTotal(String path, int pages, int received, List<Integer> totals) {
    for (int i = 0; i < totals.size(); i++) {
      Integer total = totals.get(i);
      if (total != null && total != received) {
        throw new UnexpectedResponseException(
            "GET "
                + path
                + ": the "
                + pages
                + " page(s) held "
                + received
                + " resources but page "
                + (i + 1)
                + " gives meta.paging.total "
                + total
                + " (the collection changed while it was read, or paging is broken)",
            200,
            "GET",
            path,
            true);
      }
    }
  }

  /** A path relative to the base URL, or an absolute URL on the same origin as the base URL. */
  private URI target(String method, String pathOrUrl) {
    if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
      return sameOrigin(method, base, Urls.parse(pathOrUrl));
    }
    return Urls.parse(base + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl);
  }

  /**
   * Refuses a URL (a next link, say) outside the API's origin, so the token is never sent anywhere
   * else.
   */
  private URI sameOrigin(String method, URI from, URI uri) {
    if (!Urls.sameOrigin(uri, base)) {
      String path = displayPath(from);
      throw new UnexpectedResponseException(
          method
              + " "
              + path
              + ": refusing to send a request to "
              + Urls.origin(uri)
              + ", which is not the API at "
              + Urls.origin(base),
          0,
          method,
          path,
          false);
    }
    return uri;
  }

  /**
   * The request path for messages and logs: without the base URL's path prefix and without the
   * query.
   */
  private String displayPath(URI uri) {
    String p = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!basePrefix.isEmpty() && p.startsWith(basePrefix + "/")) {
      p = p.substring(basePrefix.length());
    }
    return p.isEmpty() ? "/" : p;
  }

  private static byte[] serialize(JsonNode body) {
    try {
      return Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request body cannot be written as JSON", e);
    }
  }
}
