package dev.flightplan.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./mvnw package} leaves in target/: the distribution folder, the same in .tar.gz and
 * .zip, the licenses the shaded jar must carry, and a launcher that runs from a symlink on the
 * PATH. (The launcher's class-data-sharing archive: {@link LauncherIT}.)
 */
@IntegrationTest
class DistributionIT {
  private static final Path DIST = Processes.distribution();
  private static final List<String> FILES =
      List.of(
          "LICENSE",
          "NOTICE",
          "README.md",
          "THIRD-PARTY.txt",
          "bin/flightplan",
          "bin/flightplan.cmd",
          "completion/flightplan.bash",
          "completion/flightplan.fish",
          "lib/flightplan.jar",
          "licenses/SLF4J-LICENSE.txt",
          "licenses/jackson-core-FastDoubleParser-LICENSE",
          "licenses/jackson-core-FastDoubleParser-NOTICE",
          "licenses/jackson-core-FastDoubleParser-thirdparty-LICENSE");

  @Test
  void theFolderAndBothArchivesHoldTheDistribution() throws Exception {
    assertThat(files(DIST)).containsExactlyElementsOf(FILES);
    assertThat(Files.isExecutable(DIST.resolve("bin/flightplan"))).isTrue();
    assertThat(Files.readString(DIST.resolve("bin/flightplan.cmd")))
        .contains("\r\n")
        .doesNotContain("\n\n");

    String base = "flightplan-" + Processes.version() + "/";
    List<String> expected = FILES.stream().map(f -> base + f).sorted().toList();
    Processes.Run tar =
        Processes.run(
            Path.of("."),
            Map.of(),
            List.of("tar", "-tvzf", "target/flightplan-" + Processes.version() + ".tar.gz"));
    assertThat(tar.exit()).as(tar.err()).isZero();
    List<String> tarFiles =
        tar.out()
            .lines()
            .filter(l -> !l.startsWith("d"))
            .map(l -> l.substring(l.indexOf(base)))
            .sorted()
            .toList();
    assertThat(tarFiles).containsExactlyElementsOf(expected);
    assertThat(tar.out().lines().filter(l -> l.endsWith("bin/flightplan")))
        .singleElement()
        .asString()
        .startsWith("-rwxr-xr-x");
    try (ZipFile zip = new ZipFile("target/flightplan-" + Processes.version() + ".zip")) {
      assertThat(
              zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).sorted().toList())
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void theJarAndTheDistributionCarryTheLicensesOfWhatTheyBundle() throws Exception {
    String thirdParty = Files.readString(DIST.resolve("THIRD-PARTY.txt"));
    for (String dependency :
        List.of(
            "info.picocli:picocli",
            "org.yaml:snakeyaml",
            "com.fasterxml.jackson.core:jackson-databind",
            "org.apache.httpcomponents.client5:httpclient5",
            "org.bitbucket.b_c:jose4j",
            "com.networknt:json-schema-validator")) {
      assertThat(thirdParty)
          .contains("(Apache-2.0)")
          .containsPattern("\\(Apache-2.0\\) [^\\n]*\\(" + dependency + ":");
    }
    assertThat(thirdParty).containsPattern("\\(MIT\\) [^\\n]*\\(org.slf4j:slf4j-api:");
    assertThat(Files.readString(DIST.resolve("licenses/SLF4J-LICENSE.txt")))
        .contains("QOS.ch")
        .contains("Permission is hereby granted");
    assertThat(Files.readString(DIST.resolve("NOTICE")).strip())
        .startsWith("flightplan\n")
        .contains("Apache HttpClient")
        .contains("Jackson");
    try (ZipFile jar = new ZipFile(DIST.resolve("lib/flightplan.jar").toFile())) {
      assertThat(text(jar, "META-INF/LICENSE")).isEqualTo(Files.readString(Path.of("LICENSE")));
      assertThat(text(jar, "META-INF/NOTICE")).isEqualTo(Files.readString(DIST.resolve("NOTICE")));
      assertThat(text(jar, "META-INF/THIRD-PARTY.txt")).isEqualTo(thirdParty);
      assertThat(text(jar, "META-INF/licenses/SLF4J-LICENSE.txt")).contains("QOS.ch");
      assertThat(jar.getEntry("LICENSE.txt")).isNull();
      assertThat(jar.getEntry("META-INF/LICENSE.txt")).isNull();
    }
  }

  @Test
  void theLauncherRunsThroughASymlinkOnThePathAndPassesTheExitCode(@TempDir Path tmp)
      throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(
        bin.resolve("flightplan"), DIST.resolve("bin/flightplan").toAbsolutePath());
    Map<String, String> env =
        Map.of(
            "PATH",
            bin + ":" + System.getenv("PATH"),
            "FLIGHTPLAN_CACHE_DIR",
            tmp.resolve("cache").toString());
    Processes.Run version =
        Processes.run(Path.of("."), env, List.of("env", "flightplan", "--version"));
    assertThat(version.exit()).as(version.all()).isZero();
    assertThat(version.out()).startsWith("flightplan " + Processes.version() + " (commit ");
    assertThat(version.err()).isEmpty();

    Path typo = tmp.resolve("typo.yaml");
    Files.writeString(
        typo,
        Files.readString(Path.of("examples/testflight.yaml"))
            .replace("\n    testers:", "\n    testres:"));
    Processes.Run invalid =
        Processes.run(
            Path.of("."), env, List.of("env", "flightplan", "validate", "-f", typo.toString()));
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).contains("typo.yaml:").contains("testres");
    assertThat(Processes.run(Path.of("."), env, List.of("env", "flightplan", "frobnicate")).exit())
        .isEqualTo(64);
  }

  @Test
  void theCompletionScriptCompletesCommandsAndOptionsInBash() throws Exception {
    String script = DIST.resolve("completion/flightplan.bash").toAbsolutePath().toString();
    assertThat(complete(script, "flightplan", "pl")).containsExactly("plan");
    assertThat(complete(script, "flightplan", ""))
        .contains("validate", "plan", "apply", "pull", "sandbox", "version");
    assertThat(complete(script, "flightplan", "plan", "--det"))
        .containsExactly("--detailed-exitcode");
    assertThat(complete(script, "flightplan", "plan", "--format", ""))
        .contains("text", "markdown", "json");
  }

  /**
   * The words bash offers for the last of {@code words}, as the completion function computes them.
   */
  private static List<String> complete(String script, String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append("'");
    }
    String program =
        "source '"
            + script
            + "' 2>/dev/null; COMP_WORDS=("
            + array
            + "); COMP_CWORD="
            + (words.length - 1)
            + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_flightplan 2>/dev/null;"
            + " printf '%s\\n' \"${COMPREPLY[@]}\"";
    Processes.Run r = Processes.run(Path.of("."), Map.of(), List.of("bash", "-c", program));
    List<String> offered =
        new ArrayList<>(r.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
    Collections.sort(offered);
    return offered;
  }

  private static String text(ZipFile zip, String name) throws IOException {
    ZipEntry e = zip.getEntry(name);
    assertThat(e).as(name).isNotNull();
    return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
