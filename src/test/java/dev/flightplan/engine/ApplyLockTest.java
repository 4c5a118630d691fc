package dev.flightplan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.api.Sleeper;
import dev.flightplan.testing.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One apply at a time per state directory: held, waited for, given up on, and never blocked by a
 * dead process.
 */
@IntegrationTest
class ApplyLockTest {
  @TempDir Path tmp;

  private ApplyLock lock(Path dir, Duration timeout, List<ApplyLock.Holder> told) throws Exception {
    return ApplyLock.acquire(
        List.of(dir),
        timeout,
        Duration.ofSeconds(10),
        Clock.systemUTC(),
        Sleeper.system(),
        told::add);
  }

  @Test
  void aSecondApplyGivesUpAtOnceWithTimeoutZeroNamingTheHolder() throws Exception {
    Path dir = tmp.resolve(".flightplan");
    try (ApplyLock first = lock(dir, Duration.ZERO, new ArrayList<>())) {
      assertThatThrownBy(() -> lock(dir, Duration.ZERO, new ArrayList<>()))
          .isInstanceOf(ApplyLock.Busy.class)
          .hasMessageStartingWith(
              "another apply holds "
                  + dir.toRealPath().resolve("apply.lock")
                  + " (flightplan apply, pid "
                  + ProcessHandle.current().pid()
                  + ", since ");
    }
    assertThat(Files.readString(dir.resolve("apply.lock"))).startsWith("flightplan apply, pid ");
    try (ApplyLock again = lock(dir, Duration.ZERO, new ArrayList<>())) {
      assertThat(again).as("released on close").isNotNull();
    }
  }

  @Test
  void aWaitingApplyIsToldWhoHoldsTheLockAndGetsItOnceReleased() throws Exception {
    ApplyLock first = lock(tmp, Duration.ZERO, new ArrayList<>());
    List<ApplyLock.Holder> told = new ArrayList<>();
    // the holder finishes while the second waits: the first word about waiting is when it does
    try (ApplyLock second =
        ApplyLock.acquire(
            List.of(tmp),
            Duration.ofMinutes(1),
            Duration.ofSeconds(10),
            Clock.systemUTC(),
            Sleeper.system(),
            h -> {
              told.add(h);
              try {
                first.close();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })) {
      assertThat(told)
          .singleElement()
          .satisfies(h -> assertThat(h.holder()).startsWith("flightplan apply, pid "));
    }
  }

  @Test
  void severalDirectoriesAreAllOrNothing() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    try (ApplyLock onB = lock(b, Duration.ZERO, new ArrayList<>())) {
      assertThatThrownBy(
              () ->
                  ApplyLock.acquire(
                      List.of(b, a),
                      Duration.ZERO,
                      Duration.ofSeconds(10),
                      Clock.systemUTC(),
                      Sleeper.system(),
                      h -> {}))
          .isInstanceOf(ApplyLock.Busy.class);
      // a was locked first (path order) and let go when b was busy
      try (ApplyLock onA = lock(a, Duration.ZERO, new ArrayList<>())) {
        assertThat(onA).isNotNull();
      }
    }
  }

  @Test
  void aLockLeftByAKilledProcessDoesNotBlock() throws Exception {
    Process holder = LockHolder.start(tmp);
    try {
      assertThatThrownBy(() -> lock(tmp, Duration.ZERO, new ArrayList<>()))
          .isInstanceOf(ApplyLock.Busy.class)
          .hasMessageContaining("(flightplan apply, pid " + holder.pid() + ", since ");
    } finally {
      holder.destroyForcibly(); // SIGKILL: the process cannot clean up
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readString(tmp.resolve("apply.lock")))
        .as("the file stays behind")
        .contains("pid " + holder.pid());
    try (ApplyLock mine = lock(tmp, Duration.ZERO, new ArrayList<>())) {
      assertThat(Files.readString(tmp.resolve("apply.lock")))
          .contains("pid " + ProcessHandle.current().pid());
    }
  }
}
