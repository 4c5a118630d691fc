package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a desired-state file names ({@code - file: testers.csv}, {@code demoAccountPassword: {
 * file: ... }}) stay in its directory tree, symbolic links resolved, unless {@code
 * --allow-outside-files} is given: a file outside is an error at the reference, before any request,
 * that never shows what the file holds. Only regular files are read, for those and for {@code -f},
 * {@code --private-key-path} and the invitation log: a named pipe, a device or a directory is
 * refused at once (a named pipe would otherwise block the run for good).
 */
@IntegrationTest
class ReferencedFilesTest extends SandboxTest {
  /** Never shown: the file it is in lies outside the repository. */
  static final String OUTSIDE_SECRET = "root:x:0:0:outside-the-repository";

  @TempDir Path tmp;

  private Path repo;
  private Path outside;

  private Path config(String testers) throws IOException {
    repo = Files.createDirectories(tmp.resolve("repo"));
    outside = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(outside.resolve("users.csv"), "email,first_name\n" + OUTSIDE_SECRET + ",x\n");
    Files.copy(Path.of("examples/demo-password.txt"), repo.resolve("demo-password.txt"));
    Path file = repo.resolve("testflight.yaml");
    Files.writeString(
        file,
        "version: 1\napps:\n  - bundleId: com.example.weather\n    testers:\n      - file: "
            + testers
            + "\n");
    return file;
  }

  @Test
  void aTesterListOutsideTheConfigsDirectoryIsAnErrorAtTheReference() throws IOException {
    for (String reference : new String[] {"../elsewhere/users.csv", "ABSOLUTE"}) {
      Path file =
          config(
              reference.equals("ABSOLUTE")
                  ? tmp.resolve("elsewhere/users.csv").toString()
                  : reference);
      for (String command : new String[] {"validate", "plan"}) {
        CliRunner.Result r =
            command.equals("validate")
                ? cli().run("validate", "-f", file.toString())
                : cli().run(sandbox, "plan", "-f", file.toString());
        refused(r, file + ":5:15: error: cannot read the tester list ");
        assertThat(r.err())
            .contains(": it is outside " + repo.toRealPath() + ", the directory of " + file)
            .contains("--allow-outside-files");
      }
      deleteTree();
    }
  }

  @Test
  void aSymbolicLinkInsideThatLeadsOutsideIsOutside() throws IOException {
    Path file = config("users.csv");
    Files.createSymbolicLink(repo.resolve("users.csv"), outside.resolve("users.csv"));
    CliRunner.Result r = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    refused(
        r,
        file
            + ":5:15: error: cannot read the tester list "
            + repo.resolve("users.csv")
            + ": it is outside");
    assertThat(r.err())
        .contains("(it resolves to " + outside.toRealPath().resolve("users.csv") + ")");
  }

  @Test
  void allowOutsideFilesReadsThemWhereTheyAre() throws IOException {
    Path file = config("../elsewhere/users.csv");
    Files.writeString(outside.resolve("users.csv"), "email,first_name\nann@example.com,Ann\n");
    CliRunner.Result r = cli().run("validate", "-f", file.toString(), "--allow-outside-files");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("1 tester");
  }

