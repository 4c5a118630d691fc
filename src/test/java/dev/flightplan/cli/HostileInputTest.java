package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.flightplan.config.Limits;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken input is refused fast, by the real loader through the real CLI: exit 1, a
 * positioned (or file-level) error, no stack trace, and no request. Each case is bounded by
 * structure, not by a clock: the alias budget, size caps checked before parsing, patterns without
 * nested repetition and length caps, numbers that are exact before the schema judges their range.
 */
@IntegrationTest
class HostileInputTest extends SandboxTest {
  @TempDir Path tmp;

  /**
   * 45 aliases (under SnakeYAML's own limit of 50) that nest 16 deep: 3^16 = 43 million values, in
   * 425 bytes.
   */
  static String billionLaughs() {
    StringBuilder yaml = new StringBuilder("version: 1\na0: &a0 [x, x, x]\n");
    for (int i = 1; i < 16; i++) {
      String p = "*a" + (i - 1);
      yaml.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [")
          .append(p)
          .append(", ")
          .append(p)
          .append(", ")
          .append(p)
          .append("]\n");
    }
    return yaml.append("apps: []\n").toString();
  }

  @Test
  void aliasesThatExpandPastTheBudgetAreRefusedAtTheAnchor() throws IOException {
    Path file = write("laughs.yaml", billionLaughs());
    assertThat(Files.size(file)).isLessThan(512);
    // minutes and gigabytes before the budget; the generous bound only turns such a regression into
    // a failure
    CliRunner.Result r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> cli().run(sandbox, "plan", "-f", file.toString()));
    refused(
        r,
        file
            + ":12:6: error: aliases repeat more than 1,000,000 values in all (here, while repeating &a10)");
  }

  @Test
  void aFileOverTheSizeCapIsRefusedBeforeItIsParsedCommentsIncluded() throws IOException {
    Path file = tmp.resolve("big.yaml");
    Files.copy(Path.of("examples/testflight.yaml"), file);
    appendComments(file, Limits.MAX_FILE_BYTES + 1L);
    refused(
        cli().run(sandbox, "plan", "-f", file.toString()),
        file
            + ": error: cannot read "
            + file
            + ": it is "
            + String.format("%,d", Files.size(file))
            + " bytes; flightplan reads at most 32 MiB");
  }

