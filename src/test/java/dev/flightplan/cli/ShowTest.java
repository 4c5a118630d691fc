package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.render.EmailMask;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flightplan show PLAN}: a saved plan rendered in each format exactly as {@code plan}
 * printed it (plus the facts of the saved file where a view has room for them), from the file
 * alone: run with no credentials, no endpoint, and no request reaching the sandbox.
 */
@IntegrationTest
class ShowTest extends SandboxTest {
  private static final Instant SAVED = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path tmp;
  private Path file;
  private Path saved;

  @BeforeEach
  void files() throws IOException {
    file = example(tmp);
    saved = tmp.resolve("plan.json");
  }

  @Test
  void textIsWhatPlanPrintedUnderALineAboutTheSavedFile() throws IOException {
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString());
    assertThat(plan.exit()).as(plan.all()).isZero();
    String trailer =
        "\nSaved the plan to "
            + saved
            + ". To apply exactly these actions, run: flightplan apply --api-url "
            + sandbox.baseUri()
            + " "
            + saved
            + "\n";
    assertThat(plan.out()).endsWith(trailer);

    CliRunner.Result show = show(saved.toString());
    assertThat(show.exit()).as(show.all()).isZero();
    JsonNode doc = new ObjectMapper().readTree(saved.toFile());
    String header =
        "Saved plan "
            + saved
            + ": made by flightplan "
            + RootCommand.version()
            + " from "
            + file
            + " (sha256 "
            + doc.path("config").path("sha256").asText().substring(0, 12)
            + ") for com.example.weather,"
            + " saved 2026-11-26 10:00:00 UTC.\n\n";
    assertThat(show.out())
        .isEqualTo(header + plan.out().substring(0, plan.out().length() - trailer.length()));
    assertThat(show.out()).contains("+ tester \"bob@example.com\"");
    assertThat(show.err()).isEqualTo(plan.err());
  }

  @Test
  void summarisesAsPlanDoes() {
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString(), "--compact");
    assertThat(plan.out())
        .startsWith("flightplan will perform the following actions (a summary of 15 changes;");
    CliRunner.Result show = show(saved.toString(), "--compact");
    assertThat(show.out())
        .endsWith(plan.out().substring(0, plan.out().indexOf("\nSaved the plan to ")));
    assertThat(show(saved.toString(), "--format", "markdown", "--compact").out())
        .contains("15 changes, summarised per kind");
  }

  @Test
  void markdownIsWhatPlanPrintedWithTheSavedFileInTheFooter() {
    CliRunner.Result plan =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "-o",
                saved.toString(),
                "--format",
                "markdown");
    assertThat(plan.exit()).as(plan.all()).isZero();
    CliRunner.Result show = show(saved.toString(), "--format", "markdown");
    assertThat(show.exit()).as(show.all()).isZero();
    assertThat(show.out())
        .isEqualTo(
            plan.out()
                .replace(
                    " · emails and names masked (plan --show-personal-data shows them)",
                    " · saved plan "
                        + saved
                        + ", 2026-11-26 10:00:00 UTC · emails and names masked (show --show-personal-data shows them)"));
    assertThat(show.out()).isNotEqualTo(plan.out());
    assertThat(EmailMask.containsEmail(show.out())).isFalse();

    CliRunner.Result shown = show(saved.toString(), "--format", "markdown", "--show-personal-data");
    CliRunner.Result planShown =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--format",
                "markdown",
                "--show-personal-data");
    assertThat(shown.out())
        .contains("bob@example.com")
        .isEqualTo(
            planShown
                .out()
                .replace(
                    " · personal data shown",
                    " · saved plan " + saved + ", 2026-11-26 10:00:00 UTC · personal data shown"));
  }

  @Test
  void jsonIsTheSavedDocumentByteForByte() throws IOException {
    CliRunner.Result plan =
        cli()
            .run(
                sandbox, "plan", "-f", file.toString(), "-o", saved.toString(), "--format", "json");
    assertThat(plan.exit()).as(plan.all()).isZero();
    CliRunner.Result show = show(saved.toString(), "--format", "json");
    assertThat(show.exit()).as(show.all()).isZero();
    assertThat(show.out()).isEqualTo(plan.out()).isEqualTo(Files.readString(saved));
  }

  @Test
  void masksEmailsAndColoursOnlyWhenAsked() {
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString()).exit())
        .isZero();
    CliRunner.Result masked = show(saved.toString(), "--mask-emails");
    assertThat(masked.out()).contains("+ tester \"b***@example.com\"");
    assertThat(EmailMask.containsEmail(masked.out())).as(masked.out()).isFalse();
    assertThat(
            EmailMask.containsEmail(
                show(saved.toString(), "--format", "json", "--mask-emails").out()))
        .isFalse();

    CliRunner.Result colour = CliRunner.plain().terminal("").run("show", saved.toString());
    assertThat(colour.out()).contains("\u001b[");
    CliRunner.Result plain =
        CliRunner.plain().terminal("").run("show", saved.toString(), "--no-color");
    assertThat(plain.out()).doesNotContain("\u001b[").contains("+ tester \"bob@example.com\"");
  }

  @Test
  void aPlanThatLeavesChangesOutSaysSoAsPlanDid() throws IOException {
    CliRunner.Result plan =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--invitations-only",
                "-o",
                saved.toString());
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.out())
        .startsWith("No invitations to send. App Store Connect still differs from the file in ");
    CliRunner.Result show = show(saved.toString());
    assertThat(show.out())
        .endsWith(plan.out().substring(0, plan.out().indexOf("\nSaved the plan to ")));
    assertThat(show.out()).doesNotContain("App Store Connect matches the file");
  }

  @Test
  void aBrokenFileOrAnotherFormatIsAClearError() throws IOException {
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString()).exit())
        .isZero();
    String text = Files.readString(saved);

    Path later = tmp.resolve("later.json");
    Files.writeString(
        later, text.replaceFirst("\"format_version\": \"[0-9.]+\"", "\"format_version\": \"3.0\""));
    assertError(
        show(later.toString()),
        "error: " + later + " has format_version \"3.0\"; this flightplan reads plan format 2.x");

    Path truncated = tmp.resolve("truncated.json");
    Files.writeString(truncated, text.substring(0, text.length() / 2));
    assertError(
        show(truncated.toString()),
        "error: " + truncated + " is not a flightplan plan file: it is not JSON (line ");

    assertError(
        show(file.toString()),
        "error: "
            + file
            + " is not a flightplan plan file: it is not JSON (line 1); to apply a"
            + " desired-state file, use apply -f "
            + file);
    assertError(
        show(tmp.resolve("missing.json").toString()),
        "error: cannot read the plan " + tmp.resolve("missing.json") + ": no such file");
  }

  private static void assertError(CliRunner.Result r, String message) {
    assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith(message);
  }

  /**
   * {@code show} with the saved file's time fixed, run with no credentials and no endpoint: a
   * request would fail it (no key), and none reaches the sandbox.
   */
  private CliRunner.Result show(String plan, String... options) {
    try {
      Files.setLastModifiedTime(Path.of(plan), FileTime.from(SAVED));
    } catch (IOException e) {
      // a missing file: show says so
    }
    long before = sandbox.totalRequests();
    String[] args = new String[options.length + 2];
    args[0] = "show";
    args[1] = plan;
    System.arraycopy(options, 0, args, 2, options.length);
    CliRunner.Result r = CliRunner.plain().run(args);
    assertThat(sandbox.totalRequests()).as("requests during show").isEqualTo(before);
    return r;
  }
}
