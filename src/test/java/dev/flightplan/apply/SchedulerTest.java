package dev.flightplan.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Id;
import dev.flightplan.plan.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scheduler without a network: calls are stand-ins whose sending the test controls with
 * latches, so that what runs together and what waits is observed, not guessed from timing.
 */
class SchedulerTest {
  private static final long TIMEOUT_S = 10;

  private static ApiCall call(String name, Phase phase) {
    return call(name, phase, "com.example.app", null, "/v1/things");
  }

  private static ApiCall call(String name, Phase phase, String app, String produces, String path) {
    return new ApiCall(
        "POST", path, null, produces, name, List.of(Address.group(app, name)), List.of(), phase);
  }

  private static CallResult done(ApiCall c) {
    return new CallResult(c, CallResult.Status.DONE, null);
  }

  /** Records the order in which calls start and finish. */
  private static final class Events {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    int index(String event) {
      synchronized (events) {
        return events.indexOf(event);
      }
    }
  }

  @Test
  void runsUpToParallelismCallsOfAStageAtOnceAndNeverMore() throws Exception {
    List<ApiCall> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(call("c" + i, Phase.TESTER_CREATE));
    }
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch fourTogether = new CountDownLatch(4);
    Function<ApiCall, CallResult> send =
        c -> {
          most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          fourTogether.countDown();
          await(fourTogether); // returns only once four calls have been in flight at the same time
          inFlight.decrementAndGet();
          return done(c);
        };
    List<CallResult> results = new Scheduler(4).run(calls, send, r -> {}, () -> false);
    assertThat(results).extracting(CallResult::status).containsOnly(CallResult.Status.DONE);
    assertThat(most.get()).isEqualTo(4);
  }

  @Test
  void aPhaseStartsOnlyWhenTheOnesBeforeHaveFinished() {
    List<ApiCall> calls =
        List.of(
            call("g1", Phase.GROUP_CREATE_INTERNAL),
            call("g2", Phase.GROUP_CREATE_INTERNAL),
            call("a1", Phase.MEMBERSHIP_ADD),
            call("a2", Phase.MEMBERSHIP_ADD),
            call("a3", Phase.MEMBERSHIP_ADD),
            call("d1", Phase.GROUP_DELETE));
    Events e = new Events();
    Function<ApiCall, CallResult> send =
        c -> {
          e.events.add("start " + c.purpose());
          e.events.add("end " + c.purpose());
          return done(c);
        };
    new Scheduler(4).run(calls, send, r -> {}, () -> false);
    for (String later : List.of("a1", "a2", "a3")) {
      assertThat(e.index("start " + later))
          .isGreaterThan(e.index("end g1"))
          .isGreaterThan(e.index("end g2"));
      assertThat(e.index("start d1")).isGreaterThan(e.index("end " + later));
    }
  }

  @Test
  void appsFollowOneAnotherEvenInTheSamePhase() {
    List<ApiCall> calls =
        List.of(
            call("x", Phase.TESTER_CREATE, "com.example.a", null, "/v1/betaTesters"),
            call("y", Phase.TESTER_CREATE, "com.example.b", null, "/v1/betaTesters"));
    assertThat(Scheduler.stages(calls)).containsExactly(0, 1);
    assertThat(Scheduler.stages(List.of(call("p", null), call("q", null)))).containsExactly(0, 1);
  }

  @Test
  void aCallThatNeedsAReferenceWaitsForItsProducerWhileOthersGoAhead() throws Exception {
    ApiCall producer =
        call("create", Phase.TESTER_CREATE, "com.example.app", "r1", "/v1/betaTesters");
    ApiCall consumer =
        call(
                "use",
                Phase.TESTER_CREATE,
                "com.example.app",
                null,
                "/v1/betaTesters/{id}/relationships/x")
            .withIdInPath(Id.produced("r1"));
    assertWaitsWhileOthersGoAhead(
        producer, consumer, call("o1", Phase.TESTER_CREATE), call("o2", Phase.TESTER_CREATE));
  }

  @Test
  void aCallThatMustFollowAnotherWaitsForItWhileOthersGoAhead() throws Exception {
    ApiCall first = call("add title", Phase.APP_CLIP_UPDATE).keyed("c1");
    ApiCall then = call("remove title", Phase.APP_CLIP_UPDATE).keyed("c2").following(List.of("c1"));
    assertWaitsWhileOthersGoAhead(
        first,
        then,
        call("o1", Phase.APP_CLIP_UPDATE).keyed("c3"),
        call("o2", Phase.APP_CLIP_UPDATE).keyed("c4"));
  }

  /**
   * Runs {@code first}, {@code then} (which depends on it) and two independent calls four at a
   * time, holding {@code first} until the independent calls are done: {@code then} must not start
   * before {@code first} finished.
   */
  private static void assertWaitsWhileOthersGoAhead(
      ApiCall first, ApiCall then, ApiCall other1, ApiCall other2) throws InterruptedException {
    CountDownLatch othersDone = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean startedEarly = new AtomicBoolean();
    AtomicBoolean firstFinished = new AtomicBoolean();
    Function<ApiCall, CallResult> send =
        c -> {
          if (c == first) {
            await(release);
            firstFinished.set(true);
          } else if (c == then) {
            startedEarly.set(!firstFinished.get());
          } else {
            othersDone.countDown();
          }
          return done(c);
        };
    Thread releaser =
        new Thread(
            () -> {
              await(othersDone); // the independent calls got through while the first was held
              release.countDown();
            });
    releaser.start();
    List<CallResult> results =
        new Scheduler(4).run(List.of(first, then, other1, other2), send, r -> {}, () -> false);
    releaser.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
    assertThat(startedEarly).isFalse();
    assertThat(results).extracting(CallResult::status).containsOnly(CallResult.Status.DONE);
  }

  @Test
  void aCallToFollowThatDoesNotComeBeforeIsABug() {
    List<ApiCall> calls =
        List.of(
            call("a", Phase.TESTER_CREATE).keyed("c1").following(List.of("c2")),
            call("b", Phase.TESTER_CREATE).keyed("c2"));
    assertThatThrownBy(() -> new Scheduler(2).run(calls, SchedulerTest::done, r -> {}, () -> false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a must follow the call c2");
  }

  @Test
  void afterAFailureNothingStartsButCallsInFlightFinishAndResultsKeepPlanOrder() {
    List<ApiCall> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(call("c" + i, Phase.TESTER_CREATE));
    }
    calls.add(call("later", Phase.INVITE));
    CountDownLatch othersInFlight = new CountDownLatch(3);
    CountDownLatch failureSeen = new CountDownLatch(1);
    Map<String, Boolean> started = new ConcurrentHashMap<>();
    Function<ApiCall, CallResult> send =
        c -> {
          started.put(c.purpose(), true);
          if (c.purpose().equals("c0")) {
            await(othersInFlight); // c1..c3 are in flight when c0 fails
            return new CallResult(c, CallResult.Status.FAILED, "422 nope");
          }
          othersInFlight.countDown();
          await(failureSeen); // and they finish only after the failure was seen
          return done(c);
        };
    List<CallResult> progress = new ArrayList<>();
    List<CallResult> results =
        new Scheduler(4)
            .run(
                calls,
                send,
                r -> {
                  progress.add(r);
                  if (r.status() == CallResult.Status.FAILED) {
                    failureSeen.countDown();
                  }
                },
                () -> false);
    assertThat(results)
        .extracting(r -> r.call().purpose())
        .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "later");
    assertThat(results)
        .extracting(CallResult::status)
        .containsExactly(
            CallResult.Status.FAILED,
            CallResult.Status.DONE,
            CallResult.Status.DONE,
            CallResult.Status.DONE,
            CallResult.Status.NOT_SENT,
            CallResult.Status.NOT_SENT,
            CallResult.Status.NOT_SENT,
            CallResult.Status.NOT_SENT,
            CallResult.Status.NOT_SENT,
            CallResult.Status.NOT_SENT,
            CallResult.Status.NOT_SENT);
    assertThat(started.keySet()).containsExactlyInAnyOrder("c0", "c1", "c2", "c3");
    assertThat(progress)
        .hasSize(4)
        .first()
        .extracting(CallResult::status)
        .isEqualTo(CallResult.Status.FAILED);
  }

  @Test
  void aStopRequestLetsCallsInFlightFinish() {
    List<ApiCall> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(call("c" + i, i < 10 ? Phase.TESTER_CREATE : Phase.INVITE));
    }
    AtomicInteger reported = new AtomicInteger();
    List<CallResult> results =
        new Scheduler(1)
            .run(
                calls,
                SchedulerTest::done,
                r -> reported.incrementAndGet(),
                () -> reported.get() >= 5);
    assertThat(results.stream().filter(r -> r.status() == CallResult.Status.DONE).count())
        .isEqualTo(5);
    assertThat(results.subList(5, 20))
        .extracting(CallResult::status)
        .containsOnly(CallResult.Status.NOT_SENT);
  }

  @Test
  void oneAtATimeKeepsPlanOrderExactly() {
    List<ApiCall> calls = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      calls.add(call("c" + i, i % 3 == 0 ? Phase.MEMBERSHIP_ADD : Phase.TESTER_CREATE));
    }
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    new Scheduler(1)
        .run(
            calls,
            c -> {
              order.add(c.purpose());
              return done(c);
            },
            r -> {},
            () -> false);
    assertThat(order).isEqualTo(calls.stream().map(ApiCall::purpose).toList());
  }

  @Test
  void anExceptionInSendingIsThatCallsFailureAndStopsTheSchedule() {
    List<ApiCall> calls = List.of(call("a", Phase.TESTER_CREATE), call("b", Phase.INVITE));
    List<CallResult> progress = new ArrayList<>();
    List<CallResult> results =
        new Scheduler(2)
            .run(
                calls,
                c -> {
                  throw new IllegalStateException("POST /v1/betaTesters returned no resource id");
                },
                progress::add,
                () -> false);
    assertThat(results)
        .extracting(CallResult::status)
        .containsExactly(CallResult.Status.FAILED, CallResult.Status.NOT_SENT);
    assertThat(results.get(0).error())
        .isEqualTo(
            "unexpected error: java.lang.IllegalStateException: POST /v1/betaTesters returned no resource id");
    assertThat(progress).containsExactly(results.get(0));
  }

  @Test
  @Timeout(value = TIMEOUT_S, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aStopRequestEndsTheWaitsOfCallsInFlightAndStartsNoOther() {
    AtomicBoolean stop = new AtomicBoolean();
    assertStopEndsTheWaitsOfCallsInFlight(stop::get, runner -> stop.set(true), false);
  }

  @Test
  @Timeout(value = TIMEOUT_S, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void interruptingTheThreadRunningTheScheduleEndsTheWaitsOfCallsInFlightToo() {
    assertStopEndsTheWaitsOfCallsInFlight(() -> false, Thread::interrupt, true);
  }

  /**
   * Six calls, two at a time, each waiting until it is interrupted (as a call waiting an hour for
   * the rate limit does): once the first two wait, {@code stop} is done to the thread running the
   * schedule. Both end not sent, no other starts, and the thread is left interrupted exactly when
   * {@code interrupts}.
   */
  private static void assertStopEndsTheWaitsOfCallsInFlight(
      BooleanSupplier stopRequested, Consumer<Thread> stop, boolean interrupts) {
    List<ApiCall> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(call("c" + i, Phase.TESTER_CREATE));
    }
    CountDownLatch bothWaiting = new CountDownLatch(2);
    CountDownLatch never = new CountDownLatch(1);
    Map<String, Boolean> started = new ConcurrentHashMap<>();
    Function<ApiCall, CallResult> send =
        c -> {
          started.put(c.purpose(), true);
          bothWaiting.countDown();
          try {
            never.await();
            return done(c);
          } catch (InterruptedException e) {
            return new CallResult(c, CallResult.Status.NOT_SENT, null);
          }
        };
    Thread runner = Thread.currentThread();
    Thread stopper =
        new Thread(
            () -> {
              await(bothWaiting);
              stop.accept(runner);
            });
    stopper.start();
    List<CallResult> results = new Scheduler(2).run(calls, send, r -> {}, stopRequested);
    assertThat(Thread.interrupted()).isEqualTo(interrupts);
    assertThat(results).extracting(CallResult::status).containsOnly(CallResult.Status.NOT_SENT);
    assertThat(started.keySet()).containsExactlyInAnyOrder("c0", "c1");
  }

  @Test
  void parallelismMustBePositive() {
    assertThatThrownBy(() -> new Scheduler(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(TIMEOUT_S, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting for other calls: they did not run together");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
