package dev.flightplan.api;

import static dev.flightplan.api.ScriptedServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.testing.IntegrationTest;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@IntegrationTest
class PagingTest {
  /**
   * A page of betaTesters with ids from..to-1, the given next link (or none) and total (or none).
   */
  static String page(int from, int to, String next, Integer total) {
    String data =
        IntStream.range(from, to)
            .mapToObj(i -> "{\"type\":\"betaTesters\",\"id\":\"t" + i + "\"}")
            .collect(Collectors.joining(","));
    return "{\"data\":["
        + data
        + "],\"links\":{\"self\":\"x\""
        + (next == null ? "" : ",\"next\":\"" + next + "\"")
        + "},\"meta\":{\"paging\":{\"limit\":2"
        + (total == null ? "" : ",\"total\":" + total)
        + "}}}";
  }

  @Test
  void followsNextLinksVerbatimAcrossThreePages() throws Exception {
    try (Harness h = new Harness()) {
      String next1 = h.server.url("/v1/betaTesters?cursor=Mg&filter%5Bapps%5D=a1&limit=2");
      String next2 = h.server.url("/v1/betaTesters?cursor=NA&filter%5Bapps%5D=a1&limit=2");
      h.enqueue(ok(page(0, 2, next1, 5)), ok(page(2, 4, next2, 5)), ok(page(4, 5, null, 5)));

      List<Document> pages =
          h.client.getAll(
              Query.of("/v1/betaTesters").param("filter[apps]", "a1").param("limit", 2).build());

      assertThat(pages).hasSize(3);
      assertThat(pages.stream().flatMap(p -> p.data().stream()).map(Resource::id))
          .containsExactly("t0", "t1", "t2", "t3", "t4");
      assertThat(h.requests())
          .extracting(ScriptedServer.Recorded::uri)
          .containsExactly(
              "/v1/betaTesters?filter%5Bapps%5D=a1&limit=2",
              "/v1/betaTesters?cursor=Mg&filter%5Bapps%5D=a1&limit=2",
              "/v1/betaTesters?cursor=NA&filter%5Bapps%5D=a1&limit=2");
      assertThat(h.client.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void forEachPageHandsOverEachPageBeforeAskingForTheNext() throws Exception {
    try (Harness h = new Harness()) {
      String next1 = h.server.url("/v1/betaTesters?cursor=Mg");
      String next2 = h.server.url("/v1/betaTesters?cursor=NA");
      h.enqueue(ok(page(0, 2, next1, 5)), ok(page(2, 4, next2, 5)), ok(page(4, 5, null, 5)));
      List<String> seen = new java.util.ArrayList<>();

      h.client.forEachPage(
          "/v1/betaTesters", p -> seen.add(p.data().size() + " after " + h.client.requestCount()));

      // each page arrives while its successor has not been requested: nothing keeps the pages but
      // the caller
      assertThat(seen).containsExactly("2 after 1", "2 after 2", "1 after 3");
    }
  }

  @Test
  void forEachPageChecksTheTotalAfterTheLastPage() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(
          ok(page(0, 2, h.server.url("/v1/betaTesters?cursor=Mg"), 4)), ok(page(2, 3, null, 4)));
      List<Integer> sizes = new java.util.ArrayList<>();

      assertThatThrownBy(
              () -> h.client.forEachPage("/v1/betaTesters", p -> sizes.add(p.data().size())))
          .isInstanceOf(UnexpectedResponseException.class)
          .hasMessageContaining("held 3 resources but page 1 gives meta.paging.total 4");
      assertThat(sizes).containsExactly(2, 1);
    }
  }

  @Test
  void aNextLinkWithRawBracketsIsFollowedAsWritten() throws Exception {
    try (Harness h = new Harness()) {
      String next = h.server.url("/v1/betaTesters?cursor=MQ&filter[apps]=a1");
      h.enqueue(ok(page(0, 1, next, null)), ok(page(1, 2, null, null)));

      assertThat(h.client.getAll("/v1/betaTesters")).hasSize(2);
      assertThat(h.requests().get(1).uri()).isEqualTo("/v1/betaTesters?cursor=MQ&filter[apps]=a1");
    }
  }

  @Test
  void aRelativeNextLinkResolvesAgainstThePage() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(ok(page(0, 1, "/v1/betaTesters?cursor=MQ", 2)), ok(page(1, 2, null, 2)));

      assertThat(h.client.getAll("/v1/betaTesters")).hasSize(2);
      assertThat(h.requests().get(1).uri()).isEqualTo("/v1/betaTesters?cursor=MQ");
    }
  }

  @Test
  void fewerResourcesThanTheTotalIsAnError() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(
          ok(page(0, 2, h.server.url("/v1/betaTesters?cursor=Mg"), 5)), ok(page(2, 4, null, 5)));

      assertThatThrownBy(() -> h.client.getAll("/v1/betaTesters?limit=2"))
          .isInstanceOf(UnexpectedResponseException.class)
          .hasMessage(
              "GET /v1/betaTesters: the 2 page(s) held 4 resources but page 1 gives meta.paging.total 5"
                  + " (the collection changed while it was read, or paging is broken)")
          .satisfies(e -> assertThat(((ApiException) e).retryable()).isTrue());
    }
  }

  @Test
  void aNextLinkToAnotherHostIsRefused() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(ok(page(0, 2, "https://evil.example.com/v1/betaTesters?cursor=Mg", 4)));

      assertThatThrownBy(() -> h.client.getAll("/v1/betaTesters"))
          .isInstanceOf(UnexpectedResponseException.class)
          .hasMessageContaining("refusing to send a request to https://evil.example.com")
          .satisfies(e -> assertThat(((ApiException) e).retryable()).isFalse());
      assertThat(h.requests()).hasSize(1);
    }
  }

  @Test
  void aNextLinkToAnotherPortOrSchemeIsRefused() throws Exception {
    try (Harness h = new Harness()) {
      int otherPort = h.server.port() == 1 ? 2 : h.server.port() - 1;
      h.enqueue(
          ok(page(0, 1, "http://127.0.0.1:" + otherPort + "/v1/betaTesters?cursor=MQ", null)));
      h.enqueue(
          ok(
              page(
                  0,
                  1,
                  "https://127.0.0.1:" + h.server.port() + "/v1/betaTesters?cursor=MQ",
                  null)));

      assertThatThrownBy(() -> h.client.getAll("/v1/betaTesters"))
          .isInstanceOf(UnexpectedResponseException.class);
      assertThatThrownBy(() -> h.client.getAll("/v1/betaTesters"))
          .isInstanceOf(UnexpectedResponseException.class);
      assertThat(h.requests()).hasSize(2);
    }
  }

  @Test
  void anAbsoluteUrlToAnotherHostIsRefusedBeforeSending() throws Exception {
    try (Harness h = new Harness()) {
      assertThatThrownBy(() -> h.client.delete("https://evil.example.com/v1/betaTesters/t1", null))
          .isInstanceOf(UnexpectedResponseException.class)
          .hasMessageStartingWith(
              "DELETE /: refusing to send a request to https://evil.example.com");
      assertThat(h.requests()).isEmpty();
    }
  }

  @Test
  void aPagingLoopIsStopped() throws Exception {
    try (Harness h = new Harness()) {
      String self = h.server.url("/v1/betaTesters?cursor=MQ");
      h.enqueue(ok(page(0, 1, self, null)), ok(page(1, 2, self, null)));

      assertThatThrownBy(() -> h.client.getAll("/v1/betaTesters"))
          .isInstanceOf(UnexpectedResponseException.class)
          .hasMessageContaining("paging loop");
      assertThat(h.requests()).hasSize(2);
    }
  }

  @Test
  void aBaseUrlWithATrailingSlashAndAPathPrefixWorks() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.enqueue(
          ok(page(0, 1, server.url("/asc/v1/apps?cursor=MQ"), 2)), ok(page(1, 2, null, 2)));
      ClientOptions options = ClientOptions.defaults(URI.create(server.baseUrl() + "/asc/"));
      try (AscClient client = AscClient.create(TestKeys.credentials(), options)) {
        assertThat(client.getAll("/v1/apps")).hasSize(2);
      }
      assertThat(server.requests())
          .extracting(ScriptedServer.Recorded::uri)
          .containsExactly("/asc/v1/apps", "/asc/v1/apps?cursor=MQ");
    }
  }
}
