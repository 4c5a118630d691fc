package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tester lists in CSV beside the YAML ({@code testers: - file: testers.csv}): fastlane's format
 * with and without its header, the header form in any column order, mixed with the YAML's own
 * testers; and every malformed list reported at {@code testers.csv:LINE:COL}, all problems at once.
 */
class TesterCsvTest {
  private static final String YAML =
      """
      version: 1
      apps:
        - bundleId: com.example.weather
          groups:
            - name: QA
              internal: true
            - name: Public Beta
          testers:
            - email: carol@example.com
              firstName: Carol
              groups: [Public Beta]
            - file: testers.csv
      """;

  @TempDir Path dir;

  private LoadResult load(String csv) throws IOException {
    return load(YAML, csv);
  }

  private LoadResult load(String yaml, String csv) throws IOException {
    Files.writeString(dir.resolve("testflight.yaml"), yaml);
    if (csv != null) {
      Files.writeString(dir.resolve("testers.csv"), csv);
    }
    return ConfigLoader.load(dir.resolve("testflight.yaml"));
  }

  private AppSpec valid(String csv) throws IOException {
    return valid(YAML, csv);
  }

  private AppSpec valid(String yaml, String csv) throws IOException {
    LoadResult result = load(yaml, csv);
    assertThat(result.diagnostics().items()).extracting(Diagnostic::format).isEmpty();
    return result.state().orElseThrow().apps().get(0);
  }

  private String csvAt(int line, int column) {
    return dir.resolve("testers.csv") + ":" + line + ":" + column + ": error: ";
  }

  @Test
  void readsFastlanesFormatWithItsHeader() throws IOException {
    AppSpec app =
        valid(
            "First,Last,Email,Groups\nAlice,Doe,Alice@Example.com,QA\nDave,Ito,dave@example.com,QA;Public Beta\n");
    assertThat(app.testers())
        .extracting(TesterSpec::email)
        .containsExactly("carol@example.com", "alice@example.com", "dave@example.com");
    TesterSpec dave = app.testers().get(2);
    assertThat(dave.firstName()).isEqualTo("Dave");
    assertThat(dave.lastName()).isEqualTo("Ito");
    assertThat(dave.groups()).containsExactly("QA", "Public Beta");
    assertThat(app.membersByGroup().get("QA"))
        .containsExactly("alice@example.com", "dave@example.com");
  }

  @Test
  void aGroupNamedInAnotherCaseOrUnicodeFormIsTheGroupAsTheFileWritesIt() throws IOException {
    String yaml =
        YAML.replace("- name: Public Beta", "- name: Public Beta\n      - name: \"Caf\u00e9\"");
    AppSpec app =
        valid(
            yaml, "First,Last,Email,Groups\nDave,Ito,dave@example.com,qa;PUBLIC BETA;Cafe\u0301\n");
    TesterSpec dave = app.testers().get(1);
    assertThat(dave.groups()).containsExactly("QA", "Public Beta", "Caf\u00e9");
    assertThat(dave.groupPos("Public Beta"))
        .isEqualTo(new dev.flightplan.diag.SourcePos(dir.resolve("testers.csv").toString(), 2, 30));
    assertThat(app.membersByGroup().get("Caf\u00e9")).containsExactly("dave@example.com");
  }

  @Test
  void eachGroupOfARowKeepsItsPositionInTheList() throws IOException {
    AppSpec app = valid("First,Last,Email,Groups\nDave,Ito,dave@example.com,QA;Public Beta\n");
    TesterSpec dave = app.testers().get(1);
    String csv = dir.resolve("testers.csv").toString();
    assertThat(dave.groupPos("QA")).isEqualTo(new dev.flightplan.diag.SourcePos(csv, 2, 27));
    assertThat(dave.groupPos("Public Beta"))
        .isEqualTo(new dev.flightplan.diag.SourcePos(csv, 2, 30));
  }

  @Test
  void aCellGuardedAgainstSpreadsheetFormulasReadsWithoutItsQuote() throws IOException {
    String yaml =
        YAML.replace("- name: Public Beta", "- name: Public Beta\n      - name: \"-dev\"");
    AppSpec app =
        valid(
            yaml,
            "email,first_name,last_name,groups\n"
                + "'-x@example.com,'=SUM(A1:A9),''+1,'-dev;QA\n"
                + "o@example.com,O'Brien,'Brien,QA\n");
    TesterSpec x = app.testers().get(1);
    assertThat(x.email()).isEqualTo("-x@example.com");
    assertThat(x.firstName()).isEqualTo("=SUM(A1:A9)");
    assertThat(x.lastName()).as("one quote dropped, the other written").isEqualTo("'+1");
    assertThat(x.groups()).containsExactly("-dev", "QA");
    String csv = dir.resolve("testers.csv").toString();
    assertThat(x.groupPos("-dev")).isEqualTo(new dev.flightplan.diag.SourcePos(csv, 2, 36));
    assertThat(x.groupPos("QA")).isEqualTo(new dev.flightplan.diag.SourcePos(csv, 2, 41));
    TesterSpec o = app.testers().get(2);
    assertThat(o.firstName()).isEqualTo("O'Brien");
    assertThat(o.lastName())
        .as("a quote before no formula character is the name's own")
        .isEqualTo("'Brien");
    assertThat(load(yaml, "email,groups\no@example.com,\"'@QA\"\n").diagnostics().errors())
        .singleElement()
        .extracting(Diagnostic::format)
        .asString()
        .contains("unknown group \"@QA\"");
  }