  @Test
  void aPasswordFileOutsideIsRefusedWhenPlanningAndWhenApplyingASavedPlan() throws IOException {
    config("testers.csv");
    Path file = example();
    Files.writeString(outside.resolve("password.txt"), OUTSIDE_SECRET);
    String inside = Files.readString(file);
    Files.writeString(
        file, inside.replace("{ file: demo-password.txt }", "{ file: ../elsewhere/password.txt }"));
    CliRunner.Result r = cli().run(sandbox, "plan", "-f", file.toString());
    refused(
        r,
        file
            + ":47:28: error: cannot read the secret file ../elsewhere/password.txt: it is outside");

    // planned inside; by apply time the password file has become a link to a file outside
    Files.writeString(file, inside);
    Path plan = tmp.resolve("plan.json");
    CliRunner.Result planned =
        cli().run(sandbox, "plan", "-f", file.toString(), "-o", plan.toString());
    assertThat(planned.exit()).as(planned.all()).isZero();
    Files.delete(repo.resolve("demo-password.txt"));
    Files.createSymbolicLink(repo.resolve("demo-password.txt"), outside.resolve("password.txt"));
    long before = sandbox.totalRequests();
    CliRunner.Result applied = cli().run(sandbox, "apply", plan.toString());
    assertThat(applied.exit()).as(applied.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(applied.err())
        .contains("cannot read the secret file demo-password.txt: it is outside")
        .doesNotContain(OUTSIDE_SECRET);
    assertThat(sandbox.totalRequests()).as("requests of the refused apply").isEqualTo(before);
  }

  /** The example file, in the repository beside its password file. */
  private Path example() throws IOException {
    Path example = repo.resolve("example.yaml");
    Files.copy(Path.of("examples/testflight.yaml"), example);
    return example;
  }

  @Test
  void namedPipesDevicesAndDirectoriesAreRefusedWithoutBeingOpened() throws Exception {
    Path file = config("testers.csv");
    Path fifo = mkfifo(repo.resolve("pipe"));
    // each would wait for a writer, or read forever, if it were opened: the preemptive timeout
    // turns that into a failure
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          refused(
              cli().run(sandbox, "plan", "-f", fifo.toString()),
              fifo
                  + ": error: cannot read "
                  + fifo
                  + ": it is a named pipe (FIFO), not a regular file");
          refused(
              cli().run("validate", "-f", "/dev/zero"),
              "/dev/zero: error: cannot read /dev/zero: it is a device");
          String[][] targets = {
            {"pipe", "it is a named pipe (FIFO)"},
            {".", "it is a directory"},
            {"/dev/zero", "it is a device"}
          };
          for (String[] target : targets) {
            Files.writeString(
                file, Files.readString(file).replaceAll("file: .*", "file: " + target[0]));
            CliRunner.Result r =
                cli().run(sandbox, "plan", "-f", file.toString(), "--allow-outside-files");
            refused(r, file + ":5:15: error: cannot read the tester list ");
            assertThat(r.err()).as(target[0]).contains(": " + target[1] + ", not a regular file");
          }
          Files.writeString(file, Files.readString(file).replaceAll("file: .*", "file: pipe"));
          assertThat(cli().run("validate", "-f", file.toString()).err())
              .contains(": it is a named pipe (FIFO), not a regular file");
          Path example = example();
          CliRunner.Result key =
              cli()
                  .run(
                      sandbox,
                      "plan",
                      "-f",
                      example.toString(),
                      "--private-key-path",
                      fifo.toString());
          assertThat(key.exit()).isEqualTo(ExitCodes.ERROR);
          assertThat(key.err())
              .contains(
                  "the key file " + fifo + " (from --private-key-path) is not a regular file");
          CliRunner.Result log =
              cli()
                  .run(
                      sandbox,
                      "plan",
                      "-f",
                      example.toString(),
                      "--invitation-log",
                      fifo.toString());
          assertThat(log.exit()).isEqualTo(ExitCodes.ERROR);
          assertThat(log.err())
              .contains(
                  "error: cannot read the invitation log " + fifo + ": it is a named pipe (FIFO)");
        });
    assertThat(sandbox.totalRequests()).isZero();
  }

  /**
   * Exit 1, the error {@code expected} starts, no stack trace, nothing outside shown, and no
   * request sent.
   */
  private void refused(CliRunner.Result r, String expected) {
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err())
        .as(r.all())
        .containsPattern("(?m)^" + Pattern.quote(expected))
        .doesNotContain(OUTSIDE_SECRET)
        .doesNotContain("internal error")
        .doesNotContain("Exception")
        .doesNotContainPattern("(?m)^\\s+at [a-z]");
    assertThat(r.out()).doesNotContain(OUTSIDE_SECRET);
    assertThat(sandbox.totalRequests()).as("requests for " + r.all()).isZero();
  }

  static Path mkfifo(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is needed to make a named pipe");
    return path;
  }

  private void deleteTree() throws IOException {
    try (var walk = Files.walk(tmp)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .filter(p -> !p.equals(tmp))
          .forEach(p -> p.toFile().delete());
    }
  }
}
