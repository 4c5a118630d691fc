package dev.flightplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.apply.CallResult;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Plan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Names and texts from users and servers that try to act on a terminal (escape sequences, OSC 8
 * links, BEL, CR, newlines, C1 controls, bidi overrides) or to break out of the Markdown: every
 * view prints them visibly escaped, one line each, and the Markdown keeps its structure. The golden
 * files of the {@code hostile} case show the output.
 */
class HostileTextTest {
  private static final Pattern OWN_COLOURS = Pattern.compile("\u001b\\[[0-9;]*m");
  private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^(`{3,})diff$.*?^\\1$");
  private static final String SERVER_SAYS =
      "POST /v1/betaGroups: 409 ENTITY_ERROR: \u001b]0;pwned\u0007name \u202etaken\u202c\r\nDone (9):";

  @Test
  void escapesEveryControlVisiblyAndLeavesOtherTextAlone() {
    assertThat(
            TerminalText.escape(
                "a\u001b[2Jb\nc\rd\te\u0007f\u009bg\u202eh\u2066i\u2028j\u007fk\u0000"))
        .isEqualTo("a\\e[2Jb\\nc\\rd\\te\\u0007f\\u009bg\\u202eh\\u2066i\\u2028j\\u007fk\\u0000");
    String plain = "Zoë Ågren 👍 \\ \"quoted\" (naïve) 日本語";
    assertThat(TerminalText.escape(plain)).isSameAs(plain);
    assertThat(TerminalText.escape(null)).isNull();
  }

  @Test
  void aQuotedValueTellsAnEscapeFromWhatWasWritten() {
    assertThat(Values.quote("a\nb")).isEqualTo("\"a\\nb\"");
    assertThat(Values.quote("a\\nb")).isEqualTo("\"a\\\\nb\"");
    assertThat(Values.quote("say \"\u001b[31mred\"")).isEqualTo("\"say \\\"\\e[31mred\\\"\"");
  }

  @Test
  void thePlanTextViewPrintsEachNameOnItsLineEscaped() {
    PlanCases.Case c = PlanCases.byName("hostile");
    String plain = PlanTextViewTest.render(c, Style.PLAIN);
    assertSafe(plain);
    assertSafe(OWN_COLOURS.matcher(PlanTextViewTest.render(c, new Style(true))).replaceAll(""));
    assertThat(plain)
        .contains(
            "+ group \"Evil\\e[2J\\e]8;;https://evil.example/\\u0007click me\\e]8;;\\u0007\" {")
        .contains("- group \"Old\\u009b31m\\u202egnp.exe\\u2066x\\u2069\" {")
        .contains("firstName = \"Eve\\nPlan: 0 to add, 0 to change, 0 to destroy.\"")
        .contains("lastName  = \"Bell\\u0007\\rFORGED\"");
    assertThat(plain.lines().filter(l -> l.startsWith("Plan:"))).singleElement();
  }

  @Test
  void theMarkdownViewKeepsItsStructureAndMasksNames() {
    PlanCases.Case c = PlanCases.byName("hostile");
    for (boolean shown : List.of(false, true)) {
      String md = MarkdownPlanViewTest.render(c.saved(), shown);
      assertSafe(md);
      // a code block shows its text as it is (escaped for the terminal): what matters is outside
      // them
      String outside = CODE_BLOCK.matcher(md).replaceAll("");
      assertThat(outside.split("<details>", -1)).as("only the view's own sections").hasSize(3);
      assertThat(outside.split("</summary>", -1)).hasSize(3);
      assertThat(outside)
          .contains("\\<details\\>\\<summary\\>\\&#x202e; \\*\\*bold\\*\\*")
          .doesNotContain("**bold**")
          .doesNotContain("<summary>&");
      assertThat(md).contains("\n````diff\n");
      assertThat(outside.lines().filter(l -> l.startsWith("|")))
          .allSatisfy(
              row ->
                  assertThat(row.replace("\\|", "").chars().filter(ch -> ch == '|').count())
                      .isIn(3L, 8L));
    }
    String masked = MarkdownPlanViewTest.render(c.saved(), false);
    assertThat(masked)
        .contains("+     firstName = \"E***\"", "+     lastName  = \"\\u202e***\"")
        .contains("-     firstName = \"=***\"", "-     lastName  = \"B***\"")
        .doesNotContain("Plan: 0 to add", "FORGED", "HYPERLINK", "evE");
    assertThat(MarkdownPlanViewTest.render(c.saved(), true))
        .contains(
            "+     firstName = \"Eve\\nPlan: 0 to add, 0 to change, 0 to destroy.\"", "HYPERLINK");
  }

  @Test
  void theJsonViewEscapesWhatATerminalWouldActOnAndReadsBackTheSame() throws Exception {
    PlanCases.Case c = PlanCases.byName("hostile");
    String json = JsonPlanViewTest.render(c.saved());
    assertSafe(json);
    assertThat(json).contains("Old\\u009B31m\\u202Egnp.exe\\u2066x\\u2069");
    JsonNode doc = new ObjectMapper().readTree(json);
    assertThat(doc.findValuesAsText("firstName"))
        .contains("Eve\nPlan: 0 to add, 0 to change, 0 to destroy.");
  }

  @Test
  void theApplyReportEscapesWhatTheServerSaid() {
    Plan plan = PlanCases.byName("hostile").plan();
    List<CallResult> results = new ArrayList<>();
    for (ApiCall call : plan.calls()) {
      results.add(
          results.isEmpty()
              ? new CallResult(call, CallResult.Status.FAILED, SERVER_SAYS)
              : new CallResult(call, CallResult.Status.NOT_SENT, null));
    }
    StringWriter out = new StringWriter();
    new ApplyTextView(new PrintWriter(out), Style.PLAIN).render(new ApplyReport(plan, results));
    assertSafe(out.toString());
    assertThat(out.toString())
        .contains(
            "  POST /v1/betaGroups: 409 ENTITY_ERROR: \\e]0;pwned\\u0007name \\u202etaken\\u202c\\r\\nDone (9):\n");
    assertThat(out.toString().lines().filter(l -> l.startsWith("Done (")))
        .containsExactly("Done (0):");
  }

  @Test
  void progressLinesAndDiagnosticsAreEscaped() {
    Plan plan = PlanCases.byName("hostile").plan();
    StringWriter out = new StringWriter();
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    ProgressView progress =
        new ProgressView(
            new PrintWriter(out),
            Style.PLAIN,
            false,
            clock,
            plan.calls().size(),
            n -> Duration.ZERO);
    plan.calls()
        .forEach(
            call ->
                progress.accept(
                    new CallResult(
                        call, CallResult.Status.FAILED, SERVER_SAYS, "adopted \u001b[8m")));
    new DiagnosticsView(new PrintWriter(out), Style.PLAIN)
        .render(
            Diagnostics.of(
                List.of(
                    Diagnostic.error(
                        new SourcePos("testers.csv", 2, 1),
                        "\"\u001b[2J\" is not an email address",
                        "a\u202eb"))));
    assertSafe(out.toString());
    assertThat(out.toString())
        .contains("Evil\\e[2J")
        .contains("(adopted \\e[8m)")
        .contains("testers.csv:2:1: error: \"\\e[2J\" is not an email address (a\\u202eb)");
  }

  /** Every line holds only characters a terminal shows as they are. */
  static void assertSafe(String output) {
    for (String line : output.split("\n", -1)) {
      assertThat(TerminalText.isSafe(line))
          .as("an unescaped control character in the line %s", line)
          .isTrue();
    }
  }
}
