package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.bench.Synthetic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The plain reader gives the general reader's tree and positions for every file in its subset, and
 * declines every other file (so the general reader reports it as before).
 */
class PlainYamlTest {
  static Stream<Path> yamlFiles() throws IOException {
    List<Path> roots = List.of(Path.of("examples"), Path.of("src/test/resources"), Path.of("docs"));
    return roots.stream()
        .filter(Files::isDirectory)
        .flatMap(
            root -> {
              try {
                return Files.walk(root)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .toList()
                    .stream();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  @ParameterizedTest
  @MethodSource("yamlFiles")
  void everyFileOfTheRepositoryReadsAsTheGeneralReaderReadsIt(Path file) throws IOException {
    sameAsGeneral(Files.readString(file));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version: 1\napps: []\n",
        "version: 2.10\nn: -0\nf: 1e3\nt: True\nnul: ~\nq: 'x'\nd: \"y\\n\"\nb: |\n  block\n",
        "version: 1\n! tagged: ! x\nlist: ! [a, b]\n",
        "a:\n  - {x: 1, y: [1, 2, {z: null}]}\n  - - nested\n    - list\n",
        "1: one\ntrue: t\nnull: n\n",
        "--- \nversion: 1\n...\n",
        "? complex\n: value\n",
        "a/b: {~x: 1, y~1: [0, 1]}\n'': empty\nm: {k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9, k10: x}\n"
      })
  void plainDocumentsReadAsTheGeneralReaderReadsThem(String yaml) {
    assertThat(plain(yaml)).as("read by the plain reader").isNotNull();
    sameAsGeneral(yaml);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: &x 1\nb: *x\n",
        "base: &b {k: 1}\nm:\n  <<: *b\n",
        "m: {<<: {k: 1}}\n",
        "a: !!str 1\n",
        "a: !custom x\n",
        "a: 1\na: 2\n",
        "? [a]\n: b\n",
        "",
        "# only a comment\n",
        "~\n",
        "a: 1\n---\nb: 2\n",
        "a: [1\n",
        "n: 1234567890123456789012345678901234567890123\n",
        "\tbad: tab\n"
      })
  void otherDocumentsAreLeftToTheGeneralReader(String yaml) {
    assertThat(plain(yaml)).isNull();
  }

  @org.junit.jupiter.api.Test
  void aDeeplyNestedDocumentIsLeftToTheGeneralReaderWhichRefusesIt() {
    String yaml = "a: " + "[".repeat(60) + "]".repeat(60) + "\n";
    assertThat(plain(yaml)).isNull();
    assertThat(YamlReader.read("f.yaml", yaml).diagnostics()).isNotEmpty();
  }

  @org.junit.jupiter.api.Test
  void theSyntheticLargeFileReadsAsTheGeneralReaderReadsIt() {
    sameAsGeneral(Synthetic.app(300, 6).yaml());
  }

  private static com.fasterxml.jackson.databind.JsonNode plain(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Limits.MAX_FILE_BYTES);
    return PlainYaml.read(yaml, options, new CoreSchemaResolver(), new PositionMap("f.yaml"));
  }

  private static void sameAsGeneral(String yaml) {
    YamlReader.Result general = YamlReader.general("f.yaml", yaml);
    YamlReader.Result read = YamlReader.read("f.yaml", yaml);
    assertThat(read.diagnostics()).isEqualTo(general.diagnostics());
    assertThat(read.unreadable()).isEqualTo(general.unreadable());
    assertThat(read.root()).isEqualTo(general.root());
    if (read.root() != null) {
      assertThat(read.positions().recorded()).isEqualTo(general.positions().recorded());
      // the plain reader's positions are found by walking the pointer: every lookup answers as the
      // maps do,
      // also for pointers that name nothing (the nearest ancestor)
      @SuppressWarnings("unchecked")
      java.util.Set<String> pointers =
          new java.util.TreeSet<>(
              ((java.util.Map<String, ?>) general.positions().recorded().get(0)).keySet());
      for (String pointer : java.util.List.copyOf(pointers)) {
        pointers.addAll(
            java.util.List.of(
                pointer + "/nothing", pointer + "/01", pointer + "/99", pointer + "/"));
      }
      for (String pointer : pointers) {
        assertThat(read.positions().value(pointer))
            .as(pointer)
            .isEqualTo(general.positions().value(pointer));
        assertThat(read.positions().key(pointer))
            .as(pointer)
            .isEqualTo(general.positions().key(pointer));
      }
    }
  }
}
