package dev.flightplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.diag.SourcePos;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics as GitHub Actions workflow commands: the golden file shows them; values are escaped
 * as the runner reads them.
 */
class WorkflowAnnotationsTest {
  private static final Path WORKSPACE = Path.of("/home/runner/work/app/app");

  @Test
  void everyDiagnosticIsOneCommandAfterTheFencedReadableLines() {
    Diagnostics diagnostics =
        Diagnostics.of(
            List.of(
                Diagnostic.error(
                    new SourcePos(WORKSPACE + "/testflight/testflight.yaml", 12, 7),
                    "unknown key \"testres\"",
                    "did you mean \"testers\"?"),
                Diagnostic.warning(
                    new SourcePos("testflight/testers.csv", 3, 1),
                    "tester x@example.com is listed twice",
                    null),
                Diagnostic.error(
                    SourcePos.ofFile("/etc/elsewhere, or: here%.yaml"),
                    "cannot read the file: 100% too large",
                    null),
                Diagnostic.warning(
                    null,
                    "applying the plan needs more requests than the API key has left this hour",
                    null),
                Diagnostic.error(
                    new SourcePos("testflight/testflight.yaml", 30, 15),
                    "unknown group \"a\r\n::add-mask::b\n##[stop-commands]c %0A d\"",
                    null)));
    StringWriter text = new StringWriter();
    StringWriter lines = new StringWriter();
    new DiagnosticsView(new PrintWriter(lines), Style.PLAIN).render(diagnostics);
    WorkflowAnnotations view =
        new WorkflowAnnotations(new PrintWriter(text), Optional.of(WORKSPACE));
    view.inert(lines.toString());
    view.render(diagnostics);
    Golden.check("annotations/diagnostics.txt", text.toString());
  }

  @Test
  void readableLinesWithoutAnythingCommandLikeAreNotFenced() {
    StringWriter text = new StringWriter();
    new WorkflowAnnotations(new PrintWriter(text), Optional.empty())
        .inert("t.yaml:1:1: error: a::b (c)\n");
    assertThat(text).hasToString("t.yaml:1:1: error: a::b (c)\n");
  }

  @Test
  void valuesAreEscapedPercentFirst() {
    assertThat(WorkflowAnnotations.data("100% a\r\nb %0A")).isEqualTo("100%25 a%0D%0Ab %250A");
    assertThat(WorkflowAnnotations.property("a,b:c%2C")).isEqualTo("a%2Cb%3Ac%252C");
  }

  @Test
  void pathsAreRelativeToTheWorkspaceWithForwardSlashes() {
    WorkflowAnnotations view =
        new WorkflowAnnotations(new PrintWriter(new StringWriter()), Optional.of(WORKSPACE));
    assertThat(view.path(WORKSPACE + "/testflight/../testflight/t.yaml"))
        .isEqualTo("testflight/t.yaml");
    assertThat(view.path("/elsewhere/t.yaml")).isEqualTo("/elsewhere/t.yaml");
    assertThat(
            new WorkflowAnnotations(new PrintWriter(new StringWriter()), Optional.empty())
                .path("testflight/t.yaml"))
        .isEqualTo("testflight/t.yaml");
  }
}
