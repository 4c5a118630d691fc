package dev.flightplan.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.plan.SavedPlan;
import dev.flightplan.planfile.PlanFile.PlanFileException;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading plan files: every way a file can be wrong is one clear message, never a stack trace. */
@IntegrationTest
class PlanFilesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/plan/create-update.json");

  @TempDir Path tmp;

  @Test
  void readsWhatPlanWrites() throws Exception {
    var saved = PlanFiles.read(GOLDEN);
    assertThat(saved.apps()).containsExactly("com.example.app");
    assertThat(saved.plan().actions()).hasSize(6);
    assertThat(saved.plan().calls()).hasSize(6);
    assertThat(saved.config().path()).isEqualTo("testflight.yaml");
  }

  @Test
  void aMissingFile() {
    assertThatThrownBy(() -> PlanFiles.read(tmp.resolve("nope.json")))
        .isInstanceOf(PlanFileException.class)
        .hasMessage("cannot read the plan " + tmp.resolve("nope.json") + ": no such file");
  }

  @Test
  void onlyARegularFileIsRead() throws Exception {
    assertThatThrownBy(() -> PlanFiles.read(tmp))
        .hasMessage("cannot read the plan " + tmp + ": it is a directory, not a regular file");
    // a named pipe with no writer: opening it would wait forever
    Path fifo = tmp.resolve("plan.json");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is available");
    assertThatThrownBy(() -> PlanFiles.read(fifo))
        .hasMessage(
            "cannot read the plan " + fifo + ": it is a named pipe (FIFO), not a regular file");
  }

  @Test
  void aDesiredStateFileGivenByMistake() {
    assertThatThrownBy(() -> PlanFiles.parse("testflight.yaml", "version: 1\napps: []\n"))
        .hasMessage(
            "testflight.yaml is not a flightplan plan file: it is not JSON (line 1); to apply a desired-state file, use apply -f testflight.yaml");
  }

  @Test
  void foreignJson() {
    assertThatThrownBy(
            () ->
                PlanFiles.parse(
                    "plan.json", "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.0\"}"))
        .hasMessage(
            "plan.json is not a flightplan plan file: it is a Terraform plan; make one with: flightplan plan -o plan.json");
    assertThatThrownBy(() -> PlanFiles.parse("plan.json", "[1, 2]"))
        .hasMessageContaining("it is not a JSON object");
    assertThatThrownBy(() -> PlanFiles.parse("plan.json", "{}"))
        .hasMessageContaining("it has no flightplan_version");
  }

  @Test
  void aLaterFormat() throws IOException {
    String text =
        Files.readString(GOLDEN)
            .replace(
                "\"format_version\": \"" + SavedPlan.FORMAT_VERSION + "\"",
                "\"format_version\": \"3.0\"");
    assertThatThrownBy(() -> PlanFiles.parse("plan.json", text))
        .hasMessage("plan.json has format_version \"3.0\"; this flightplan reads plan format 2.x");
  }

  @Test
  void anOlderFormatIsRefusedWithTheCommandThatMakesItAgain() throws IOException {
    String text =
        Files.readString(GOLDEN)
            .replace(
                "\"format_version\": \"" + SavedPlan.FORMAT_VERSION + "\"",
                "\"format_version\": \"1.0\"");
    assertThatThrownBy(() -> PlanFiles.parse("plan.json", text))
        .isInstanceOf(PlanFileException.class)
        .hasMessage(
            "plan.json was saved by an older flightplan (plan format 1.0), which this one no longer applies;"
                + " make the plan again with: flightplan plan -o plan.json");
  }

  @Test
  void anEditedOrTruncatedPlan() throws IOException {
    String text = Files.readString(GOLDEN);
    assertThatThrownBy(
            () -> PlanFiles.parse("plan.json", text.replace("\"update\"", "\"upgrade\"")))
        .isInstanceOf(PlanFileException.class)
        .hasMessageStartingWith("plan.json is not a valid flightplan plan (was it edited?): ")
        .hasMessageContaining("/resource_changes/0/change/actions");
    assertThatThrownBy(() -> PlanFiles.parse("plan.json", text.substring(0, text.length() / 2)))
        .hasMessageContaining("it is not JSON");
    assertThatThrownBy(
            () ->
                PlanFiles.parse(
                    "plan.json", text.replace("\"name\": \"Friends\"", "\"name\": \"Enemies\"")))
        .hasMessageContaining("does not match its app, type and name");
  }

  @Test
  void theSchemaIsStrictAboutKeys() throws IOException {
    String text = Files.readString(GOLDEN);
    assertThatThrownBy(
            () ->
                PlanFiles.parse(
                    "plan.json",
                    text.replace("\"errored\": false,", "\"errored\": false, \"extra\": 1,")))
        .hasMessageContaining("extra");
    assertThatThrownBy(
            () ->
                PlanFiles.parse(
                    "plan.json", text.replace("\"errored\": false,", "\"errored\": true,")))
        .hasMessageContaining("not a valid flightplan plan");
    assertThatThrownBy(
            () ->
                PlanFiles.parse(
                    "plan.json",
                    text.replaceFirst("\"sha256\": \"[0-9a-f]+\"", "\"sha256\": \"abc\"")))
        .hasMessageContaining("/config");
  }

  @Test
  void writingReplacesTheFileWhole() throws IOException {
    Path file = tmp.resolve("out/plan.json");
    PlanFiles.write(file, "first");
    PlanFiles.write(file, "second");
    assertThat(Files.readString(file)).isEqualTo("second");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }
}