  @Test
  void everyValueSurvivesTheSpreadsheetGuard() {
    for (String value :
        List.of(
            "-Bob", "+1 555", "=1+1", "@home", "\tx", "\rx", "'-x", "''=x", "'", "''", "O'Brien",
            "'Brien", "", "Bob", "a-b", "-", "'\t")) {
      String cell = CsvCells.protect(value);
      assertThat(CsvCells.unprotect(cell)).as(value).isEqualTo(value);
      assertThat(cell)
          .as(value)
          .doesNotStartWith("=")
          .doesNotStartWith("+")
          .doesNotStartWith("-")
          .doesNotStartWith("@")
          .doesNotStartWith("\t")
          .doesNotStartWith("\r");
    }
    assertThat(CsvCells.protect("-Bob")).isEqualTo("'-Bob");
    assertThat(CsvCells.protect("O'Brien")).isEqualTo("O'Brien");
    assertThat(CsvCells.protect(null)).isNull();
  }

  @Test
  void readsFastlanesFormatWithoutAHeaderWithOrWithoutGroups() throws IOException {
    AppSpec app = valid("Alice,Doe,alice@example.com,QA\r\n\r\nBob,,bob@example.com\r\n");
    assertThat(app.testers())
        .extracting(TesterSpec::email)
        .containsExactly("carol@example.com", "alice@example.com", "bob@example.com");
    TesterSpec bob = app.testers().get(2);
    assertThat(bob.lastName()).as("an empty name is not managed").isNull();
    assertThat(bob.groups()).isEmpty();
  }

  @Test
  void readsTheHeaderFormInAnyOrderWithQuotesAndAByteOrderMark() throws IOException {
    AppSpec app =
        valid(
            "\uFEFFgroups,email,last_name,first_name\n\"QA; Public Beta\",ann@example.com,\"Lee, Jr.\",\"Ann \"\"A\"\"\"\n,,,\n");
    TesterSpec ann = app.testers().get(1);
    assertThat(ann.email()).isEqualTo("ann@example.com");
    assertThat(ann.firstName()).isEqualTo("Ann \"A\"");
    assertThat(ann.lastName()).isEqualTo("Lee, Jr.");
    assertThat(ann.groups()).containsExactly("QA", "Public Beta");
    assertThat(app.testers()).hasSize(2);
  }

  @Test
  void ignoresTheExtraColumnsOfAFastlaneExport() throws IOException {
    AppSpec app =
        valid(
            "First,Last,Email,Groups,Installed Version,Install Date\nAlice,Doe,alice@example.com,QA,2.3 (44),2.3\n");
    assertThat(app.testers().get(1).groups()).containsExactly("QA");
  }

  @Test
  void anEmptyListHasNoTesters() throws IOException {
    assertThat(valid("").testers()).hasSize(1);
    assertThat(valid("email,first_name,last_name,groups\n").testers()).hasSize(1);
  }

