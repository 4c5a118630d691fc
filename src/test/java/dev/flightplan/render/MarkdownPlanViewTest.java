package dev.flightplan.render;

import static dev.flightplan.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.Manage;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.kinds.license.LiveLicense;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveTester;
import dev.flightplan.testing.LiveAppInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the Markdown view (masked, and one unmasked), and the rules that keep big plans
 * postable.
 */
class MarkdownPlanViewTest {
  private static final int GITHUB_COMMENT_LIMIT = 65_536;

  static Stream<Arguments> plans() {
    return Stream.concat(
        PlanCases.arguments(), Stream.of(Arguments.of("partial", PlanCases.partial())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void rendersMasked(String name, PlanCases.Case c) {
    String md = render(c.saved(), false);
    Golden.check("plan/" + name + ".md", md);
    assertThat(EmailMask.containsEmail(md)).as("an unmasked email in\n%s", md).isFalse();
  }

  @Test
  void showsPersonalDataWhenAsked() {
    String md = render(PlanCases.byName("create-update").saved(), true);
    Golden.check("plan/create-update.unmasked.md", md);
    assertThat(md)
        .contains("tester \"dave@example.com\"")
        .contains("firstName = \"Dave\"")
        .contains("personal data shown");
  }

  @Test
  void masksTestersNamesAndTheReviewContactAsWellAsEmails() {
    String md = render(PlanCases.byName("create-update").saved(), false);
    assertThat(md)
        .contains("+     firstName = \"D***\"", "+     lastName  = \"I***\"")
        .doesNotContain("Dave", "Ito");
    assertThat(render(PlanCases.byName("test-information").saved(), false))
        .contains("contactPhone")
        .doesNotContain("555 0100");
    assertThat(PersonalData.mask("Ärzte"))
        .isEqualTo("Ä***")
        .isEqualTo(PersonalData.mask(PersonalData.mask("Ärzte")));
    assertThat(PersonalData.mask("👍x")).isEqualTo("👍***");
  }

  @Test
  void masksEveryAddressTheSameWay() {
    assertThat(
            EmailMask.mask("carol@example.com, c@x.io and Bob <bob.roe+beta@mail.example.co.uk>"))
        .isEqualTo("c***@example.com, c***@x.io and Bob <b***@mail.example.co.uk>");
    assertThat(EmailMask.mask(EmailMask.mask("carol@example.com"))).isEqualTo("c***@example.com");
  }

  @Test
  void aFailedPlanShowsItsErrors() {
    Diagnostics errors =
        Diagnostics.of(
            List.of(
                Diagnostic.error(
                    new SourcePos("testflight.yaml", 3, 5),
                    "tester zed@example.com is in no group",
                    "list it under a group")));
    StringWriter out = new StringWriter();
    new MarkdownPlanView(new PrintWriter(out), false)
        .renderFailure(
            PlanCases.VERSION, PlanCases.CONFIG, List.of("com.example.app"), false, errors);
    Golden.check("plan/failed.md", out.toString());
    assertThat(out.toString()).contains("z***@example.com").doesNotContain("zed@");
  }

  @Test
  void userTextCannotBreakTheMarkdown() {
    GroupSpec odd = group("A|B *bold* ``` <b>", "eve@example.com");
    SavedPlan saved =
        saved(
            desired(Manage.DEFAULT, List.of(odd), List.of()),
            live(List.of(), List.of()),
            PlanOptions.DEFAULTS);
    String md = render(saved, false);
    assertThat(md).contains("````diff").contains("# group \"A|B *bold* ``` <b>\" will be created");
  }

  @Test
  void aLongTextIsMaskedBeforeItIsCut() {
    // the address ends "@example" exactly where the view cuts long texts (200 characters)
    String text = "a".repeat(186) + " carol@example.com and the rest of a long agreement";
    SavedPlan saved =
        saved(
            desired(Manage.DEFAULT, List.of(), List.of()).withLicenseAgreement(text),
            withInfo(
                live(List.of(), List.of()),
                new LiveAppInfo(null, new LiveLicense("lic-1", "Old terms"), null)),
            PlanOptions.DEFAULTS);
    String md = render(saved, false);
    assertThat(md).contains("characters)").contains("c***@example").doesNotContain("carol@");
    assertThat(render(saved, true)).contains("carol@example");
  }

  @Test
  void fiveThousandNewTestersStayReadableAndPostable() {
    List<String> emails =
        IntStream.rangeClosed(1, 5000)
            .mapToObj(i -> String.format("tester%04d@example.com", i))
            .toList();
    // internal, so that each new tester also gets an invitation from flightplan: 10,001 changes in
    // all
    AppSpec desired =
        desired(
            Manage.DEFAULT,
            List.of(internal("Everyone", emails.toArray(String[]::new))),
            List.of());
    String md = render(saved(desired, live(List.of(), List.of()), PlanOptions.DEFAULTS), false);
    assertThat(md.length()).isLessThan(GITHUB_COMMENT_LIMIT);
    assertThat(md)
        .startsWith(
            "**flightplan**: 5,001 to add, 0 to change, 0 to destroy, 5,000 to send in com.example.app.")
        .contains("| com.example.app | tester | 5,000 | 0 | 0 | 0 | 0 |")
        .contains("| com.example.app | invitation | 0 | 0 | 0 | 0 | 5,000 |")
        .contains("# … and 4,980 more")
        .contains(
            "# … and 9,951 more changes in com.example.app, not shown here: see the JSON plan")
        .contains("| 5,000 | `POST /v1/betaTesters` |");
    assertThat(EmailMask.containsEmail(md)).isFalse();
  }

  @Test
  void fiveThousandRemovalsAreCalledOutButSummarised() {
    List<LiveTester> testers = new ArrayList<>();
    for (int i = 1; i <= 5000; i++) {
      testers.add(liveTester("t" + i, String.format("tester%04d@example.com", i), "g1"));
    }
    LiveApp live = live(List.of(liveGroup("g1", "Everyone")), testers);
    AppSpec desired =
        desired(
            manage(Manage.GroupsMode.LISTED, Manage.TestersMode.EXCLUSIVE),
            List.of(group("Everyone", "keep@example.com")),
            List.of());
    String md = render(saved(desired, live, PlanOptions.DEFAULTS.withPrune(true)), false);
    assertThat(md.length()).isLessThan(GITHUB_COMMENT_LIMIT);
    assertThat(md)
        .contains("> [!CAUTION]\n> This plan deletes 5,000 objects:")
        .contains("> - **remove from the app** com.example.app tester \"t\\*\\*\\*@example.com\"")
        .contains("> - … and 4,980 more (see the details)");
    assertThat(md.indexOf("[!CAUTION]")).isLessThan(md.indexOf("| App | Kind |"));
  }

  @Test
  void aDocumentOverTheBudgetIsRenderedWithSmallerLimits() {
    // many apps' worth of detail: the first limits overflow, smaller ones fit
    List<String> emails =
        IntStream.rangeClosed(1, 300)
            .mapToObj(i -> String.format("a-rather-long-tester-address-%04d@example.com", i))
            .toList();
    List<GroupSpec> groups = new ArrayList<>();
    for (int g = 0; g < 60; g++) {
      groups.add(group("Group " + g, emails.toArray(String[]::new)));
    }
    String md =
        render(
            saved(
                desired(Manage.DEFAULT, groups, List.of()),
                live(List.of(), List.of()),
                PlanOptions.DEFAULTS),
            false);
    assertThat(md.length()).isLessThanOrEqualTo(MarkdownPlanView.BUDGET);
    assertThat(md).contains("more changes in com.example.app, not shown here");
  }

  private static SavedPlan saved(AppSpec desired, LiveApp live, PlanOptions options) {
    return PlanCases.saved(plan(desired, live, options), live, options, false);
  }

  static String render(SavedPlan saved, boolean showEmails) {
    StringWriter out = new StringWriter();
    new MarkdownPlanView(new PrintWriter(out), showEmails, PlanDetail.FULL).render(saved);
    return out.toString();
  }
}
