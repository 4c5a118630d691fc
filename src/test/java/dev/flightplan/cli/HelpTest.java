package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.flightplan.testing.IntegrationTest;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} of every command, and {@code help [COMMAND]}: laid out in the width asked for,
 * wrapped between words only (an option, a path, a URL or an example is never cut in two), options
 * in sections, 2-3 examples per command that are themselves valid command lines; and {@code
 * --version} on every command.
 */
@IntegrationTest
class HelpTest {
  /** The root ("") and every subcommand. */
  private static List<String> commands() {
    List<String> all = new ArrayList<>(List.of(""));
    all.addAll(RootCommand.SUBCOMMANDS.keySet());
    return all;
  }

  private static CommandLine tree() {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    return Main.commandLine(
        new Environment(nowhere, nowhere, Map.of(), InputStream.nullInputStream(), false));
  }

  private static CommandSpec spec(String command) {
    CommandLine root = tree();
    return (command.isEmpty() ? root : root.getSubcommands().get(command)).getCommandSpec();
  }

  private static String[] args(String command, String... more) {
    return Stream.concat(
            command.isEmpty() ? Stream.empty() : Stream.of(command), Arrays.stream(more))
        .toArray(String[]::new);
  }

  @ParameterizedTest
  @ValueSource(ints = {80, 200})
  void everyHelpFitsTheWidthAndKeepsEveryWordOptionAndExampleWhole(int width) {
    for (String command : commands()) {
      CliRunner.Result r =
          CliRunner.plain().env("COLUMNS", String.valueOf(width)).run(args(command, "--help"));
      String help = r.out();
      assertThat(r.exit()).as(command).isZero();
      assertThat(help.lines())
          .as(command)
          .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(width));
      Set<String> words = words(help);
      CommandSpec spec = spec(command);
      for (OptionSpec option : spec.options()) {
        for (String name : option.names()) {
          String shown =
              option.arity().max() == 0 || !name.equals(option.longestName())
                  ? name
                  : name + "=" + option.paramLabel();
          assertThat(help)
              .as("%s: %s", command, shown)
              .containsPattern("(?m)(^|[ ,])" + Pattern.quote(shown) + "(,|\\s|$)");
        }
        assertThat(words)
            .as("%s %s", command, option.longestName())
            .containsAll(words(String.join(" ", option.description())));
      }
      assertThat(words)
          .as(command)
          .containsAll(words(String.join(" ", spec.usageMessage().description())));
      List<String> examples = examples(spec);
      assertThat(examples).as(command).hasSizeBetween(2, 3);
      assertThat(help.lines().toList()).as(command).containsAll(examples);
    }
  }

  @Test
  void withoutColumnsTheHelpIs80Wide() {
    for (String command : commands()) {
      assertThat(CliRunner.plain().run(args(command, "--help")).out().lines())
          .as(command)
          .allSatisfy(
              line -> assertThat(line.length()).isLessThanOrEqualTo(HelpLayout.DEFAULT_WIDTH));
    }
  }

  @Test
  void optionsAreGroupedInputConnectionSafetyOutput() {
    String help = CliRunner.plain().run("apply", "--help").out();
    List<String> order =
        List.of(
            "Arguments:",
            "[PLAN]",
            "Input:",
            "-f, --file=FILE",
            "Connection:",
            "--api-url=URL",
            "Safety:",
            "--auto-approve",
            "--max-deletes=N",
            "--read-only",
            "Output:",
            "--no-color",
            "Other:",
            "-h, --help",
            "Examples:");
    List<String> lines = help.lines().toList();
    List<Integer> at = order.stream().map(s -> indexOfLineStarting(lines, s)).toList();
    assertThat(at).as(help).doesNotContain(-1).isSorted();
    // without sections of its own, a command lists its options under one heading
    assertThat(CliRunner.plain().run("sandbox", "--help").out())
        .contains("\nOptions:\n")
        .doesNotContain("Other:");
  }

  private static int indexOfLineStarting(List<String> lines, String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith(start)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void everyExampleIsACommandLineFlightplanAccepts() {
    for (String command : commands()) {
      for (String example : examples(spec(command))) {
        String line =
            example
                .substring(example.indexOf("flightplan ") + "flightplan ".length())
                .split("[)|>#]")[0]
                .strip();
        String[] words = line.split(" +");
        assertThatCode(() -> tree().parseArgs(words)).as(example).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void helpCommandShowsTheSameHelpAsTheOption() {
    assertThat(CliRunner.plain().run("help").out())
        .isEqualTo(CliRunner.plain().run("--help").out());
    for (String command : RootCommand.SUBCOMMANDS.keySet()) {
      CliRunner.Result viaHelp = CliRunner.plain().run("help", command);
      assertThat(viaHelp.exit()).as(command).isZero();
      assertThat(viaHelp.out())
          .as(command)
          .isEqualTo(CliRunner.plain().run(command, "--help").out());
    }
    CliRunner.Result unknown = CliRunner.plain().run("help", "aply");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).startsWith("error: Unknown subcommand 'aply'.");
  }

  @Test
  void everyCommandTakesVersion() {
    String version = CliRunner.plain().run("--version").out();
    assertThat(version).startsWith("flightplan ");
    for (String command : RootCommand.SUBCOMMANDS.keySet()) {
      if (command.equals(RootCommand.HELP)) {
        continue; // picocli's help command has -h only
      }
      CliRunner.Result r = CliRunner.plain().run(command, "--version");
      assertThat(r.exit()).as(command).isZero();
      assertThat(r.out()).as(command).isEqualTo(version);
      assertThat(CliRunner.plain().run(command, "-V").out()).as(command).isEqualTo(version);
    }
  }

  @Test
  void wrappingBreaksAtSpacesOnlyAndKeepsLongWordsWhole() {
    assertThat(WrappingHelp.wrap("see https://api.appstoreconnect.apple.com for it", 20, 2))
        .containsExactly("see", "  https://api.appstoreconnect.apple.com", "  for it");
    assertThat(WrappingHelp.wrap("  5xx=RATE      answer 500/503 (RATE from 0 to 1)", 30, 2))
        .containsExactly("  5xx=RATE      answer 500/503", "    (RATE from 0 to 1)");
    assertThat(WrappingHelp.wrap("fits", 4, 2)).containsExactly("fits");
  }

  /** The examples of a command's footer: its indented lines. */
  private static List<String> examples(CommandSpec spec) {
    return Arrays.stream(spec.usageMessage().footer()).filter(l -> l.startsWith("  ")).toList();
  }

  private static Set<String> words(String text) {
    return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
  }
}