  @Test
  void theListsFilesAreRecordedWithTheirHashes() throws IOException {
    LoadResult result = load("Alice,Doe,alice@example.com\n");
    assertThat(result.included())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo(dir.resolve("testers.csv").toString());
              assertThat(f.sha256()).hasSize(64);
            });
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "missing email",
            "Ann,Lee,ann@example.com,QA\nJane,Doe,,QA\n",
            2,
            10,
            "this row has no email address"),
        Arguments.of(
            "malformed email",
            "Ann,Lee,ann@example.com,QA\nJane,Doe,jane.example.com,QA\n",
            2,
            10,
            "\"jane.example.com\" is not an email address like name@example.com"),
        Arguments.of(
            "too few fields without a header",
            "Ann,Lee,ann@example.com\nJane,jane@example.com\n",
            2,
            1,
            "this row has 2 fields; without a header a row is First,Last,Email or First,Last,Email,Groups"),
        Arguments.of(
            "too many fields for the header",
            "email,first_name,last_name,groups\nann@example.com,Ann,Lee,QA,extra\n",
            2,
            1,
            "this row has 5 fields, but the header names 4 fields"),
        Arguments.of(
            "unknown header",
            "emial,first_name,last_name,groups\nann@example.com,Ann,Lee,QA\n",
            1,
            1,
            "unknown column \"emial\"; did you mean \"email\"?"),
        Arguments.of(
            "header column twice",
            "email,first_name,email\n",
            1,
            18,
            "the header names the email column twice"),
        Arguments.of(
            "header column without a name",
            "email,,groups\n",
            1,
            7,
            "column 2 of the header has no name"),
        Arguments.of(
            "header without email",
            "first_name,last_name,groups\nAnn,Lee,QA\n",
            1,
            1,
            "the header has no email column"),
        Arguments.of(
            "unclosed quote",
            "email,first_name\nann@example.com,\"Ann\n",
            2,
            17,
            "a quoted field is not closed"),
        Arguments.of(
            "text after a closing quote",
            "email,first_name\n\"ann\"@example.com,Ann\n",
            2,
            6,
            "unexpected text after the closing quote of a field"),
        Arguments.of(
            "unknown group, with a suggestion",
            "email,groups\nann@example.com,QA;Pubic Beta\n",
            2,
            20,
            "unknown group \"Pubic Beta\"; did you mean \"Public Beta\"?"),
        Arguments.of(
            "unknown group in a quoted field",
            "email,groups\nann@example.com,\"QA; Nightly\"\n",
            2,
            22,
            "unknown group \"Nightly\""),
        Arguments.of(
            "tester twice in the list, ignoring case",
            "email\nann@example.com\nANN@example.com\n",
            3,
            1,
            "duplicate tester \"ann@example.com\""),
        Arguments.of(
            "tester in the YAML and the list",
            "email,first_name\nCarol@Example.com,Carol\n",
            2,
            1,
            "duplicate tester \"carol@example.com\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedListsArePositionedErrors(
      String name, String csv, int line, int column, String message) throws IOException {
    LoadResult result = load(csv);
    assertThat(result.state()).isEmpty();
    List<String> errors = result.diagnostics().errors().stream().map(Diagnostic::format).toList();
    assertThat(errors)
        .as(name)
        .singleElement()
        .asString()
        .startsWith(csvAt(line, column))
        .contains(message);
  }

  @Test
  void aDuplicateAcrossFilesSaysWhereTheFirstIs() throws IOException {
    String error = load("email\ncarol@example.com\n").diagnostics().errors().get(0).format();
    assertThat(error).endsWith("(first at " + dir.resolve("testflight.yaml") + ":9:16)");
  }

  @Test
  void everyProblemOfAListIsReportedAtOnce() throws IOException {
    LoadResult result =
        load(
            "Ann,Lee,ann@example.com,QA\nJane,Doe,,QA\nBo,Li,bo.example.com\nx,y\nCy,Ng,cy@example.com,Nightly\n");
    assertThat(result.diagnostics().errors())
        .extracting(d -> d.pos().line() + ":" + d.pos().column())
        .containsExactly("2:10", "3:7", "4:1", "5:22");
  }

  @Test
  void aMissingListIsReportedWhereTheYamlNamesIt() throws IOException {
    LoadResult result = load(null);
    assertThat(result.diagnostics().errors())
        .singleElement()
        .extracting(Diagnostic::format)
        .asString()
        .startsWith(
            dir.resolve("testflight.yaml")
                + ":12:15: error: cannot read the tester list "
                + dir.resolve("testers.csv")
                + ": no such file");
  }

  @Test
  void aListIncludedTwiceIsReported() throws IOException {
    LoadResult result = load(YAML + "      - file: ./testers.csv\n", "email\nann@example.com\n");
    assertThat(result.diagnostics().errors())
        .singleElement()
        .extracting(Diagnostic::format)
        .asString()
        .contains(
            ":13:15: error: "
                + dir.resolve("testers.csv")
                + " is included twice in this app's testers");
  }

  @Test
  void aListThatIsNotUtf8IsReported() throws IOException {
    Files.writeString(dir.resolve("testflight.yaml"), YAML);
    Files.write(
        dir.resolve("testers.csv"),
        "email\nj\u00f6rg@example.com\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(ConfigLoader.load(dir.resolve("testflight.yaml")).diagnostics().errors())
        .singleElement()
        .extracting(Diagnostic::format)
        .asString()
        .contains("it is not UTF-8 text");
  }

  @Test
  void theSchemaChecksTheEntryThatNamesAList() throws IOException {
    String yaml =
        YAML.replace("- file: testers.csv", "- { file: testers.csv, email: x@example.com }")
            + "      - file: 12\n";
    List<String> errors =
        load(yaml, "email\n").diagnostics().errors().stream().map(Diagnostic::format).toList();
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0))
        .contains(":12:30: error: unknown key \"email\"")
        .contains("allowed here: file");
    assertThat(errors.get(1)).contains(":13:15: error: \"file\" must be a string, got integer 12");
  }
}
