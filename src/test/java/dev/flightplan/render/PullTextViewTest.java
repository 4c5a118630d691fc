package dev.flightplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.pull.Pulled;
import dev.flightplan.pull.PulledApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What pull says per app: what it describes (with what the kinds counted), what was left out, the
 * kinds' remarks.
 */
class PullTextViewTest {
  @Test
  void countsAndRemarksOfTheKindsFollowTheAppsSummary() {
    AppSpec spec = new AppSpec("com.example.weather", Manage.DEFAULT, List.of(), List.of(), null);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("localization", 2);
    PulledApp app =
        new PulledApp(
            spec,
            "Weather",
            1,
            0,
            List.of("build 1.0 (1): a version"),
            counts,
            List.of("the demo account password is not pulled: see the comment under reviewDetail"),
            Map.of(),
            null,
            List.of());
    Pulled pulled =
        new Pulled("", Map.of(), List.of(app), Diagnostics.empty(), "t.yaml", "", "sandbox");
    StringWriter text = new StringWriter();
    new PullTextView(new PrintWriter(text), Style.PLAIN)
        .render(pulled, Path.of("t.yaml"), "flightplan plan -f t.yaml");
    assertThat(text.toString())
        .isEqualTo(
            """
        Pulled com.example.weather: 0 groups, 0 testers, 0 builds described, 2 localizations
          1 tester who joined through a public link not listed (flightplan never removes them)
          left out (left as it is): build 1.0 (1): a version
          the demo account password is not pulled: see the comment under reviewDetail
        Wrote t.yaml.
        Planning it right away shows no changes: flightplan plan -f t.yaml (exit 0)
        """);
  }
}
