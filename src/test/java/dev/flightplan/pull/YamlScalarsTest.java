package dev.flightplan.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every string reads back as that string, in YAML 1.1 readers too, in block and flow context; plain
 * when safe.
 */
class YamlScalarsTest {
  private static final List<String> AWKWARD =
      List.of(
          "yes",
          "No",
          "ON",
          "off",
          "y",
          "n",
          "null",
          "~",
          "true",
          "False",
          "123",
          "2.10",
          "045",
          "1e3",
          "0x1F",
          "0o17",
          ".5",
          "+1",
          "-1",
          ".inf",
          "-.NaN",
          "12:30",
          "1_000",
          "2026-12-01",
          "2026-12-01T10:00:00Z",
          "",
          " lead",
          "trail ",
          "a: b",
          "a #b",
          "a:",
          "-",
          "- x",
          "? x",
          "[x]",
          "{x}",
          "x, y",
          "#x",
          "&anchor",
          "*alias",
          "!tag",
          "|x",
          ">x",
          "'x",
          "\"x",
          "%x",
          "@x",
          "`x",
          "tab\there",
          "line\nbreak",
          "cr\rx",
          "bell\u0007",
          "back\\slash",
          "quote\"inside",
          "Friends & Family",
          "O'Brien",
          "Beta: Phase 2",
          "https://example.com/a?b=c#d",
          "Værradar",
          "emoji 🚀",
          "=",
          "<<");

  @Test
  void everyStringReadsBackAsItself() {
    Yaml yaml11 = new Yaml();
    for (String s : AWKWARD) {
      String doc =
          "k: "
              + YamlScalars.block(s)
              + "\nf: ["
              + YamlScalars.flow(s)
              + "]\nm: { k: "
              + YamlScalars.flow(s)
              + " }\n";
      Map<String, Object> read = yaml11.load(doc);
      assertThat(read.get("k")).as("block %s in%n%s", s, doc).isEqualTo(s);
      assertThat(read.get("f")).as("flow list %s", s).isEqualTo(List.of(s));
      assertThat(read.get("m")).as("flow map %s", s).isEqualTo(Map.of("k", s));
    }
  }

  @Test
  void plainWhenThatIsSafe() {
    assertThat(YamlScalars.block("Friends & Family")).isEqualTo("Friends & Family");
    assertThat(YamlScalars.block("https://example.com/privacy"))
        .isEqualTo("https://example.com/privacy");
    assertThat(YamlScalars.flow("https://example.com/privacy"))
        .isEqualTo("\"https://example.com/privacy\"");
    assertThat(YamlScalars.block("alice@example.com")).isEqualTo("alice@example.com");
    assertThat(YamlScalars.block("yes")).isEqualTo("\"yes\"");
    assertThat(YamlScalars.block("2.10")).isEqualTo("\"2.10\"");
  }

  @Test
  void multiLineTextIsALiteralBlockWhenItReadsBackExactly() {
    Yaml yaml11 = new Yaml();
    for (String s : List.of("a\nb", "a\n\n  b\n c", "x: y\n- z", "trailing  \nspaces")) {
      String literal = YamlScalars.literal(s, "  ");
      assertThat(literal).as(s).startsWith("|-");
      Map<String, Object> read = yaml11.load("k: " + literal + "\n");
      assertThat(read.get("k")).as(s).isEqualTo(s);
    }
    for (String s :
        List.of("one line", "ends\n", "\nstarts", " indented\nfirst", "bell\u0007\nx")) {
      assertThat(YamlScalars.literal(s, "  ")).as(s).isNull();
    }
  }
}
