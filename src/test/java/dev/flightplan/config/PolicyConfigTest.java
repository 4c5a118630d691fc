package dev.flightplan.config;

import static dev.flightplan.config.BuildConfigTest.app;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hygiene policies as they reach the records: defaults, lower-cased emails, and positioned
 * errors for bad values.
 */
class PolicyConfigTest {
  private static List<String> errors(String yamlAfterBundleId) {
    LoadResult result =
        ConfigLoader.parse(
            "t.yaml", "version: 1\napps:\n  - bundleId: com.example.weather\n" + yamlAfterBundleId);
    assertThat(result.state()).isEmpty();
    return result.diagnostics().items().stream().map(Diagnostic::format).toList();
  }

  @Test
  void noPolicyIsNull() {
    AppSpec app = app("    groups: [{ name: QA }]\n");
    assertThat(app.inactiveTesters()).isNull();
    assertThat(app.buildExpiry()).isNull();
  }

  @Test
  void policiesWithTheirDefaults() {
    AppSpec app =
        app(
            """
            inactiveTesters: { noSessionDays: 90 }
            buildExpiry: { olderThanDays: 60 }
        """);
    assertThat(app.inactiveTesters())
        .isEqualTo(
            new InactiveTesterPolicy(
                90, 30, List.of(), List.of(), true, new SourcePos("t.yaml", 4, 22)));
    assertThat(app.inactiveTesters().period()).isEqualTo("P90D");
    assertThat(app.buildExpiry())
        .isEqualTo(new BuildExpiryPolicy(60, 3, new SourcePos("t.yaml", 5, 18)));
  }

  @Test
  void everyKeyAsWritten() {
    AppSpec app =
        app(
            """
            inactiveTesters:
              noSessionDays: 7
              graceDays: 0
              keep: [Ceo@Example.com]
              keepGroups: [" Partners "]
              keepInternal: false
            buildExpiry: { olderThanDays: 1, keepLatest: 0 }
        """);
    InactiveTesterPolicy p = app.inactiveTesters();
    assertThat(p.noSessionDays()).isEqualTo(7);
    assertThat(p.graceDays()).isZero();
    assertThat(p.keep()).containsExactly("ceo@example.com");
    assertThat(p.keepGroups()).containsExactly("Partners");
    assertThat(p.keepInternal()).isFalse();
    assertThat(app.buildExpiry().keepLatest()).isZero();
  }

  @Test
  void badValuesAreErrorsWhereTheyAre() {
    assertThat(errors("    inactiveTesters: { noSessionDays: 14 }\n"))
        .singleElement()
        .asString()
        .startsWith("t.yaml:4:39: error:")
        .contains("7")
        .contains("365");
    assertThat(errors("    inactiveTesters: { noSessionDays: 90, graceDays: -1 }\n"))
        .singleElement()
        .asString()
        .startsWith("t.yaml:4:54: error:");
    assertThat(errors("    inactiveTesters: { graceDays: 3 }\n"))
        .singleElement()
        .asString()
        .startsWith("t.yaml:4:22: error:")
        .contains("noSessionDays");
    assertThat(errors("    inactiveTesters: { noSessionDays: 90, keep: [not-an-email] }\n"))
        .singleElement()
        .asString()
        .startsWith("t.yaml:4:50: error:");
    assertThat(errors("    buildExpiry: { olderThanDays: 90 }\n"))
        .singleElement()
        .asString()
        .startsWith("t.yaml:4:35: error:")
        .contains("89");
    assertThat(errors("    buildExpiry: { olderThanDays: 30, keepLast: 2 }\n"))
        .singleElement()
        .asString()
        .startsWith("t.yaml:4:39: error:")
        .contains("keepLatest");
  }

  @Test
  void aGroupsPolicyHasTheAppPolicysShapeWithoutItsGroupKeys() {
    AppSpec app =
        app(
            """
            groups:
              - name: Beta
                inactiveTesters: { noSessionDays: 30, keep: [Ceo@Example.com] }
        """);
    assertThat(app.groups().get(0).inactiveTesters())
        .isEqualTo(
            new InactiveTesterPolicy(
                30,
                30,
                List.of("ceo@example.com"),
                List.of(),
                false,
                new SourcePos("t.yaml", 6, 26)));
    assertThat(app.inactiveTesterPolicies()).hasSize(1);
    assertThat(app.datesTesters()).isTrue();
  }

  @Test
  void groupPoliciesAreRefusedWhereTheyCannotWork() {
    assertThat(
            errors(
                """
                    groups:
                      - name: Beta
                        inactiveTesters: { noSessionDays: 30, keepGroups: [QA] }
                """))
        .singleElement()
        .asString()
        .startsWith("t.yaml:6:47: error:")
        .contains("keepGroups");
    assertThat(
            errors(
                """
                    groups:
                      - name: QA
                        internal: true
                        inactiveTesters: { noSessionDays: 30 }
                """))
        .singleElement()
        .asString()
        .startsWith("t.yaml:7:9: error:")
        .contains("only allowed on external groups")
        .contains("\"QA\" is internal");
    assertThat(
            errors(
                """
                    inactiveTesters: { noSessionDays: 90 }
                    groups:
                      - name: Beta
                        inactiveTesters: { noSessionDays: 30, graceDays: 0 }
                """))
        .singleElement()
        .asString()
        .startsWith("t.yaml:7:43: error: noSessionDays 30 differs from the 90 days")
        .contains("(line 4)")
        .contains("use noSessionDays: 90 here, or 30 there");
  }
}
