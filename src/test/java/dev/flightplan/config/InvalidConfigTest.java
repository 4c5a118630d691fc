package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.diag.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code config/invalid/} starts with one {@code # expect: LINE:COL: message} line
 * per error it must produce: exactly those positions are reported, each message contains the text,
 * and nothing leaks from Java.
 */
class InvalidConfigTest {
  private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+):(\\d+): (.+)$");
  private static final Pattern JAVA_LEAK =
      Pattern.compile(
          "Exception|java\\.|\\bat [a-z]+\\.|com\\.networknt|org\\.yaml|com\\.fasterxml|\\$ref|#/\\$defs");

  static Stream<Path> invalidFiles() throws IOException, URISyntaxException {
    Path dir =
        Path.of(
            Objects.requireNonNull(InvalidConfigTest.class.getResource("/config/invalid")).toURI());
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(dir)) {
      listing.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    return files.stream();
  }

  @Test
  void thereAreEnoughInvalidFiles() throws Exception {
    assertThat(invalidFiles().count()).isGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void reportsExactlyTheExpectedErrors(Path file) throws IOException {
    Map<String, String> expected = expectations(file);
    assertThat(expected).as("the file's # expect: lines").isNotEmpty();

    LoadResult result = ConfigLoader.load(file);

    assertThat(result.state()).isEmpty();
    List<Diagnostic> errors = result.diagnostics().errors();
    Map<String, String> actual = new TreeMap<>();
    for (Diagnostic d : errors) {
      String at = d.pos().line() + ":" + d.pos().column();
      actual.merge(at, d.format(), (a, b) -> a + "\n" + b);
    }
    assertThat(actual.keySet())
        .as(String.join("\n", formatted(errors)))
        .isEqualTo(expected.keySet());
    expected.forEach(
        (at, text) -> assertThat(actual.get(at)).as("message at " + at).contains(text));
    for (Diagnostic d : errors) {
      assertThat(d.format())
          .startsWith(file + ":" + d.pos().line() + ":" + d.pos().column() + ": error: ");
      assertThat(d.format()).doesNotContainPattern(JAVA_LEAK).doesNotContain("\n");
    }
  }

  private static Map<String, String> expectations(Path file) throws IOException {
    Map<String, String> expected = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Matcher m = EXPECT.matcher(line);
      if (!m.matches()) {
        break;
      }
      expected.put(m.group(1) + ":" + m.group(2), m.group(3));
    }
    return expected;
  }

  private static List<String> formatted(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).toList();
  }
}
