package dev.flightplan.render;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the terminal view, one per kind of plan ({@link PlanCases}), plain and in colour.
 */
class PlanTextViewTest {
  static Stream<Arguments> plans() {
    return PlanCases.arguments();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void rendersPlain(String name, PlanCases.Case c) {
    Golden.check("plan/" + name + ".txt", render(c, Style.PLAIN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void rendersInColour(String name, PlanCases.Case c) {
    Golden.check("plan/" + name + ".color.txt", render(c, new Style(true)));
  }

  @Test
  void aPartialPlanSaysWhichAppsItCovers() {
    Golden.check("plan/partial.txt", render(PlanCases.partial(), Style.PLAIN));
  }

  static String render(PlanCases.Case c, Style style) {
    StringWriter out = new StringWriter();
    new PlanTextView(new PrintWriter(out), style).render(c.saved());
    return out.toString();
  }
}