  @Test
  void aFileOverTheOldCodePointLimitButWithinTheCapLoads() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, "");
    appendComments(file, 4L * 1024 * 1024);
    Files.writeString(
        file, Files.readString(Path.of("examples/testflight.yaml")), StandardOpenOption.APPEND);
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));
    CliRunner.Result r = cli().run("validate", "-f", file.toString());
    assertThat(r.exit()).as(r.all()).isZero();
  }

  @Test
  void includedListsAndPasswordFilesOverTheirCapsAreRefusedAtTheReference() throws IOException {
    Path file =
        write(
            "testflight.yaml",
            "version: 1\napps:\n  - bundleId: com.example.weather\n    testers:\n"
                + "      - file: testers.csv\n");
    sparse(tmp.resolve("testers.csv"), Limits.MAX_FILE_BYTES + 1L);
    refused(
        cli().run(sandbox, "plan", "-f", file.toString()),
        file
            + ":5:15: error: cannot read the tester list "
            + tmp.resolve("testers.csv")
            + ": it is 33,554,433 bytes; flightplan reads at most 32 MiB");

    Path example = tmp.resolve("example.yaml");
    Files.copy(Path.of("examples/testflight.yaml"), example);
    sparse(tmp.resolve("demo-password.txt"), Limits.MAX_SECRET_BYTES + 1024L);
    refused(
        cli().run(sandbox, "plan", "-f", example.toString()),
        example
            + ":47:28: error: cannot read the secret file"
            + " demo-password.txt: it is 66,560 bytes; flightplan reads at most 64 KiB");
  }

  @Test
  void aFourKilobyteEmailOrBundleIdIsALengthErrorNotAStackOverflow() throws IOException {
    String email = "a@" + "b.".repeat(2048) + "com";
    String bundle = "a.".repeat(2048) + "b";
    Path file =
        write(
            "long.yaml",
            "version: 1\napps:\n  - bundleId: "
                + bundle
                + "\n    testers:\n      - email: "
                + email
                + "\n");
    CliRunner.Result r = cli().run(sandbox, "plan", "-f", file.toString());
    refused(
        r, file + ":3:15: error: \"bundleId\" must be at most 155 characters long; it has 4097");
    assertThat(r.err())
        .contains(
            file + ":5:16: error: \"email\" must be at most 254 characters long; it has 4101");

    Path csv = write("testers.csv", "email\n" + email + "\n");
    Path listing =
        write(
            "listing.yaml",
            "version: 1\napps:\n  - bundleId: com.example.weather\n    testers:\n"
                + "      - file: testers.csv\n");
    refused(
        cli().run(sandbox, "plan", "-f", listing.toString()),
        csv + ":2:1: error: this email address is 4101 characters long; at most 254 are allowed");
  }

  @Test
  void numbersOutOfAKeysRangeAreErrorsInEveryNotation() throws IOException {
    String[][] cases = {
      // key, value as written, the error after "error: "
      {
        "limit",
        "1.8446744073709551866e19",
        "\"limit\" must be at most 10000, got 18446744073709551866"
      },
      {
        "limit", "18446744073709551866", "\"limit\" must be at most 10000, got 18446744073709551866"
      },
      {"limit", "4294967546", "\"limit\" must be at most 10000, got 4294967546"},
      {"limit", "-0", "\"limit\" must be at least 1, got 0"},
      {
        "limit",
        "0x10",
        "\"limit\" must be a number from 1 to 10000, or none (no limit); got \"0x10\""
      },
      {
        "limit",
        "1e400",
        "the number 1e400 is out of range: it has more than 40 digits before its decimal point"
      },
      {"limit", "1e999999999", "the number 1e999999999 is out of range"},
      {"resendAfterDays", "1e3", "\"resendAfterDays\" must be at most 90, got 1000"},
      {"resendAfterDays", "250.0", "\"resendAfterDays\" must be at most 90, got 250"},
      {
        "resendAfterDays",
        "1.8446744073709551706e19",
        "\"resendAfterDays\" must be at most 90, got 18446744073709551706"
      },
      {"resendAfterDays", "7.5", "\"resendAfterDays\" must be an integer, got number 7.5"},
      {"version", "4294967297", "\"version\" must be 1"},
    };
    for (String[] c : cases) {
      String limit = c[0].equals("limit") ? c[1] : "5";
      String days = c[0].equals("resendAfterDays") ? c[1] : "7";
      String version = c[0].equals("version") ? c[1] : "1";
      String yaml =
          "version: "
              + version
              + "\napps:\n  - bundleId: com.example.weather\n"
              + "    invitations: { resendAfterDays: "
              + days
              + " }\n    groups:\n      - name: Public Beta\n"
              + "        publicLink: { enabled: true, limit: "
              + limit
              + " }\n";
      Path file = write("numbers.yaml", yaml);
      String[] lines = yaml.split("\n");
      int line = c[0].equals("version") ? 1 : c[0].equals("resendAfterDays") ? 4 : 7;
      int column = lines[line - 1].indexOf(c[1], lines[line - 1].indexOf(c[0])) + 1;
      refused(
          cli().run(sandbox, "plan", "-f", file.toString()),
          file + ":" + line + ":" + column + ": error: " + c[2]);
    }
    // within range, any notation is its exact value
    Path file =
        write(
            "numbers.yaml",
            "version: 1.0\napps:\n  - bundleId: com.example.weather\n"
                + "    invitations: { resendAfterDays: 9e1 }\n");
    CliRunner.Result r = cli().run("validate", "-f", file.toString());
    assertThat(r.exit()).as(r.all()).isZero();
  }

  @Test
  void debugShowsStackTracesOnlyForInternalErrors() throws IOException {
    Path file = write("testflight.yaml", Files.readString(Path.of("examples/testflight.yaml")));
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));
    CliRunner.Result r =
        cli()
            .env("ASC_KEY_ID", "WRONGKEY42")
            .run(sandbox, "plan", "-f", file.toString(), "--debug");
    assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err())
        .contains("error: ")
        .doesNotContain("internal error")
        .doesNotContainPattern("(?m)^\\s+at [a-z]");
    CliRunner.Result log =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--debug",
                "--invitation-log",
                tmp.toString());
    assertThat(log.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(log.err())
        .contains("error: cannot read the invitation log " + tmp + ": it is a directory")
        .doesNotContainPattern("(?m)^\\s+at [a-z]");
  }

  /** Exit 1, an error line starting with {@code expected}, no stack trace, and no request sent. */
  private void refused(CliRunner.Result r, String expected) {
    String all = r.all().length() > 4000 ? r.all().substring(0, 4000) : r.all();
    assertThat(r.exit()).as(all).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err())
        .as(all)
        .containsPattern("(?m)^" + Pattern.quote(expected))
        .doesNotContain("internal error")
        .doesNotContain("Exception")
        .doesNotContainPattern("(?m)^\\s+at [a-z]");
    assertThat(sandbox.totalRequests()).as("requests for " + all).isZero();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Appends comment lines to {@code file} until it holds {@code size} bytes. */
  private static void appendComments(Path file, long size) throws IOException {
    String line =
        "# " + "a comment that makes the file larger, and is read by nothing ".repeat(4) + "\n";
    StringBuilder block = new StringBuilder();
    while (block.length() < 1024 * 1024) {
      block.append(line);
    }
    byte[] chunk = block.toString().getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
      for (long n = Files.size(file); n < size; n += chunk.length) {
        out.write(chunk);
      }
    }
  }

  /** A file of {@code size} bytes that takes no disk space (and no time) to make. */
  private static void sparse(Path file, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
  }
}
