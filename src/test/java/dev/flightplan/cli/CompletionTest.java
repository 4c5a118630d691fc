package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code flightplan completion bash|zsh|fish} prints a completion script made from the command
 * model: the same bash script the distribution ships (and zsh runs through bashcompinit), and a
 * fish script with a line for every command and option. Each is checked by its shell where that
 * shell is installed.
 */
@IntegrationTest
class CompletionTest {
  @TempDir Path tmp;

  @Test
  void bashAndZshGetPicocliScriptTheOneTheDistributionShips() throws Exception {
    CliRunner.Result bash = CliRunner.plain().run("completion", "bash");
    assertThat(bash.exit()).as(bash.err()).isZero();
    assertThat(bash.out())
        .isEqualTo(CompletionScript.bash())
        .contains("complete -F _complete_flightplan");
    assertThat(bash.out())
        .contains(
            "function _picocli_flightplan_completion()",
            "(\"bash\" \"zsh\" \"fish\")",
            "function _picocli_flightplan_help()");
    assertThat(CliRunner.plain().run("completion", "zsh").out())
        .isEqualTo(bash.out())
        .contains("bashcompinit");
    Path script = Files.writeString(tmp.resolve("flightplan.bash"), bash.out());
    assertThat(shell("bash", "-n", script.toString())).as("bash -n").isZero();
    if (installed("zsh")) {
      assertThat(shell("zsh", "-n", script.toString())).as("zsh -n").isZero();
    }
  }

  @Test
  void fishGetsALineForEveryCommandAndOption() throws Exception {
    CliRunner.Result fish = CliRunner.plain().run("completion", "FISH");
    assertThat(fish.exit()).as(fish.err()).isZero();
    String script = fish.out();
    assertThat(script)
        .startsWith("# fish completion for flightplan")
        .contains("\ncomplete -c flightplan -f\n");
    CommandLine tree =
        Main.commandLine(
            new Environment(
                new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()),
                java.util.Map.of(),
                java.io.InputStream.nullInputStream(),
                false));
    assertThat(tree.getSubcommands()).hasSizeGreaterThanOrEqualTo(8);
    tree.getSubcommands()
        .forEach(
            (name, sub) -> {
              assertThat(script)
                  .contains(
                      "complete -c flightplan -n '__fish_use_subcommand' -a '" + name + "' -d '");
              String within =
                  "complete -c flightplan -n '__fish_seen_subcommand_from " + name + "'";
              for (OptionSpec option : sub.getCommandSpec().options()) {
                assertThat(script).as(name).contains(within + fishNames(option));
              }
            });
    assertThat(script)
        .contains(
            "__fish_seen_subcommand_from plan' -s f -l file -r -F -d 'The desired-state file (default: testflight.yaml);")
        .contains("__fish_seen_subcommand_from plan' -l format -r -f -a 'text markdown json' -d ")
        .contains("__fish_seen_subcommand_from plan' -l detailed-exitcode -d 'Exit 0 when")
        .contains("__fish_seen_subcommand_from apply' -F -d 'A plan saved with plan -o.'")
        .contains("__fish_seen_subcommand_from completion' -f -a 'bash zsh fish'")
        .contains(
            "__fish_seen_subcommand_from help' -f -a 'validate plan apply show pull sandbox version completion help'")
        .contains(
            "-d 'Show personal data in the Markdown view instead of masking it: email addresses (c***@example.com),"
                + " testers\\' names and the review contact\\'s name and phone (C***). --show-emails is the former name.'");
    if (installed("fish")) {
      Path file = Files.writeString(tmp.resolve("flightplan.fish"), script);
      assertThat(shell("fish", "--no-execute", file.toString())).as("fish --no-execute").isZero();
      assertThat(fishCompletes(file, "flightplan pl")).containsExactly("plan");
      assertThat(fishCompletes(file, "flightplan plan --for")).containsExactly("--format");
      assertThat(fishCompletes(file, "flightplan plan --format "))
          .containsExactly("json", "markdown", "text");
      assertThat(fishCompletes(file, "flightplan completion "))
          .containsExactly("bash", "fish", "zsh");
    }
  }

  @Test
  void anUnknownShellIsAUsageErrorNamingTheShells() {
    CliRunner.Result r = CliRunner.plain().run("completion", "tcsh");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: unknown shell \"tcsh\": the shells are bash, zsh, fish\n"
                + "See 'flightplan completion --help'.\n");
    assertThat(CliRunner.plain().run("completion").exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void theBuildWritesTheBashAndFishScripts() throws Exception {
    CompletionScript.main(new String[] {tmp.resolve("completion").toString()});
    assertThat(Files.readString(tmp.resolve("completion/flightplan.bash")))
        .isEqualTo(CompletionScript.bash());
    assertThat(Files.readString(tmp.resolve("completion/flightplan.fish")))
        .isEqualTo(CliRunner.plain().run("completion", "fish").out());
  }

  private static String fishNames(OptionSpec option) {
    StringBuilder names = new StringBuilder();
    for (String n : option.names()) {
      names.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
    }
    return names.toString();
  }

  /** The words fish offers for {@code line}, without their descriptions, sorted. */
  private List<String> fishCompletes(Path script, String line) throws Exception {
    Process p =
        new ProcessBuilder(
                "fish", "--no-config", "-c", "source " + script + "; complete -C '" + line + "'")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> words = new ArrayList<>(out.lines().map(l -> l.split("\t")[0]).toList());
    words.sort(null);
    return words;
  }

  private static int shell(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).inheritIO().start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  /** Whether {@code program} is on the PATH (bash is assumed: the build's scripts need it). */
  private static boolean installed(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
