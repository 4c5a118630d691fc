package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.Sleeper;
import dev.flightplan.engine.ApplyLock;
import dev.flightplan.engine.LockHolder;
import dev.flightplan.sandbox.FaultSpec;
import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two applies at once on one app, against one sandbox whose every answer is slowed (so that they
 * overlap): on one machine the state directory's lock makes the second wait and plan afresh; on two
 * machines the second finds, just before its first write, that what it would create exists now, and
 * stops. Either way no duplicate is made, no tester is invited twice, and the next plan is empty.
 */
@IntegrationTest
class OneWriterTest extends SandboxTest {
  private static final String EXAMPLE = "examples/testflight.yaml";
  private static final String CREATE_INVOCATION = "POST /v1/betaAppClipInvocations";

  @TempDir Path tmp;

  @Override
  protected SandboxOptions options() {
    return super.options().withFaults(FaultSpec.parse("seed=1,slow=1:50ms"));
  }

  @Test
  void twoAppliesAtOnceOnOneMachineTakeTurnsAndMakeNoDuplicate() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<CliRunner.Result>> applies = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      applies.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve");
              }));
    }
    start.countDown();
    List<CliRunner.Result> results = new ArrayList<>();
    for (CompletableFuture<CliRunner.Result> f : applies) {
      results.add(f.get(10, TimeUnit.MINUTES));
    }
    assertThat(results).allSatisfy(r -> assertThat(r.exit()).as(r.all()).isZero());
    assertThat(results)
        .as("one of them waited for the other, then found nothing to do")
        .anySatisfy(
            r ->
                assertThat(r.err())
                    .contains("waiting for another apply to finish: ")
                    .contains(
                        "apply.lock is held by flightplan apply, pid "
                            + ProcessHandle.current().pid()))
        .anySatisfy(r -> assertThat(r.out()).contains("No changes."));
    assertThat(sandbox.requestCounts()).containsEntry(CREATE_INVOCATION, 1L);
    assertThat(sandbox.admin().invitationsSent()).containsEntry("bob@example.com", 1);
    CliRunner.Result again = cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void anApplyOnAnotherMachineStopsBeforeWritingWhenWhatItCreatesAppearedSincePlanning()
      throws Exception {
    // the second machine plans, then waits at its confirmation prompt while the first applies
    // everything
    CountDownLatch prompted = new CountDownLatch(1);
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keyboard);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Writer watched =
        new Writer() {
          @Override
          public void write(char[] c, int off, int len) {
            out.write(c, off, len);
            if (out.toString().contains("Enter a value:")) {
              prompted.countDown();
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    SandboxCredentials c = sandbox.credentials();
    Environment secondMachine =
        new Environment(
            new PrintWriter(watched, true),
            new PrintWriter(err, true),
            Map.of(
                "ASC_KEY_ID",
                c.keyId(),
                "ASC_ISSUER_ID",
                c.issuerId(),
                "ASC_PRIVATE_KEY",
                c.privateKeyPem(),
                "NO_COLOR",
                "1"),
            in,
            true,
            Clock.systemUTC(),
            Sleeper.system());
    CompletableFuture<Integer> second =
        CompletableFuture.supplyAsync(
            () ->
                new Main(secondMachine)
                    .run(
                        "apply",
                        "-f",
                        EXAMPLE,
                        "--api-url",
                        sandbox.baseUri().toString(),
                        "--invitation-log",
                        tmp.resolve("invitations.json").toString()));
    assertThat(prompted.await(5, TimeUnit.MINUTES)).as(out + "\n" + err).isTrue();

    CliRunner.Result first = cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve");
    assertThat(first.exit()).as(first.all()).isZero();
    long writes = writes();
    keyboard.write("yes\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    keyboard.flush();
    assertThat(second.get(5, TimeUnit.MINUTES)).as(out + "\n" + err).isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString())
        .contains("error: App Store Connect changed since this plan was made: ")
        .contains(
            "  com.example.weather: create appClipInvocation \"2.3 (45) https://appclip.example.com/order?size=large\"")
        .contains("  com.example.weather: create tester \"bob@example.com\" in 1 group(s)")
        .contains(
            "Nothing was changed: creating them again would make duplicates or repeat invitations. Run apply again"
                + " to plan afresh.");
    assertThat(writes()).as("the second apply wrote nothing").isEqualTo(writes);
    assertThat(sandbox.requestCounts()).containsEntry(CREATE_INVOCATION, 1L);
    assertThat(sandbox.admin().invitationsSent()).containsEntry("bob@example.com", 1);
    CliRunner.Result again = cli().run(sandbox, "plan", "-f", EXAMPLE, "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }

  @Test
  void theExamplesFirstApplyReChecksItsCreatesWithSevenRequests() {
    CliRunner.Result apply =
        cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve", "--debug");
    assertThat(apply.exit()).as(apply.all()).isZero();
    Matcher m =
        Pattern.compile("re-check before the first write: (\\d+) request\\(s\\); 0 object\\(s\\)")
            .matcher(apply.err());
    assertThat(m.find()).as(apply.err()).isTrue();
    // groups, testers, localizations (filtered by key); the invocations of 2.3 (45), the titles of
    // the invocation of
    // 2.3 (44), the What to Test and the review submission of 2.3 (45); the new group's criteria
    // need its id: not read
    assertThat(Integer.parseInt(m.group(1))).isEqualTo(7);
  }

  @Test
  void anApplyWhoseStateDirectoryIsLockedGivesUpWithTimeoutZeroHavingReadNothing()
      throws Exception {
    Path dir = invitationLog.getParent();
    try (ApplyLock held =
        ApplyLock.acquire(
            List.of(dir),
            Duration.ZERO,
            Duration.ofSeconds(10),
            Clock.systemUTC(),
            Sleeper.system(),
            h -> {})) {
      CliRunner.Result apply =
          cli().run(sandbox, "apply", "-f", EXAMPLE, "--auto-approve", "--lock-timeout", "0");
      assertThat(apply.exit()).isEqualTo(ExitCodes.ERROR);
      assertThat(apply.err())
          .startsWith(
              "error: another apply is running: "
                  + dir.toRealPath().resolve("apply.lock")
                  + " is held by flightplan apply, pid "
                  + ProcessHandle.current().pid()
                  + ", since ")
          .contains("nothing was changed. Run apply again once the other has finished");
    }
    assertThat(sandbox.totalRequests()).isZero();
  }

  @Test
  void theEmbeddedSandboxesStateDirectoryIsLockedTooAndAKilledHolderDoesNotBlock()
      throws Exception {
    Path state = tmp.resolve("sandbox").resolve("state.json");
    Process holder = LockHolder.start(Files.createDirectories(state.getParent()));
    try {
      CliRunner.Result apply =
          CliRunner.plain()
              .run(
                  "apply",
                  "--sandbox",
                  "--sandbox-state",
                  state.toString(),
                  "-f",
                  EXAMPLE,
                  "--auto-approve",
                  "--lock-timeout",
                  "0");
      assertThat(apply.exit()).isEqualTo(ExitCodes.ERROR);
      assertThat(apply.err())
          .contains("apply.lock is held by flightplan apply, pid " + holder.pid() + ", since ");
      assertThat(state).as("the sandbox was not started").doesNotExist();
    } finally {
      holder.destroyForcibly();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    CliRunner.Result apply =
        CliRunner.plain()
            .run(
                "apply",
                "--sandbox",
                "--sandbox-state",
                state.toString(),
                "-f",
                EXAMPLE,
                "--auto-approve",
                "--lock-timeout",
                "0");
    assertThat(apply.exit()).as(apply.all()).isZero();
    CliRunner.Result plan =
        CliRunner.plain()
            .run(
                "plan",
                "--sandbox",
                "--sandbox-state",
                state.toString(),
                "-f",
                EXAMPLE,
                "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isZero();
  }
}
