package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.ConfigLoader;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never reaches App Store Connect: every malformed desired-state file, hand-written
 * ({@code config/invalid/}) or generated, makes plan and apply exit 1 with positioned errors
 * ({@code file:line:col: error: ...}), no stack trace, and no API request at all.
 *
 * <p>The generated files come from a property-based test written without a framework: a seeded
 * generator mutates valid files (wrong types, misspelt keys, truncations, garbage), each case named
 * by its seed so that a failure replays with {@code -Dmalformed.seed=N}. A mutation that happens to
 * leave a valid file is skipped; at least 200 must be malformed.
 */
@IntegrationTest
class MalformedConfigTest extends SandboxTest {
  static final int CASES = Integer.getInteger("malformed.cases", 400);
  static final Pattern KEY_LINE = Pattern.compile("^(\\s*(?:- )?)([A-Za-z][A-Za-z0-9]*)(:)(.*)$");
  static final String[] GARBAGE = {
    "\t",
    "{{",
    "]]",
    ": :",
    "- - -",
    "\u0000",
    "@",
    "&a",
    "*nothing",
    "!!binary x",
    "%YAML 9",
    "? ",
    "---\n",
    "`",
    "\"unterminated",
    "'",
    "|\n x",
    "{a: [",
    "\uFFFE",
    "\u00e9\u0301",
    "key: value: other"
  };
  static final String[] WRONG_VALUES = {
    "[1, 2]", "{ a: 1 }", "123", "true", "null", "\"text\"", "-1", "1.5", "[]", "{}"
  };

  @TempDir Path tmp;

  @Test
  void everyHandWrittenMalformedFileIsRefusedWithPositionsAndNoRequest() throws Exception {
    List<Path> files = handWritten();
    assertThat(files).hasSizeGreaterThanOrEqualTo(68);
    for (Path file : files) {
      refusedWithoutARequest(file, "plan");
      refusedWithoutARequest(file, "apply");
    }
  }

  @Test
  void generatedMalformedFilesAreRefusedWithPositionsAndNoRequest() throws IOException {
    List<String> valid =
        List.of(
            Files.readString(Path.of("examples/testflight.yaml")),
            "version: 1\napps:\n  - bundleId: com.example.weather\n    manage: { groups: all, testers: exclusive }\n"
                + "    groups:\n      - name: QA\n        internal: true\n        testers: [alice@example.com]\n"
                + "    testers:\n      - email: alice@example.com\n        firstName: Alice\n");
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));
    Long only = Long.getLong("malformed.seed");
    Map<String, Integer> malformedByKind = new TreeMap<>();
    int malformed = 0;
    for (long seed = only != null ? only : 1; seed <= (only != null ? only : CASES); seed++) {
      Random random = new Random(seed);
      String base = valid.get(random.nextInt(valid.size()));
      String kind =
          List.of("wrong-type", "misspelt-key", "truncation", "garbage").get(random.nextInt(4));
      String mutated = mutate(base, kind, random);
      Path file = tmp.resolve("case-" + seed + ".yaml");
      Files.writeString(file, mutated, StandardCharsets.UTF_8);
      if (ConfigLoader.load(file).state().isPresent()) {
        continue; // still a valid file: not a malformed case
      }
      malformed++;
      malformedByKind.merge(kind, 1, Integer::sum);
      refusedWithoutARequest(file, seed % 2 == 0 ? "plan" : "apply");
    }
    System.out.println(
        "malformed configs generated: " + malformed + " of " + CASES + " " + malformedByKind);
    if (only == null) {
      assertThat(malformed).as("malformed files generated").isGreaterThanOrEqualTo(200);
      assertThat(malformedByKind)
          .containsKeys("wrong-type", "misspelt-key", "truncation", "garbage");
    }
  }

  private void refusedWithoutARequest(Path file, String command) throws IOException {
    String content = Files.readString(file, StandardCharsets.ISO_8859_1);
    CliRunner.Result r =
        command.equals("plan")
            ? cli().run(sandbox, "plan", "-f", file.toString())
            : cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    String replay = file.getFileName() + " (" + command + "):\n" + content + "\n---\n" + r.all();
    assertThat(r.exit()).as(replay).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err())
        .as(replay)
        .containsPattern("(?m)^" + Pattern.quote(file.toString()) + ":\\d+:\\d+: error: \\S")
        .doesNotContain("internal error")
        .doesNotContain("Exception")
        .doesNotContainPattern("(?m)^\\s+at [a-z]");
    assertThat(sandbox.totalRequests()).as("API requests for " + replay).isZero();
  }

  /** One mutation of a valid file, chosen by {@code random}. */
  static String mutate(String text, String kind, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    switch (kind) {
      case "wrong-type" -> {
        int i = randomKeyLine(lines, random, true);
        Matcher m = KEY_LINE.matcher(lines.get(i));
        if (m.matches()) {
          lines.set(
              i,
              m.group(1) + m.group(2) + ": " + WRONG_VALUES[random.nextInt(WRONG_VALUES.length)]);
        }
      }
      case "misspelt-key" -> {
        int i = randomKeyLine(lines, random, false);
        Matcher m = KEY_LINE.matcher(lines.get(i));
        if (m.matches()) {
          lines.set(i, m.group(1) + misspell(m.group(2), random) + m.group(3) + m.group(4));
        }
      }
      case "truncation" -> {
        return text.substring(0, 1 + random.nextInt(Math.max(1, text.length() - 1)));
      }
      default -> {
        int at = random.nextInt(text.length());
        return text.substring(0, at) + GARBAGE[random.nextInt(GARBAGE.length)] + text.substring(at);
      }
    }
    return String.join("\n", lines);
  }

  /** A line that holds a key (with a scalar value, when {@code scalar}). */
  private static int randomKeyLine(List<String> lines, Random random, boolean scalar) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = KEY_LINE.matcher(lines.get(i));
      if (m.matches()
          && !lines.get(i).trim().startsWith("#")
          && (!scalar || !m.group(4).isBlank())) {
        candidates.add(i);
      }
    }
    return candidates.get(random.nextInt(candidates.size()));
  }

  private static String misspell(String key, Random random) {
    StringBuilder b = new StringBuilder(key);
    switch (random.nextInt(3)) {
      case 0 -> b.deleteCharAt(random.nextInt(b.length()));
      case 1 -> b.insert(random.nextInt(b.length() + 1), (char) ('a' + random.nextInt(26)));
      default -> {
        if (b.length() > 1) {
          int i = random.nextInt(b.length() - 1);
          char c = b.charAt(i);
          b.setCharAt(i, b.charAt(i + 1));
          b.setCharAt(i + 1, c);
        } else {
          b.append('x');
        }
      }
    }
    return b.toString();
  }

  static List<Path> handWritten() throws IOException, URISyntaxException {
    Path dir = Path.of(MalformedConfigTest.class.getResource("/config/invalid").toURI());
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
