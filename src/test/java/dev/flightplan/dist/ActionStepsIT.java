package dev.flightplan.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The shell steps of the setup-flightplan action (examples/github/actions), run as GitHub runs a
 * composite action's steps ({@code bash --noprofile --norc -eo pipefail}), against a release staged
 * from this build by scripts/stage-release and served from a file:// URL: it installs the release
 * after checking its SHA-256, puts {@code flightplan} on the PATH, and refuses an archive that does
 * not match. The steps that use other actions (checkout, setup-java, cache) are GitHub's; the
 * source build is not run here (it is a Maven build of its own).
 */
@IntegrationTest
class ActionStepsIT {
  private static final Path ACTION = Path.of("examples/github/actions/setup-flightplan/action.yml");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
  private static final String VERSION = Processes.version();

  @TempDir Path tmp;
  private Path releases;
  private final Map<String, String> inputs = new HashMap<>();
  private final Map<String, Map<String, String>> outputs = new HashMap<>();

  @BeforeEach
  void stageTheRelease() throws Exception {
    Processes.Run staged =
        Processes.run(Path.of("."), Map.of(), List.of("bash", "scripts/stage-release", VERSION));
    assertThat(staged.exit()).as(staged.all()).isZero();
    releases = Files.createDirectories(tmp.resolve("releases/v" + VERSION));
    for (String f :
        List.of(
            "SHA256SUMS",
            "flightplan-" + VERSION + ".tar.gz",
            "flightplan-" + VERSION + ".jar",
            "flightplan-" + VERSION + ".zip")) {
      Files.copy(Path.of("target/release").resolve(f), releases.resolve(f));
    }
    inputs.put("version", VERSION);
    inputs.put("download-url", tmp.resolve("releases").toUri().toString().replaceAll("/$", ""));
  }

  @Test
  void installsTheReleaseCheckedAgainstItsSumsAndPutsItOnThePath() throws Exception {
    Processes.Run last = runSteps();
    assertThat(last.exit()).as(last.all()).isZero();
    Path home = tmp.resolve("tool-cache/flightplan/" + VERSION);
    assertThat(Files.readString(tmp.resolve("github_path")).strip())
        .isEqualTo(home.resolve("bin").toString());
    assertThat(Files.readString(tmp.resolve("github_env")))
        .contains("FLIGHTPLAN_CACHE_DIR=" + home.resolve("cache"));
    assertThat(outputs.get("install")).containsEntry("version", VERSION);
    assertThat(last.out()).startsWith("flightplan " + VERSION + " (commit ");
    try (var archives = Files.list(home.resolve("cache"))) {
      assertThat(archives.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".jsa"));
    }
    Processes.Run onPath =
        Processes.run(
            Path.of("."),
            Map.of("PATH", home.resolve("bin") + ":" + System.getenv("PATH")),
            List.of("env", "flightplan", "validate", "-f", "examples/testflight.yaml"));
    assertThat(onPath.exit()).as(onPath.all()).isZero();
  }

  @Test
  void refusesAnArchiveThatDoesNotMatchTheReleaseSums() throws Exception {
    Files.writeString(
        releases.resolve("flightplan-" + VERSION + ".tar.gz"),
        "not the release",
        java.nio.file.StandardOpenOption.APPEND);
    Processes.Run r = runSteps();
    assertThat(r.exit()).isNotZero();
    assertThat(r.out())
        .contains(
            "::error::setup-flightplan: flightplan-"
                + VERSION
                + ".tar.gz does not match the SHA-256 in the release's SHA256SUMS");
    assertThat(tmp.resolve("tool-cache/flightplan/" + VERSION)).doesNotExist();
  }

  @Test
  void checksTheSha256InputWhenGiven() throws Exception {
    inputs.put("sha256", "0".repeat(64));
    Processes.Run r = runSteps();
    assertThat(r.exit()).isNotZero();
    assertThat(r.out()).contains("does not match the sha256 input");
  }

  @Test
  void saysWhatIsWrongWithAVersionThatIsNoRelease() throws Exception {
    inputs.put("version", "latest");
    Processes.Run r = runSteps();
    assertThat(r.exit()).isNotZero();
    assertThat(r.out())
        .contains("version 'latest' is not a release version like 0.1.0 (or 'source')");
  }

  /**
   * Runs the action's shell steps whose condition holds, in order, until one fails; returns the
   * last run.
   */
  @SuppressWarnings("unchecked")
  private Processes.Run runSteps() throws Exception {
    Map<String, Object> action = new Yaml().load(Files.readString(ACTION));
    ((Map<String, Map<String, Object>>) action.get("inputs"))
        .forEach(
            (name, spec) ->
                inputs.putIfAbsent(name, String.valueOf(spec.getOrDefault("default", ""))));
    List<Map<String, Object>> steps =
        (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
    Processes.Run last = null;
    for (Map<String, Object> step : steps) {
      if (!step.containsKey("run") || !holds(String.valueOf(step.getOrDefault("if", "true")))) {
        continue;
      }
      assertThat(step.get("shell"))
          .as("a composite action's run step names its shell")
          .isEqualTo("bash");
      Map<String, String> env = new LinkedHashMap<>();
      ((Map<String, Object>) step.getOrDefault("env", Map.of()))
          .forEach((k, v) -> env.put(k, expand(String.valueOf(v))));
      Path output = tmp.resolve("github_output");
      Files.deleteIfExists(output);
      Files.createFile(output);
      env.put("GITHUB_OUTPUT", output.toString());
      env.put("GITHUB_PATH", tmp.resolve("github_path").toString());
      env.put("GITHUB_ENV", tmp.resolve("github_env").toString());
      env.put("RUNNER_TEMP", Files.createDirectories(tmp.resolve("runner-temp")).toString());
      env.put("JAVA_HOME", System.getProperty("java.home"));
      Path script = Files.writeString(tmp.resolve("step.sh"), String.valueOf(step.get("run")));
      last =
          Processes.run(
              Path.of("."),
              env,
              List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()));
      Map<String, String> written = new HashMap<>();
      Files.readAllLines(output).stream()
          .filter(l -> l.contains("="))
          .forEach(
              l -> written.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
      if (step.containsKey("id")) {
        outputs.put(String.valueOf(step.get("id")), written);
      }
      if (last.exit() != 0) {
        break;
      }
    }
    return last;
  }

  /**
   * The conditions the action's shell steps use; any other is a failure of this test, to be taught
   * here.
   */
  private boolean holds(String condition) {
    return switch (condition) {
      case "true" -> true;
      case "inputs.version == 'source'" -> inputs.get("version").equals("source");
      case "inputs.version != 'source' && steps.cache.outputs.cache-hit != 'true'" ->
          !inputs.get("version").equals("source");
      case "inputs.version == 'source' && steps.cache.outputs.cache-hit != 'true'" ->
          inputs.get("version").equals("source");
      default -> throw new AssertionError("a condition this test does not know: " + condition);
    };
  }

  private String expand(String value) {
    Matcher m = EXPRESSION.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(evaluate(m.group(1))));
    }
    return m.appendTail(out).toString();
  }

  private String evaluate(String expression) {
    if (expression.startsWith("inputs.")) {
      return inputs.get(expression.substring("inputs.".length()));
    }
    if (expression.equals("runner.tool_cache")) {
      return tmp.resolve("tool-cache").toString();
    }
    Matcher step = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)").matcher(expression);
    if (step.matches()) {
      return outputs.getOrDefault(step.group(1), Map.of()).getOrDefault(step.group(2), "");
    }
    throw new AssertionError("an expression this test does not know: " + expression);
  }
}
