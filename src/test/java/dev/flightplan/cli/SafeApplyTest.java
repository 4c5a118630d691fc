package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.Sleeper;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import dev.flightplan.testing.IntegrationTest;
import dev.flightplan.testing.LiveSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Safe retries, end to end: one request of the example's apply meets a fault (its answer lost after
 * the change was made, or the request dropped before it), and the apply still converges to exactly
 * what a clean apply gives: a create is sent again only when reading back showed it did not happen,
 * what exists is adopted, nobody is invited twice, and --debug shows every retry and read-back.
 */
@IntegrationTest
class SafeApplyTest extends SandboxTest {
  @Override
  protected boolean checkEachShapeOnce() {
    return true;
  }

  static final Sleeper NO_WAIT = d -> {};

  @TempDir static Path dir;
  private static Path file;
  private static String reference;
  private static Map<String, Long> referenceCounts;

  /**
   * The example beside its password file, and the state and request counts of a clean apply of it.
   */
  static synchronized Path example() {
    if (file == null) {
      try {
        file = dir.resolve("testflight.yaml");
        Files.copy(Path.of("examples/testflight.yaml"), file);
        Files.copy(Path.of("examples/demo-password.txt"), dir.resolve("demo-password.txt"));
        try (SandboxServer clean = SandboxServer.start(SandboxOptions.defaults())) {
          CliRunner.Result r =
              CliRunner.against(clean)
                  .sleeper(NO_WAIT)
                  .run(clean, "apply", "-f", file.toString(), "--auto-approve");
          assertThat(r.exit()).as(r.all()).isZero();
          referenceCounts = clean.requestCounts();
          reference = LiveSummary.read(clean, file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }

  static Stream<Arguments> faults() {
    List<String> requests =
        List.of(
            "POST /v1/betaGroups",
            "POST /v1/betaTesters",
            "POST /v1/betaTesterInvitations",
            "POST /v1/betaAppLocalizations",
            "POST /v1/betaBuildLocalizations",
            "POST /v1/betaAppReviewSubmissions",
            "POST /v1/betaRecruitmentCriteria",
            "POST /v1/betaAppClipInvocations",
            "POST /v1/betaAppClipInvocationLocalizations",
            "POST /v1/builds/{id}/relationships/betaGroups",
            "POST /v1/builds/{id}/relationships/individualTesters",
            "DELETE /v1/betaGroups/{id}/relationships/betaTesters",
            "PATCH /v1/betaGroups/{id}");
    return requests.stream()
        .flatMap(r -> Stream.of(Arguments.of(r, "5xx-after"), Arguments.of(r, "reset")));
  }

  @ParameterizedTest(name = "{0} meets {1}")
  @MethodSource("faults")
  void oneFaultAnywhereStillConvergesToWhatACleanApplyGives(String request, String fault) {
    Path file = example();
    sandbox.failNext(request, fault);
    // one call at a time, so that the fault meets the same request every run (the expectations
    // below name it)
    CliRunner.Result r =
        cli()
            .sleeper(NO_WAIT)
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--auto-approve",
                "--debug",
                "--parallelism",
                "1");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("Verified");
    assertThat(sandbox.faultsInjected()).isNotEmpty();
    assertThat(LiveSummary.read(sandbox, file)).isEqualTo(reference);
    assertThat(sandbox.admin().invitationsSent().values())
        .as("invitations per tester")
        .containsOnly(1);

    boolean oneOff = request.equals("POST /v1/betaTesterInvitations");
    boolean create = request.startsWith("POST") && !request.contains("/relationships/") && !oneOff;
    boolean changed = fault.endsWith("-after");
    // an invitation (bob's: he joins an internal group only, which App Store Connect does not
    // announce) whose answer
    // was lost is sent again only when bob reads back NOT_INVITED, that is when it did not arrive
    long expected = referenceCounts.get(request) + ((create || oneOff) && changed ? 0 : 1);
    assertThat(sandbox.requestCounts().get(request)).as("%s sent", request).isEqualTo(expected);
    String method = request.substring(0, request.indexOf(' '));
    String prefix = request.substring(request.indexOf(' ') + 1).replaceAll("\\{id}.*", "");
    if (oneOff && changed) {
      assertThat(r.err())
          .contains("debug: read back POST /v1/betaTesterInvitations: ")
          .contains(": adopted betaTesters ");
    } else if (oneOff) {
      assertThat(r.err())
          .contains("debug: read back POST /v1/betaTesterInvitations: ")
          .contains("sending it again");
    } else if (create && changed) {
      assertThat(r.err())
          .containsPattern("debug: read back POST /v1/[A-Za-z]+: the answer was lost")
          .containsPattern("debug: POST /v1/[A-Za-z]+: adopted ");
    } else if (create) {
      assertThat(r.err()).contains("read back POST").contains("sending it again");
    } else {
      assertThat(r.err()).contains("debug: retry " + method + " " + prefix);
    }
  }

  @Test
  void aNotificationWhoseAnswerIsLostIsNeverSentTwice() throws IOException {
    Path notify = dir.resolve("notify.yaml");
    String example = Files.readString(example());
    String marker = "        whatToTest: { en-US: \"Bug fixes and a faster radar.\" }";
    assertThat(example).contains(marker);
    Files.writeString(notify, example.replace(marker, marker + "\n        autoNotify: false"));
    sandbox.failNext("POST /v1/buildBetaNotifications", "5xx-after");
    CliRunner.Result r =
        cli()
            .sleeper(NO_WAIT)
            .run(sandbox, "apply", "-f", notify.toString(), "--auto-approve", "--debug");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.err())
        .contains("debug: POST /v1/buildBetaNotifications: the answer was lost (")
        .contains("a one-off request leaves nothing to read back, so it is not sent again");
    assertThat(r.out()).contains("done: notify the testers of build 2.3 (44) (outcome unknown (");
    assertThat(sandbox.requestCounts()).containsEntry("POST /v1/buildBetaNotifications", 1L);
    assertThat(sandbox.admin().notificationsSent().values()).containsOnly(1);
  }

  @Test
  void aConflictOnARepeatedMembershipAddIsSettledByReadingBack() {
    Path file = example();
    // the add is made, its answer lost; the client repeats it (a relationship POST may be repeated)
    // and gets 409
    sandbox.failNext("POST /v1/builds/{id}/relationships/betaGroups", "5xx-after");
    CliRunner.Result r =
        cli()
            .sleeper(NO_WAIT)
            .run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--debug");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.err())
        .contains("read back POST /v1/builds/")
        .contains(": 409 ENTITY_ERROR.RELATIONSHIP.INVALID")
        .contains(": it holds");
  }
}
