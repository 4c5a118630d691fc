package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading valid files (defaults, case rules, YAML features) and the loader's behaviour at the
 * edges.
 */
class ConfigLoaderTest {
  private static DesiredState valid(String yaml) {
    LoadResult result = ConfigLoader.parse("t.yaml", yaml);
    assertThat(result.diagnostics().items()).extracting(Diagnostic::format).isEmpty();
    return result.state().orElseThrow();
  }

  static List<String> errors(String yaml) {
    LoadResult result = ConfigLoader.parse("t.yaml", yaml);
    assertThat(result.state()).isEmpty();
    return result.diagnostics().errors().stream().map(Diagnostic::format).toList();
  }

  @Test
  void appliesDefaults() {
    AppSpec app =
        valid("version: 1\napps:\n  - bundleId: com.example.weather\n    groups: [{name: QA}]\n")
            .apps()
            .get(0);
    assertThat(app.manage()).isEqualTo(Manage.DEFAULT);
    GroupSpec qa = app.groups().get(0);
    assertThat(qa.internal()).isFalse();
    assertThat(qa.protect()).isFalse();
    assertThat(qa.accessToAllBuilds()).isNull();
    assertThat(qa.feedback()).isNull();
    assertThat(qa.testers()).isEmpty();
    assertThat(app.testers()).isEmpty();
  }

  @Test
  void eachMembershipKeepsWhereTheFileWritesIt() {
    AppSpec app =
        valid(
                """
        version: 1
        apps:
          - bundleId: com.x
            groups:
              - name: QA
                internal: true
                testers: [alice@example.com, Bob@Example.com]
            testers:
              - email: carol@example.com
                groups: [ QA ]
        """)
            .apps()
            .get(0);
    GroupSpec qa = app.groups().get(0);
    assertThat(qa.testers()).containsExactly("alice@example.com", "bob@example.com");
    assertThat(qa.testerPos("alice@example.com")).isEqualTo(new SourcePos("t.yaml", 7, 19));
    assertThat(qa.testerPos("bob@example.com")).isEqualTo(new SourcePos("t.yaml", 7, 38));
    assertThat(qa.testerPos("carol@example.com"))
        .as("not listed there: the group")
        .isEqualTo(qa.pos());
    TesterSpec carol =
        app.testers().stream()
            .filter(t -> t.email().equals("carol@example.com"))
            .findFirst()
            .orElseThrow();
    assertThat(carol.groupPos("QA")).isEqualTo(new SourcePos("t.yaml", 10, 19));
    assertThat(carol.groupPos("Other")).isEqualTo(carol.pos());
  }

  @Test
  void partialManageKeepsTheOtherDefault() {
    AppSpec app =
        valid("version: 1\napps:\n  - bundleId: com.x\n    manage: {testers: exclusive}\n")
            .apps()
            .get(0);
    assertThat(app.manage())
        .isEqualTo(new Manage(Manage.GroupsMode.LISTED, Manage.TestersMode.EXCLUSIVE));
  }

