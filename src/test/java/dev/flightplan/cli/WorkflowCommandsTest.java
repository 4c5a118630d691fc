package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The ready-made GitHub workflows in examples/github: every flightplan command line they run parses
 * with the real command line (picocli's parseArgs, nothing executed), and the workflows keep the
 * properties the docs promise.
 */
@IntegrationTest
class WorkflowCommandsTest {
  private static final Path ROOT = Path.of("examples/github");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{.*?}}");

  /** One flightplan invocation found in a file. */
  record Invocation(Path file, List<String> args) {}

  @Test
  void everyFlightplanCommandParses() throws IOException {
    List<Invocation> all = invocations();
    assertThat(all)
        .extracting(i -> i.file().getFileName().toString())
        .contains(
            "flightplan-plan.yml",
            "flightplan-apply.yml",
            "flightplan-drift.yml",
            "flightplan-reminders.yml",
            "action.yml");
    for (Invocation i : all) {
      CommandLine cmd =
          Main.commandLine(
              new Environment(
                  new PrintWriter(new StringWriter()),
                  new PrintWriter(new StringWriter()),
                  Map.of(),
                  java.io.InputStream.nullInputStream(),
                  false));
      try {
        CommandLine.ParseResult parsed = cmd.parseArgs(i.args().toArray(String[]::new));
        assertThat(parsed.hasSubcommand() || parsed.isVersionHelpRequested())
            .as("%s: %s", i.file(), i.args())
            .isTrue();
      } catch (CommandLine.ParameterException e) {
        fail(i.file() + ": flightplan " + String.join(" ", i.args()) + ": " + e.getMessage());
      }
    }
    List<String> lines = all.stream().map(i -> String.join(" ", i.args())).toList();
    assertThat(lines)
        .contains(
            "plan -f testflight/testflight.yaml -o plan.json --format markdown --detailed-exitcode --mask-emails")
        .contains("apply reviewed/plan.json --no-color --mask-emails")
        .contains(
            "plan -f testflight/testflight.yaml --prune --detailed-exitcode --format markdown --mask-emails")
        .contains(
            "apply -f testflight/testflight.yaml --invitations-only --auto-approve --no-color --mask-emails");
  }

  @Test
  void everyWorkflowThatPlansReadsTheInvitationLogAndEveryApplyKeepsIt() throws IOException {
    for (Path workflow : workflows()) {
      if (!workflow.getFileName().toString().startsWith("flightplan-")) {
        continue;
      }
      String text = Files.readString(workflow);
      assertThat(text)
          .as("%s restores the invitation log", workflow)
          .contains("uses: actions/cache/restore@v4")
          .contains("path: .flightplan/invitations.json");
      boolean applies =
          invocations().stream()
              .anyMatch(i -> i.file().equals(workflow) && i.args().get(0).equals("apply"));
      assertThat(text.contains("uses: actions/cache/save@v4"))
          .as("%s keeps the invitation log it may write", workflow)
          .isEqualTo(applies);
    }
  }

  @Test
  void workflowsKeepTheirPromises() throws IOException {
    String apply = Files.readString(ROOT.resolve("workflows/flightplan-apply.yml"));
    assertThat(apply).contains("--name flightplan-plan");
    for (Path workflow : workflows()) {
      String text = Files.readString(workflow);
      if (text.contains("ASC_KEY_ID")) {
        assertThat(text)
            .as("%s takes credentials from secrets", workflow)
            .contains("ASC_KEY_ID: ${{ secrets.ASC_KEY_ID }}")
            .contains("ASC_ISSUER_ID: ${{ secrets.ASC_ISSUER_ID }}")
            .contains("ASC_PRIVATE_KEY: ${{ secrets.ASC_PRIVATE_KEY }}")
            .doesNotContain("echo \"$ASC_PRIVATE_KEY");
      }
    }
    assertThat(Files.readString(ROOT.resolve("workflows/flightplan-plan.yml")))
        .contains("name: flightplan-plan")
        .contains("<!-- flightplan-plan -->");
  }

  static List<Path> workflows() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  static List<Invocation> invocations() throws IOException {
    return invocations(workflows());
  }

  /**
   * The flightplan command lines of the run steps of these workflow (or action) files, in file
   * order.
   */
  static List<Invocation> invocations(List<Path> files) throws IOException {
    List<Invocation> found = new ArrayList<>();
    for (Path file : files) {
      Object tree = new Yaml().load(Files.readString(file));
      Map<String, String> env = new HashMap<>();
      List<String> scripts = new ArrayList<>();
      collect(tree, env, scripts);
      for (String script : scripts) {
        for (List<String> words : commands(script, env)) {
          int i = 0;
          while (i < words.size() && words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            i++; // NAME=value before the command
          }
          if (i < words.size()
              && Path.of(words.get(i)).getFileName().toString().equals("flightplan")) {
            found.add(new Invocation(file, words.subList(i + 1, words.size())));
          }
        }
      }
    }
    return found;
  }

  /**
   * Every {@code run} script, and every {@code env} entry (to expand $VARIABLES), anywhere in the
   * document.
   */
  @SuppressWarnings("unchecked")
  private static void collect(Object node, Map<String, String> env, List<String> scripts) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if ("run".equals(e.getKey()) && e.getValue() instanceof String s) {
          scripts.add(s);
        } else if ("env".equals(e.getKey()) && e.getValue() instanceof Map<?, ?> vars) {
          ((Map<Object, Object>) vars)
              .forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        } else {
          collect(e.getValue(), env, scripts);
        }
      }
    } else if (node instanceof List<?> list) {
      list.forEach(n -> collect(n, env, scripts));
    }
  }

  /**
   * The simple commands of a shell script as word lists: quotes removed, variables expanded,
   * operators dropped.
   */
  static List<List<String>> commands(String script, Map<String, String> env) {
    return ShellScript.parse(EXPRESSION.matcher(script).replaceAll("expr"), env).stream()
        .map(ShellScript.Command::words)
        .toList();
  }

  @Test
  void theExtractorReadsShellAsAShellWould() {
    List<List<String>> commands =
        commands(
            "set +e\nflightplan plan -f \"$F\" -o plan.json > plan.md 2> plan.log\ncode=$?\n\"$dir/bin/flightplan\" --version # comment\n",
            Map.of("F", "t.yaml"));
    assertThat(commands)
        .contains(
            List.of("flightplan", "plan", "-f", "t.yaml", "-o", "plan.json"),
            List.of("placeholder/bin/flightplan", "--version"));
  }
}
