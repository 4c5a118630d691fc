package dev.flightplan.api;

import static dev.flightplan.api.ScriptedServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.state.StateReader;
import dev.flightplan.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Planning reads never guess: when the pages of an app's testers add up to fewer than their {@code
 * meta.paging.total}, the read fails (and says that retrying may help) instead of planning from a
 * cut list.
 */
@IntegrationTest
class StateReadPagingTest {
  private static final String APPS =
      "{\"data\":[{\"type\":\"apps\",\"id\":\"a1\",\"attributes\":{\"bundleId\":\"com.example.app\",\"name\":\"App\"}}]}";
  private static final String NO_GROUPS =
      "{\"data\":[],\"meta\":{\"paging\":{\"limit\":200,\"total\":0}}}";

  @Test
  void testersThatDoNotAddUpToTheTotalFailThePlan() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(
          ok(APPS),
          ok(NO_GROUPS),
          ok(PagingTest.page(0, 2, h.server.url("/v1/betaTesters?cursor=Mg"), 3)),
          ok(PagingTest.page(2, 2, null, 3)));

      assertThatThrownBy(
              () ->
                  new StateReader(h.client, 1, dev.flightplan.kinds.Kinds.reads())
                      .read(List.of("com.example.app")))
          .isInstanceOf(UnexpectedResponseException.class)
          .hasMessageStartingWith(
              "GET /v1/betaTesters: the 2 page(s) held 2 resources but page 1 gives meta.paging.total 3")
          .satisfies(e -> assertThat(((ApiException) e).retryable()).isTrue());
      assertThat(h.requests()).hasSize(4);
    }
  }

  @Test
  void testersThatAddUpAreRead() throws Exception {
    try (Harness h = new Harness()) {
      h.enqueue(
          ok(APPS),
          ok(NO_GROUPS),
          ok(PagingTest.page(0, 2, h.server.url("/v1/betaTesters?cursor=Mg"), 3)),
          ok(PagingTest.page(2, 3, null, 3)));

      assertThat(
              new StateReader(h.client, 1, dev.flightplan.kinds.Kinds.reads())
                  .read(List.of("com.example.app"))
                  .apps()
                  .get(0)
                  .testers())
          .hasSize(3);
    }
  }
}