  @Test
  void emailsAreLowerCasedAndMatchedIgnoringCase() {
    AppSpec app =
        valid(
                """
        version: 1
        apps:
          - bundleId: com.x
            groups:
              - name: QA
                testers: [Alice@Example.COM]
            testers:
              - email: ALICE@example.com
                firstName: Alice
        """)
            .apps()
            .get(0);
    assertThat(app.groups().get(0).testers()).containsExactly("alice@example.com");
    assertThat(app.testers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.email()).isEqualTo("alice@example.com");
              assertThat(t.firstName()).isEqualTo("Alice");
            });
    assertThat(app.groupsByTester()).containsEntry("alice@example.com", Set.of("QA"));
  }

  @Test
  void testersOnlyUnderGroupsAreTestersToo() {
    AppSpec app =
        valid(
                """
        version: 1
        apps:
          - bundleId: com.x
            groups:
              - name: QA
                testers: [zoe@example.com, carol@example.com]
              - name: Beta
                testers: [yan@example.com, zoe@example.com]
            testers:
              - email: carol@example.com
        """)
            .apps()
            .get(0);
    assertThat(app.testers())
        .extracting(TesterSpec::email)
        .containsExactly("carol@example.com", "zoe@example.com", "yan@example.com");
    TesterSpec zoe = app.testers().get(1);
    assertThat(zoe.firstName()).isNull();
    assertThat(zoe.lastName()).isNull();
    assertThat(zoe.groups()).isEmpty();
    assertThat(zoe.pos()).isEqualTo(new SourcePos("t.yaml", 6, 19));
    assertThat(app.testers().get(2).pos()).isEqualTo(new SourcePos("t.yaml", 8, 19));
    assertThat(app.groupsByTester()).containsEntry("zoe@example.com", Set.of("QA", "Beta"));
  }

  @Test
  void onlyTrueAndFalseAreBooleans() {
    AppSpec app =
        valid(
                """
        version: 1
        apps:
          - bundleId: com.x
            groups:
              - {name: no, internal: True, accessToAllBuilds: FALSE}
              - {name: on, feedback: false}
        """)
            .apps()
            .get(0);
    assertThat(app.groupNames()).containsExactly("no", "on");
    assertThat(app.groups().get(0).internal()).isTrue();
    assertThat(app.groups().get(0).accessToAllBuilds()).isFalse();
    assertThat(
            errors(
                "version: 1\napps:\n  - bundleId: com.x\n    groups: [{name: QA, feedback: off}]\n"))
        .containsExactly(
            "t.yaml:4:35: error: \"feedback\" must be a boolean, got string \"off\" (write true or false)");
  }

  @Test
  void anchorsAliasesAndMergeKeys() {
    AppSpec app =
        valid(
                """
        version: 1
        apps:
          - bundleId: com.x
            groups:
              - &internal
                name: QA
                internal: true
                feedback: true
                testers: &qa [alice@example.com, bob@example.com]
              - <<: *internal
                name: QA Leads
                feedback: false
                testers: *qa
        """)
            .apps()
            .get(0);
    GroupSpec leads = app.groups().get(1);
    assertThat(leads.name()).isEqualTo("QA Leads");
    assertThat(leads.internal()).isTrue();
    assertThat(leads.feedback()).isFalse();
    assertThat(leads.testers()).containsExactly("alice@example.com", "bob@example.com");
  }

  @Test
  void groupNamesAreTrimmed() {
    AppSpec app =
        valid(
                """
        version: 1
        apps:
          - bundleId: com.x
            groups: [{name: " QA "}]
            testers: [{email: a@example.com, groups: ["QA"]}]
        """)
            .apps()
            .get(0);
    assertThat(app.groupNames()).containsExactly("QA");
  }

  @Test
  void aTesterMayBeListedUnderAGroupAndInTesters() {
    valid(
        """
        version: 1
        apps:
          - bundleId: com.x
            groups: [{name: QA, testers: [a@example.com]}]
            testers: [{email: a@example.com, groups: [QA]}]
        """);
  }

  @Test
  void accessToAllBuildsFalseIsFineOnAnInternalGroup() {
    valid(
        "version: 1\napps:\n  - bundleId: com.x\n    groups: [{name: QA, internal: true, accessToAllBuilds: false}]\n");
  }

  @Test
  void byteOrderMarkAndWindowsLineEndings() {
    valid("\uFEFFversion: 1\r\napps:\r\n  - bundleId: com.x\r\n");
    assertThat(errors("version: 1\r\napps:\r\n  - bundleId: com.x\r\n    groupz: []\r\n"))
        .containsExactly("t.yaml:4:5: error: unknown key \"groupz\"; did you mean \"groups\"?");
  }

  @Test
  void emptyAndBlankTextIsAnEmptyFile() {
    for (String text : List.of("", "   \n\n", "---\n", "# only a comment\n")) {
      assertThat(errors(text))
          .as(text)
          .singleElement()
          .asString()
          .startsWith("t.yaml:1:1: error: the file is empty");
    }
  }

  @Test
  void aliasThatContainsItselfIsAnErrorNotACrash() {
    assertThat(errors("version: 1\napps: &a\n  - bundleId: com.x\n    groups: *a\n"))
        .containsExactly("t.yaml:2:7: error: an alias cannot refer to a node that contains it");
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char p = (char) (c - 1);
      yaml.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append("]\n");
    }
    // stopped by the alias budget, at the anchor whose repeat crossed it (no longer by SnakeYAML's
    // count of aliases)
    assertThat(errors(yaml.toString()))
        .singleElement()
        .asString()
        .startsWith(
            "t.yaml:9:4: error: aliases repeat more than 1,000,000 values in all (here, while repeating &i)");
  }

  @Test
  void oddKeysAndValuesStayOnOneLine() {
    assertThat(errors("version: 1\napps:\n  - bundleId: com.x\n    \"two\\nlines\": 1\n"))
        .containsExactly(
            "t.yaml:4:5: error: unknown key \"two\\nlines\" (allowed here: bundleId, manage, groups,"
                + " testers, localizations, licenseAgreement, reviewDetail, invitations, builds, inactiveTesters, buildExpiry)");
  }

  @Test
  void aTesterNamingAGroupTwiceOrAnUndeclaredOne() {
    assertThat(
            errors(
                """
        version: 1
        apps:
          - bundleId: com.x
            groups: [{name: QA}]
            testers: [{email: a@example.com, groups: [QA, QA, qa]}]
        """))
        .containsExactly(
            "t.yaml:5:51: error: group \"QA\" is listed twice for this tester (first at line 5)",
            // "qa" is "QA" to App Store Connect, and so to the file
            "t.yaml:5:55: error: group \"qa\" is listed twice for this tester (first at line 5)");
    assertThat(
            errors(
                "version: 1\napps:\n  - bundleId: com.x\n    testers: [{email: a@example.com, groups: [QA]}]\n"))
        .containsExactly(
            "t.yaml:4:47: error: unknown group \"QA\" (this app declares no groups; add it under `groups:`)");
  }

  @Test
  void noUndeclaredGroupGuessesWhileAGroupNameIsUnreadable() {
    assertThat(
            errors(
                """
        version: 1
        apps:
          - bundleId: com.x
            groups: [{name: 2024}]
            testers: [{email: a@example.com, groups: ["2024"]}]
        """))
        .singleElement()
        .asString()
        .contains("\"name\" must be a string, got integer 2024");
  }

  @Test
  void missingFileIsOneErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    LoadResult result = ConfigLoader.load(missing);
    assertThat(result.state()).isEmpty();
    assertThat(result.diagnostics().items())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.pos()).isEqualTo(SourcePos.ofFile(missing.toString()));
              assertThat(d.format())
                  .isEqualTo(missing + ": error: cannot read " + missing + ": no such file");
            });
  }

  @Test
  void directoryIsOneError(@TempDir Path dir) {
    assertThat(ConfigLoader.load(dir).diagnostics().errors())
        .singleElement()
        .asString()
        .contains("is a directory");
  }

  @Test
  void notUtf8IsOneError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'v', ':', ' ', (byte) 0xE9, '\n'});
    assertThat(ConfigLoader.load(file).diagnostics().errors())
        .singleElement()
        .asString()
        .contains("not UTF-8");
  }

  @Test
  void controlCharacterIsPositioned() {
    assertThat(errors("version: 1\napps:\n  - bundleId: com\u0007x\n"))
        .singleElement()
        .asString()
        .startsWith("t.yaml:3:18: error: invalid YAML: the control character U+0007");
  }

  @Test
  void everyPrefixOfTheExampleLoadsWithoutThrowing() throws Exception {
    String text = Files.readString(ExampleConfigTest.EXAMPLE);
    for (int end = 0; end <= text.length(); end++) {
      LoadResult result = ConfigLoader.parse("t.yaml", text.substring(0, end));
      for (Diagnostic d : result.diagnostics().items()) {
        assertThat(d.pos()).as(d.format()).isNotNull();
        assertThat(d.pos().line()).as(d.format()).isPositive();
        assertThat(d.format()).doesNotContain("Exception", "java.", "networknt", "snakeyaml");
      }
    }
  }
}
