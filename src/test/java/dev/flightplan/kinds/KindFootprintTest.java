package dev.flightplan.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A kind is a plug-in: besides its folder under {@code kinds/}, its records and schema in {@code
 * config/} and its endpoints in {@code sandbox/}, at most two main files may name it (the registry,
 * {@code kinds/Kinds.java}, and one more). A file names a kind when it mentions, in code or
 * comment, one of the kind's type names, its API resource type, its key in the file, its address
 * type or its package.
 */
class KindFootprintTest {
  private static final Path MAIN = Path.of("src/main/java/dev/flightplan");
  private static final int MOST = 2;

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of(
            "license",
            "LicenseAgreement|licenseAgreement|LiveLicense|betaLicense|kinds\\.license\\b"),
        Arguments.of("reviewdetail", "ReviewDetail|reviewDetail|kinds\\.reviewdetail\\b"),
        Arguments.of(
            "localization",
            "LocalizationSpec|LiveLocalization|AppLocalization|localizations\\(\\)|\"localization\"|kinds\\.localization\\b"),
        Arguments.of(
            "appclip",
            "AppClip|appClip|APP_CLIP|App Clip|[Ii]nvocationSpec|LiveInvocation|[Ii]nvocation_?[Bb]uilds|buildBundles|kinds\\.appclip\\b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void atMostTwoMainFilesOutsideItsFolderConfigAndTheSandboxNameTheKind(String folder, String names)
      throws IOException {
    Pattern pattern = Pattern.compile(names);
    Path own = MAIN.resolve("kinds").resolve(folder);
    assertThat(own).as("the kind's folder").isDirectory();
    List<String> naming;
    try (Stream<Path> files = Files.walk(MAIN)) {
      naming =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(
                  f ->
                      !f.startsWith(own)
                          && !f.startsWith(MAIN.resolve("config"))
                          && !f.startsWith(MAIN.resolve("sandbox")))
              .filter(f -> pattern.matcher(read(f)).find())
              .map(f -> MAIN.relativize(f).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    assertThat(naming)
        .as("main files outside kinds/%s/, config/ and sandbox/ that name the kind", folder)
        .contains("kinds/Kinds.java")
        .hasSizeLessThanOrEqualTo(MOST);
  }

  /**
   * The state reader reads what kinds declare (KindReads) and depends on no kind: kinds depend on
   * it.
   */
  @Test
  void theStatePackageNamesNoKind() throws IOException {
    List<String> naming;
    try (Stream<Path> files = Files.list(MAIN.resolve("state"))) {
      naming =
          files
              .filter(f -> read(f).contains("dev.flightplan.kinds"))
              .map(f -> f.getFileName().toString())
              .sorted()
              .toList();
    }
    assertThat(naming).as("files of state/ that name the kinds package").isEmpty();
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
