package dev.flightplan.render;

import static dev.flightplan.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.Manage;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.SavedPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the compact view (text and Markdown) for every plan case and a large plan, and
 * when it is chosen: asked for, or by default for plans of more than {@link
 * PlanDetail#COMPACT_ABOVE} changes.
 */
class CompactViewTest {
  static Stream<Arguments> plans() {
    return Stream.concat(
        PlanCases.arguments(), Stream.of(Arguments.of("large", PlanCases.large())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void rendersTheSummary(String name, PlanCases.Case c) {
    Golden.check("compact/" + name + ".txt", text(c.saved(), PlanDetail.COMPACT, Style.PLAIN));
    String md = markdown(c.saved(), PlanDetail.COMPACT);
    Golden.check("compact/" + name + ".md", md);
    assertThat(EmailMask.containsEmail(md)).as("an unmasked email in\n%s", md).isFalse();
  }

  @Test
  void rendersTheSummaryInColour() {
    Golden.check(
        "compact/large.color.txt",
        text(PlanCases.large().saved(), PlanDetail.COMPACT, new Style(true)));
  }

  @Test
  void largePlansAreSummarisedByDefaultAndFullShowsEveryChange() {
    SavedPlan large = PlanCases.large().saved();
    assertThat(large.plan().actions()).hasSizeGreaterThan(PlanDetail.COMPACT_ABOVE);
    String auto = text(large, PlanDetail.AUTO, Style.PLAIN);
    assertThat(auto)
        .isEqualTo(text(large, PlanDetail.COMPACT, Style.PLAIN))
        .startsWith(
            "flightplan will perform the following actions (a summary of 273 changes; --full lists each one):")
        .contains("  + tester: 240 to create\n      + \"new0001@example.com\"\n")
        .contains("        … and 235 more\n")
        .contains("  ~ \"Everyone\": 240 added\n")
        .contains("  - tester: 30 to remove from the app\n");
    String full = text(large, PlanDetail.FULL, Style.PLAIN);
    assertThat(full)
        .startsWith("flightplan will perform the following actions:\n")
        .contains("+ tester \"new0240@example.com\" {");
    assertThat(auto.lines().count()).isLessThan(80);
    assertThat(full.lines().count()).isGreaterThan(1_000);
    assertThat(markdown(large, PlanDetail.AUTO)).isEqualTo(markdown(large, PlanDetail.COMPACT));
    assertThat(markdown(large, PlanDetail.FULL))
        .doesNotContain("summarised per kind")
        .contains("# … and 223 more changes");
  }

  @Test
  void smallPlansAreShownInFullUnlessAsked() {
    for (int testers : new int[] {PlanDetail.COMPACT_ABOVE - 1, PlanDetail.COMPACT_ABOVE}) {
      // a new group and its testers: one change per tester, and the group
      String[] emails =
          IntStream.rangeClosed(1, testers)
              .mapToObj(i -> "t" + i + "@example.com")
              .toArray(String[]::new);
      SavedPlan saved =
          PlanCases.saved(
              plan(
                  desired(Manage.DEFAULT, List.of(group("G", emails)), List.of()),
                  live(List.of(), List.of()),
                  PlanOptions.DEFAULTS),
              live(List.of(), List.of()),
              PlanOptions.DEFAULTS,
              false);
      int changes = saved.plan().actions().size();
      assertThat(changes).isEqualTo(testers + 1);
      boolean compact = changes > PlanDetail.COMPACT_ABOVE;
      assertThat(text(saved, PlanDetail.AUTO, Style.PLAIN))
          .isEqualTo(text(saved, compact ? PlanDetail.COMPACT : PlanDetail.FULL, Style.PLAIN));
      assertThat(markdown(saved, PlanDetail.AUTO))
          .isEqualTo(markdown(saved, compact ? PlanDetail.COMPACT : PlanDetail.FULL));
    }
    SavedPlan none = PlanCases.byName("no-changes").saved();
    assertThat(text(none, PlanDetail.COMPACT, Style.PLAIN))
        .isEqualTo(text(none, PlanDetail.FULL, Style.PLAIN));
  }

  static String text(SavedPlan saved, PlanDetail detail, Style style) {
    StringWriter out = new StringWriter();
    new PlanTextView(new PrintWriter(out), style, detail).render(saved);
    return out.toString();
  }

  static String markdown(SavedPlan saved, PlanDetail detail) {
    StringWriter out = new StringWriter();
    new MarkdownPlanView(new PrintWriter(out), false, detail).render(saved);
    return out.toString();
  }
}
