package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestTest {
  private static final List<String> KEYS =
      List.of("name", "internal", "accessToAllBuilds", "feedback", "protect", "testers");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "nam, name",
    "Name, name",
    "interal, internal",
    "intenral, internal",
    "access, accessToAllBuilds",
    "accessToAllBuild, accessToAllBuilds",
    "tester, testers",
    "testres, testers",
    "feedbacks, feedback",
    "colour, ''",
    "ab, ''",
    "x, ''",
  })
  void suggestsOnlyWhenClose(String typed, String expected) {
    assertThat(Suggest.closest(typed, KEYS).orElse("")).isEqualTo(expected);
  }
}
